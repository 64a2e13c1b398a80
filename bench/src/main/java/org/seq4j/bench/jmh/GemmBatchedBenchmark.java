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
 * W4's attention products, batched: scores = Q·Kᵀ, (T × d)·(d × T), and context = P·V, (T × T)·(T × d), for
 * batch 32 × 4 heads, T = 128, d = 64. Small matrices, so VectorGemm spreads whole items over the threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx4g"})
public class GemmBatchedBenchmark {
    private static final int T = 128;
    private static final int D = 64;

    @Param({"128"})
    public int batch;

    private GemmKernel gemm;
    private float[] q;
    private float[] k;
    private float[] scores;
    private float[] context;

    @Setup
    public void setup() {
        SplittableRandom rnd = new SplittableRandom(3);
        q = new float[batch * T * D];       // (batch, T, d), also used as K and V
        k = new float[batch * T * D];
        for (int i = 0; i < q.length; i++) {
            q[i] = (float) (rnd.nextDouble() * 2 - 1);
            k[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        scores = new float[batch * T * T];  // (batch, T, T)
        context = new float[batch * T * D]; // (batch, T, d)
        gemm = Kernels.gemm();
    }

    /** 2·batch·T·T·d FLOP. */
    @Benchmark
    public float[] scoresQKt() {
        gemm.sgemmBatched(Transpose.NO, Transpose.YES, T, T, D, 0.125f, q, 0, D, T * D, k, 0, D, T * D,
                0f, scores, 0, T, T * T, batch);
        return scores;
    }

    /** 2·batch·T·T·d FLOP. */
    @Benchmark
    public float[] contextPV() {
        gemm.sgemmBatched(Transpose.NO, Transpose.NO, T, D, T, 1f, scores, 0, T, T * T, k, 0, D, T * D,
                0f, context, 0, D, T * D, batch);
        return context;
    }
}
