package org.seq4j.bench;

import java.util.SplittableRandom;
import org.seq4j.tensor.kernel.GemmConfig;
import org.seq4j.tensor.kernel.GemmKernel;
import org.seq4j.tensor.kernel.Kernels;
import org.seq4j.tensor.kernel.Transpose;
import org.seq4j.tensor.kernel.VectorGemm;

/**
 * {@code w1}: C[M,N] = op(A)·op(B), row-major, C preallocated (like DL4J's {@code mmuli}). The plain form at the
 * harness's three shapes, then A·Bᵀ and Aᵀ·B (case suffixes {@code -ABt}, {@code -AtB}) at the same shapes, which
 * the report lists without a DJL ratio.
 */
public final class W1Gemm implements Workload {
    private static final Timing.Minimums MIN = new Timing.Minimums(5, 20, 1.0);

    /** One case: shape (M, N, K) and which operands are read transposed. */
    record Case(int m, int n, int k, Transpose ta, Transpose tb) {
        String label() {
            String base = m + "x" + n + "x" + k;
            if (ta == Transpose.YES && tb == Transpose.YES) {
                return base + "-AtBt";
            }
            return base + (ta == Transpose.YES ? "-AtB" : tb == Transpose.YES ? "-ABt" : "");
        }
    }

    static final int[][] SHAPES = {{256, 256, 256}, {1024, 1024, 1024}, {64, 4096, 1024}};

    @Override
    public String name() {
        return "w1";
    }

    @Override
    public String description() {
        return "SGEMM at 256^3, 1024^3 and 64x4096x1024 (M x N x K), plain, A*B^T and A^T*B";
    }

    @Override
    public void run() throws Exception {
        for (int[] s : SHAPES) {
            measure(new Case(s[0], s[1], s[2], Transpose.NO, Transpose.NO));
        }
        for (int[] s : SHAPES) {
            measure(new Case(s[0], s[1], s[2], Transpose.NO, Transpose.YES));
            measure(new Case(s[0], s[1], s[2], Transpose.YES, Transpose.NO));
        }
    }

    /**
     * The kernel in use, or for tuning, {@code -Dseq4j.bench.blocks=mc,kc,nc}: a VectorGemm with those block sizes.
     */
    static GemmKernel kernel() {
        String blocks = System.getProperty("seq4j.bench.blocks");
        if (blocks == null) {
            return Kernels.gemm();
        }
        String[] s = blocks.split(",");
        return new VectorGemm(GemmConfig.blocks(Integer.parseInt(s[0]), Integer.parseInt(s[1]),
                Integer.parseInt(s[2])));
    }

    static void measure(Case cs) throws Exception {
        // For working on the kernel: -Dseq4j.bench.cases=<regex> runs only the matching cases.
        String only = System.getProperty("seq4j.bench.cases");
        if (only != null && !cs.label().matches(only)) {
            return;
        }
        int m = cs.m(), n = cs.n(), k = cs.k();
        SplittableRandom rnd = new SplittableRandom(m * 31L + n * 17L + k);
        // A is stored (M, K), or (K, M) when read transposed; B (K, N) or (N, K). Either way M·K and K·N floats.
        float[] a = Matrices.random(m * k, rnd);
        float[] b = Matrices.random(k * n, rnd);
        float[] c = new float[m * n];
        int lda = cs.ta() == Transpose.YES ? m : k;
        int ldb = cs.tb() == Transpose.YES ? k : n;
        GemmKernel gemm = kernel();
        double gflop = 2.0 * m * n * k / 1e9;
        Timing.measure("W1", cs.label(), MIN, gflop, "GFLOP/s",
                () -> gemm.sgemm(cs.ta(), cs.tb(), m, n, k, 1f, a, 0, lda, b, 0, ldb, 0f, c, 0, n));
    }
}
