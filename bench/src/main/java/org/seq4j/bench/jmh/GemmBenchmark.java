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
import org.seq4j.tensor.kernel.GemmKernel;
import org.seq4j.tensor.kernel.Kernels;
import org.seq4j.tensor.kernel.Transpose;

/**
 * SGEMM C = op(A)·op(B) at the W1 shapes, every transpose form, C preallocated. Time per call; GFLOP/s is
 * 2·M·N·K / 1e9 / seconds. Run with
 * {@code java --add-modules jdk.incubator.vector -cp seq4j-bench/target/classes:$(cat seq4j-bench/target/classpath.txt)
 * org.openjdk.jmh.Main GemmBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx4g"})
public class GemmBenchmark {

    /** M x N x K, as in the peers harness. */
    @Param({"256x256x256", "1024x1024x1024", "64x4096x1024"})
    public String shape;

    /** NN = A·B, NT = A·Bᵀ, TN = Aᵀ·B, TT = Aᵀ·Bᵀ. */
    @Param({"NN", "NT", "TN", "TT"})
    public String form;

    private GemmKernel gemm;
    private Transpose ta;
    private Transpose tb;
    private int m;
    private int n;
    private int k;
    private float[] a;
    private float[] b;
    private float[] c;

    @Setup
    public void setup() {
        String[] s = shape.split("x");
        m = Integer.parseInt(s[0]);
        n = Integer.parseInt(s[1]);
        k = Integer.parseInt(s[2]);
        ta = form.charAt(0) == 'T' ? Transpose.YES : Transpose.NO;
        tb = form.charAt(1) == 'T' ? Transpose.YES : Transpose.NO;
        SplittableRandom rnd = new SplittableRandom(7);
        a = random(m * k, rnd);
        b = random(k * n, rnd);
        c = new float[m * n];
        gemm = Kernels.gemm();
    }

    @Benchmark
    public float[] sgemm() {
        int lda = ta == Transpose.YES ? m : k;
        int ldb = tb == Transpose.YES ? k : n;
        gemm.sgemm(ta, tb, m, n, k, 1f, a, 0, lda, b, 0, ldb, 0f, c, 0, n);
        return c;
    }

    private static float[] random(int size, SplittableRandom rnd) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        return x;
    }
}
