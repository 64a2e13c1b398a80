package org.seq4j.bench.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.seq4j.tensor.kernel.MathKernel;
import org.seq4j.tensor.kernel.ScalarMath;
import org.seq4j.tensor.kernel.UnaryOp;
import org.seq4j.tensor.kernel.VectorMath;

/**
 * The element-wise kernels, scalar reference vs Vector API, over one row of n floats (in L1/L2).
 * Run: {@code java -cp seq4j-bench/target/classes:$(cat seq4j-bench/target/classpath.txt) org.openjdk.jmh.Main
 * VectorMathBench}. {@link #expLanewiseOp} is the JDK's own {@code lanewise(EXP)}, kept to show why
 * {@code VectorFunctions} writes its own.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class VectorMathBench {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    @Param({"4096"})
    int n;

    @Param({"scalar", "vector"})
    String kernel;

    @Param({"EXP", "TANH", "SIGMOID", "LOG", "ERF"})
    String op;

    private MathKernel math;
    private UnaryOp unary;
    private float[] x;
    private float[] y;

    @Setup
    public void setup() {
        math = kernel.equals("scalar") ? new ScalarMath() : new VectorMath();
        unary = UnaryOp.valueOf(op);
        SplittableRandom rnd = new SplittableRandom(42);
        x = new float[n];
        y = new float[n];
        for (int i = 0; i < n; i++) {
            float v = (float) rnd.nextDouble(-8, 8);
            x[i] = unary == UnaryOp.LOG ? Math.abs(v) + 1e-3f : v;
        }
    }

    @Benchmark
    public float[] unary() {
        math.unary(unary, x, 0, y, 0, n);
        return y;
    }

    /** Softmax of the row (op is ignored; it only multiplies the runs). */
    @Benchmark
    public float[] softmax() {
        math.softmax(x, 0, y, 0, n);
        return y;
    }

    /** The JDK's lanewise EXP on the same data (kernel and op are ignored). */
    @Benchmark
    public void expLanewiseOp(Blackhole bh) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += SPECIES.length()) {
            FloatVector.fromArray(SPECIES, x, i).lanewise(VectorOperators.EXP).intoArray(y, i);
        }
        for (; i < n; i++) {
            y[i] = (float) Math.exp(x[i]);
        }
        bh.consume(y);
    }
}
