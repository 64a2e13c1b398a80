package org.seq4j.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * {@link VectorGemm} against the {@link ScalarGemm} reference on shapes chosen to hit every edge: sizes 1, tails
 * around the micro-tile (MR rows, NR columns) and the cache blocks, all transposes, alpha/beta, offsets, padded
 * leading dimensions, the m = 1 path, the threaded split and the batched broadcast.
 *
 * <p>Tolerance: the reference sums in double; the fast kernel sums k float products in another order. Each element
 * then differs by at most γ_k · Σ_p |alpha · a_ip · b_pj| (+ one rounding of beta · c), with γ_k ≈ (k + 2) · 2⁻²⁴
 * (Higham, Accuracy and Stability of Numerical Algorithms, §3.1). That bound holds for any data, so the test never
 * flakes, and for k ≤ 600 it is far below the size of one term, which is what a dropped or doubled term (the usual
 * bug) would cost.
 */
class GemmVectorTest {
    private static final int MR = GemmMicroKernel.MR;
    private static final int NR = GemmMicroKernel.NR;
    private static final GemmKernel SCALAR = new ScalarGemm();
    private static final GemmKernel DEFAULT = new VectorGemm();
    /** Tiny blocks and no threshold, so small matrices cross every mc/kc/nc edge, split over the threads. */
    private static final GemmKernel TINY = new VectorGemm(GemmConfig.blocks(2 * MR, 7, 2 * NR).withParallelWork(0));

    private final RandomGenerator rnd = new SplittableRandom(42);

    @Test
    void edgeShapesAllTransposes() {
        int[] ms = {1, 2, MR - 1, MR, MR + 1, 2 * MR + 3, 29};
        int[] ns = {1, 3, NR - 1, NR, NR + 1, 2 * NR + 5};
        int[] ks = {1, 2, 7, 8, 15, 33};
        for (Transpose ta : Transpose.values()) {
            for (Transpose tb : Transpose.values()) {
                for (int m : ms) {
                    for (int n : ns) {
                        int k = ks[rnd.nextInt(ks.length)];
                        check(TINY, ta, tb, m, n, k, 1f, 0f, 0, 0);
                        check(DEFAULT, ta, tb, m, n, k, 1f, 0f, 0, 0);
                    }
                }
            }
        }
    }

    @Test
    void randomShapesAlphaBetaOffsetsPadding() {
        float[] alphas = {1f, -0.5f, 2f};
        float[] betas = {0f, 1f, 0.25f};
        for (int t = 0; t < 300; t++) {
            Transpose ta = rnd.nextBoolean() ? Transpose.YES : Transpose.NO;
            Transpose tb = rnd.nextBoolean() ? Transpose.YES : Transpose.NO;
            int m = 1 + rnd.nextInt(40);
            int n = 1 + rnd.nextInt(3 * NR);
            int k = 1 + rnd.nextInt(40);
            float alpha = alphas[rnd.nextInt(alphas.length)];
            float beta = betas[rnd.nextInt(betas.length)];
            check(t % 2 == 0 ? TINY : DEFAULT, ta, tb, m, n, k, alpha, beta, rnd.nextInt(5), rnd.nextInt(4));
        }
    }

    @Test
    void defaultBlocksAndThreadedSplit() {
        for (Transpose ta : Transpose.values()) {
            for (Transpose tb : Transpose.values()) {
                check(DEFAULT, ta, tb, 203, 2 * NR + 7, 300, 1f, 0f, 3, 2);    // kc split 150 + 150, split M or N
                check(DEFAULT, ta, tb, 13, 9 * NR + 1, 70, 0.5f, 1f, 0, 1);   // split N, tail tiles
                check(DEFAULT, ta, tb, 197, 130, 520, 1f, 0.5f, 1, 0);         // k over 2 default kc blocks
                check(DEFAULT, ta, tb, 203, 3, 300, 1f, 0f, 0, 1);             // narrow C: split M, edge tiles
            }
        }
    }

    @Test
    void rowVectorPath() {
        for (Transpose ta : Transpose.values()) {
            for (Transpose tb : Transpose.values()) {
                check(DEFAULT, ta, tb, 1, 2100, 520, 1f, 0f, 2, 3);   // parallel over columns
                check(DEFAULT, ta, tb, 1, 4 * NR + 19, 37, -1f, 0.5f, 1, 2);
                check(DEFAULT, ta, tb, 1, 3, 1, 2f, 1f, 0, 0);
            }
        }
    }

    @Test
    void zeroSizesAndZeroDepth() {
        float[] c = {1f, 2f, 3f, 4f};
        DEFAULT.sgemm(Transpose.NO, Transpose.NO, 0, 2, 3, 1f, new float[0], 0, 3, new float[6], 0, 2, 0f, c, 0, 2);
        DEFAULT.sgemm(Transpose.NO, Transpose.NO, 2, 0, 3, 1f, new float[6], 0, 3, new float[0], 0, 1, 0f, c, 0, 2);
        assertEquals("[1.0, 2.0, 3.0, 4.0]", Arrays.toString(c));
        DEFAULT.sgemm(Transpose.NO, Transpose.NO, 2, 2, 0, 1f, new float[0], 0, 1, new float[0], 0, 2, 0.5f, c, 0, 2);
        assertEquals("[0.5, 1.0, 1.5, 2.0]", Arrays.toString(c));
        DEFAULT.sgemm(Transpose.NO, Transpose.NO, 2, 2, 0, 1f, new float[0], 0, 1, new float[0], 0, 2, 0f, c, 0, 2);
        assertEquals("[0.0, 0.0, 0.0, 0.0]", Arrays.toString(c));
    }

    @Test
    void betaZeroIgnoresNaNInC() {
        for (int[] s : new int[][] {{7, NR + 3, 9}, {1, 40, 5}, {64, 256, 64}}) {
            int m = s[0], n = s[1], k = s[2];
            float[] a = random(m * k);
            float[] b = random(k * n);
            for (GemmKernel g : new GemmKernel[] {DEFAULT, TINY}) {
                float[] c = new float[m * n];
                Arrays.fill(c, Float.NaN);
                g.sgemm(Transpose.NO, Transpose.NO, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);
                for (float v : c) {
                    assertFalse(Float.isNaN(v), "beta = 0 must not read C");
                }
            }
        }
    }

    @Test
    void batchedWithBroadcast() {
        int m = 32, n = 40, k = 24, batch = 48;   // small matrices: the batch is split over the threads
        for (int[] strides : new int[][] {{m * k, k * n}, {0, k * n}, {m * k, 0}}) {
            for (Transpose tb : Transpose.values()) {
                float[] a = random(strides[0] == 0 ? m * k : m * k * batch);
                float[] b = random(strides[1] == 0 ? k * n : k * n * batch);
                float[] c0 = random(m * n * batch);
                float[] c1 = c0.clone();
                int ldb = tb == Transpose.YES ? k : n;
                SCALAR.sgemmBatched(Transpose.NO, tb, m, n, k, 1.5f, a, 0, k, strides[0], b, 0, ldb, strides[1],
                        0.5f, c0, 0, n, m * n, batch);
                DEFAULT.sgemmBatched(Transpose.NO, tb, m, n, k, 1.5f, a, 0, k, strides[0], b, 0, ldb, strides[1],
                        0.5f, c1, 0, n, m * n, batch);
                for (int i = 0; i < c0.length; i++) {
                    float tol = (k + 2) * 0x1p-24f * 1.5f * k * 4 + 1e-6f;  // |a|,|b| ≤ 2: Σ|ab| ≤ 4k
                    assertEquals(c0[i], c1[i], tol, "batched element " + i);
                }
            }
        }
    }

    /**
     * A B packed once ({@link GemmKernel#pack}) gives exactly the plain product, bit for bit (same blocks, same
     * summation order), for several A's in turn, every transpose, offsets and padding, split over the threads or not.
     */
    @Test
    void prepackedBEqualsPlainBitForBit() {
        for (GemmKernel kernel : new GemmKernel[] {TINY, DEFAULT, SCALAR}) {
            for (int t = 0; t < 120; t++) {
                Transpose ta = rnd.nextBoolean() ? Transpose.YES : Transpose.NO;
                Transpose tb = rnd.nextBoolean() ? Transpose.YES : Transpose.NO;
                int m = 1 + rnd.nextInt(70);
                int n = 1 + rnd.nextInt(4 * NR);
                int k = 1 + rnd.nextInt(t % 10 == 0 ? 1100 : 60);
                int off = rnd.nextInt(5);
                int pad = rnd.nextInt(3);
                int lda = (ta == Transpose.YES ? m : k) + pad;
                int ldb = (tb == Transpose.YES ? k : n) + pad;
                int ldc = n + pad;
                float[] b = random(off + (tb == Transpose.YES ? n : k) * ldb);
                PackedB packed = kernel.pack(tb, k, n, b, off, ldb);
                for (int use = 0; use < 2; use++) {
                    float[] a = random(off + (ta == Transpose.YES ? k : m) * lda);
                    float[] c = random(off + m * ldc);
                    float beta = use == 0 ? 0f : 0.5f;
                    float[] expected = c.clone();
                    kernel.sgemm(ta, tb, m, n, k, 1.5f, a, off, lda, b, off, ldb, beta, expected, off, ldc);
                    kernel.sgemm(ta, m, 1.5f, a, off, lda, packed, beta, c, off, ldc);
                    assertTrue(Arrays.equals(expected, c), kernel + " " + ta + " " + tb + " m=" + m + " n=" + n
                            + " k=" + k);
                }
            }
        }
    }

    /** Compares the fast kernel with the reference on one problem, with offsets and padded leading dimensions. */
    private void check(GemmKernel fast, Transpose ta, Transpose tb, int m, int n, int k, float alpha, float beta,
                       int off, int pad) {
        boolean at = ta == Transpose.YES;
        boolean bt = tb == Transpose.YES;
        int lda = (at ? m : k) + pad;
        int ldb = (bt ? k : n) + pad;
        int ldc = n + pad;
        float[] a = random(off + (at ? k : m) * lda);
        float[] b = random(off + (bt ? n : k) * ldb);
        float[] c = random(off + m * ldc);
        float[] expected = c.clone();
        float[] actual = c.clone();
        SCALAR.sgemm(ta, tb, m, n, k, alpha, a, off, lda, b, off, ldb, beta, expected, off, ldc);
        fast.sgemm(ta, tb, m, n, k, alpha, a, off, lda, b, off, ldb, beta, actual, off, ldc);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double mag = 0;
                for (int p = 0; p < k; p++) {
                    float av = at ? a[off + p * lda + i] : a[off + i * lda + p];
                    float bv = bt ? b[off + j * ldb + p] : b[off + p * ldb + j];
                    mag += Math.abs((double) alpha * av * bv);
                }
                int ci = off + i * ldc + j;
                double tol = (k + 2) * 0x1p-24 * (mag + Math.abs(beta * c[ci])) + 1e-30;
                if (Math.abs(expected[ci] - actual[ci]) > tol) {
                    fail(String.format("%s %s m=%d n=%d k=%d alpha=%s beta=%s off=%d pad=%d: C[%d,%d] = %s, want %s",
                            ta, tb, m, n, k, alpha, beta, off, pad, i, j, actual[ci], expected[ci]));
                }
            }
        }
        // Padding between rows of C (and anything before the offset) is not touched.
        for (int i = 0; i < c.length; i++) {
            boolean inside = i >= off && (i - off) % ldc < n && (i - off) / ldc < m;
            if (!inside) {
                assertTrue(c[i] == actual[i], "element outside C changed at " + i);
            }
        }
    }

    private float[] random(int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (rnd.nextDouble() * 4 - 2);
        }
        return x;
    }
}
