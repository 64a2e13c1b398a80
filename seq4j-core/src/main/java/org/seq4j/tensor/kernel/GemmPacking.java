package org.seq4j.tensor.kernel;

import static org.seq4j.tensor.kernel.GemmMicroKernel.L;
import static org.seq4j.tensor.kernel.GemmMicroKernel.MR;
import static org.seq4j.tensor.kernel.GemmMicroKernel.NR;
import static org.seq4j.tensor.kernel.GemmMicroKernel.S;

import jdk.incubator.vector.FloatVector;

/**
 * Copies blocks of A and B into the layouts the micro-kernel streams through, which is also where the transposes
 * are absorbed: the kernel only ever sees packed slivers, so Aᵀ and Bᵀ cost a different copy loop, never a
 * materialised transpose.
 *
 * <ul>
 *   <li>A block (mc × kc) → slivers of MR rows; sliver s holds {@code op(A)[s·MR + r, p]} at
 *       {@code s·MR·kc + p·MR + r}.</li>
 *   <li>B block (kc × nc) → slivers of NR columns; sliver s holds {@code op(B)[p, s·NR + j]} at
 *       {@code s·NR·kc + p·NR + j}.</li>
 * </ul>
 * Partial slivers are zero-padded so the kernel can always compute a full tile.
 */
final class GemmPacking {
    /** k steps per chunk of a transposing copy: one 64-byte cache line of floats. */
    private static final int CHUNK = 16;

    private GemmPacking() {}

    /** Packs op(A)[i0 : i0+mc, p0 : p0+kc] into {@code dst}. */
    static void packA(boolean trans, float[] a, int aOff, int lda, int i0, int mc, int p0, int kc, float[] dst) {
        for (int s = 0; s * MR < mc; s++) {
            int rows = Math.min(MR, mc - s * MR);
            int d = s * MR * kc;
            int i = i0 + s * MR;
            if (trans) {
                packATransposed(a, aOff + p0 * lda + i, lda, rows, kc, dst, d);
            } else {
                packAPlain(a, aOff + i * lda + p0, lda, rows, kc, dst, d);
            }
        }
    }

    /** A stored (m, k): each of the sliver's rows is read sequentially and written with stride MR. */
    private static void packAPlain(float[] a, int src, int lda, int rows, int kc, float[] dst, int d) {
        if (rows == MR) {
            int r0 = src, r1 = src + lda, r2 = r1 + lda, r3 = r2 + lda, r4 = r3 + lda, r5 = r4 + lda;
            for (int p = 0; p < kc; p++) {
                int o = d + p * MR;
                dst[o] = a[r0 + p];
                dst[o + 1] = a[r1 + p];
                dst[o + 2] = a[r2 + p];
                dst[o + 3] = a[r3 + p];
                dst[o + 4] = a[r4 + p];
                dst[o + 5] = a[r5 + p];
            }
            return;
        }
        for (int r = 0; r < MR; r++) {
            int row = src + r * lda;
            for (int p = 0; p < kc; p++) {
                dst[d + p * MR + r] = r < rows ? a[row + p] : 0f;
            }
        }
    }

    /** A stored (k, m): the sliver's MR values for one p are already contiguous. */
    private static void packATransposed(float[] a, int src, int lda, int rows, int kc, float[] dst, int d) {
        if (rows == MR) {
            for (int p = 0, s = src, o = d; p < kc; p++, s += lda, o += MR) {
                dst[o] = a[s];
                dst[o + 1] = a[s + 1];
                dst[o + 2] = a[s + 2];
                dst[o + 3] = a[s + 3];
                dst[o + 4] = a[s + 4];
                dst[o + 5] = a[s + 5];
            }
            return;
        }
        for (int p = 0; p < kc; p++) {
            int s = src + p * lda;
            int o = d + p * MR;
            for (int r = 0; r < rows; r++) {
                dst[o + r] = a[s + r];
            }
            for (int r = rows; r < MR; r++) {
                dst[o + r] = 0f;
            }
        }
    }

    /** Packs op(B)[p0 : p0+kc, j0 : j0+nc] into {@code dst}. */
    static void packB(boolean trans, float[] b, int bOff, int ldb, int p0, int kc, int j0, int nc, float[] dst) {
        if (!trans) {
            packBPlain(b, bOff + p0 * ldb + j0, ldb, nc, kc, dst);
            return;
        }
        for (int s = 0; s * NR < nc; s++) {
            int cols = Math.min(NR, nc - s * NR);
            packBTransposed(b, bOff + (j0 + s * NR) * ldb + p0, ldb, cols, kc, dst, s * NR * kc);
        }
    }

    /**
     * B stored (k, n): row p of the block is nc contiguous floats, dealt out NR at a time to every sliver. Reading
     * whole rows keeps the reads sequential; going sliver by sliver would jump ldb floats (often a new page, where
     * the prefetcher stops) every NR floats.
     */
    private static void packBPlain(float[] b, int src, int ldb, int nc, int kc, float[] dst) {
        int full = nc / NR;
        int tail = nc - full * NR;
        int sliver = NR * kc;
        for (int p = 0; p < kc; p++) {
            int s = src + p * ldb;
            int o = p * NR;
            for (int q = 0; q < full; q++, s += NR, o += sliver) {
                FloatVector.fromArray(S, b, s).intoArray(dst, o);
                FloatVector.fromArray(S, b, s + L).intoArray(dst, o + L);
                FloatVector.fromArray(S, b, s + 2 * L).intoArray(dst, o + 2 * L);
                FloatVector.fromArray(S, b, s + 3 * L).intoArray(dst, o + 3 * L);
            }
            if (tail > 0) {
                System.arraycopy(b, s, dst, o, tail);
                java.util.Arrays.fill(dst, o + tail, o + NR, 0f);
            }
        }
    }

    /**
     * B stored (n, k): column j of op(B) is row j of storage, so this is a transposing copy. It goes in chunks of
     * 16 k steps: each chunk reads one cache line from each of the sliver's rows and fills a 4 KiB stretch of the
     * sliver that stays in L1 (column by column over the whole kc would evict the 64 KiB sliver between visits).
     */
    private static void packBTransposed(float[] b, int src, int ldb, int cols, int kc, float[] dst, int d) {
        int p = 0;
        if (cols == NR && GemmTranspose.SUPPORTED) {
            // 16 stored rows at a time, each read sequentially over kc: 16 streams the prefetcher can follow.
            int kc16 = kc - kc % CHUNK;
            for (int j = 0; j < NR; j += CHUNK) {
                for (int q = 0; q < kc16; q += CHUNK) {
                    GemmTranspose.block16(b, src + j * ldb + q, ldb, dst, d + q * NR + j);
                }
            }
            p = kc16;
        }
        for (; p + CHUNK <= kc; p += CHUNK) {
            int o = d + p * NR;
            for (int j = 0; j < cols; j++) {
                int row = src + j * ldb + p;
                for (int q = 0; q < CHUNK; q++) {
                    dst[o + q * NR + j] = b[row + q];
                }
            }
            for (int j = cols; j < NR; j++) {
                for (int q = 0; q < CHUNK; q++) {
                    dst[o + q * NR + j] = 0f;
                }
            }
        }
        for (; p < kc; p++) {
            int o = d + p * NR;
            for (int j = 0; j < NR; j++) {
                dst[o + j] = j < cols ? b[src + j * ldb + p] : 0f;
            }
        }
    }
}
