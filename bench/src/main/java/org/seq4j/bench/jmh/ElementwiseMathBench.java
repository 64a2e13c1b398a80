package org.seq4j.bench.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
import org.seq4j.tensor.kernel.BinaryOp;
import org.seq4j.tensor.kernel.MathKernel;
import org.seq4j.tensor.kernel.ReduceOp;
import org.seq4j.tensor.kernel.ScalarMath;
import org.seq4j.tensor.kernel.UnaryOp;
import org.seq4j.tensor.kernel.VectorMath;

/**
 * The cheap kernels (memory-bound arithmetic, comparisons, reductions), scalar vs Vector API. Mostly a guard: a
 * Vector API path that silently fell back to Java code (a non-constant operator, a boxed vector) shows up here as
 * a vector kernel slower than the scalar one. Run with {@code -prof gc}: every vector kernel should be 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class ElementwiseMathBench {
    @Param({"4096"})
    int n;

    @Param({"scalar", "vector"})
    String kernel;

    private MathKernel math;
    private float[] a;
    private float[] b;
    private float[] y;

    @Setup
    public void setup() {
        math = kernel.equals("scalar") ? new ScalarMath() : new VectorMath();
        SplittableRandom rnd = new SplittableRandom(7);
        a = new float[n];
        b = new float[n];
        y = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rnd.nextGaussian();
            b[i] = (float) rnd.nextGaussian();
        }
    }

    @Benchmark
    public float[] add() {
        math.binary(BinaryOp.ADD, a, 0, b, 0, y, 0, n);
        return y;
    }

    @Benchmark
    public float[] greaterThanScalar() {
        math.binaryScalar(BinaryOp.GT, a, 0, 0.5f, y, 0, n);
        return y;
    }

    @Benchmark
    public float[] relu() {
        math.unary(UnaryOp.RELU, a, 0, y, 0, n);
        return y;
    }

    @Benchmark
    public float sum() {
        return math.reduce(ReduceOp.SUM, a, 0, n);
    }

    @Benchmark
    public float max() {
        return math.reduce(ReduceOp.MAX, a, 0, n);
    }

    @Benchmark
    public float dot() {
        return math.dot(a, 0, b, 0, n);
    }

    @Benchmark
    public float[] axpy() {
        math.axpy(1e-3f, a, 0, y, 0, n);
        return y;
    }

    @Benchmark
    public float[] logSoftmax() {
        math.logSoftmax(a, 0, y, 0, n);
        return y;
    }
}
