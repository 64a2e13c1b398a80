package org.seq4j.tensor.kernel;

import static org.seq4j.tensor.kernel.GemmMicroKernel.L;
import static org.seq4j.tensor.kernel.GemmMicroKernel.MR;
import static org.seq4j.tensor.kernel.GemmMicroKernel.NR;
import static org.seq4j.tensor.kernel.GemmMicroKernel.S;

import jdk.incubator.vector.FloatVector;

/**
 * Copies operands into the layouts the micro-kernel streams through, which is also where the transposes are
 * absorbed: Bᵀ costs a different copy loop, never a materialised transpose.
 *
 * <ul>
 *   <li>B block (kc × nc) → slivers of NR columns; sliver s holds {@code op(B)[p, s·NR + j]} at
 *       {@code s·NR·kc + p·NR + j}. Always packed.</li>
 *   <li>A is read in place (see {@code VectorGemm#macro}), except a last sliver of fewer than MR rows, which is
 *       packed as {@code op(A)[i0 + r, p]} at {@code p·MR + r}, so the kernel can read MR rows.</li>
 * </ul>
 * Partial slivers are zero-padded so the kernel can always compute a full tile.
 */
final class GemmPacking {
    /** k steps per chunk of a transposing copy: one 64-byte cache line of floats. */
    private static final int CHUNK = 16;

    private GemmPacking() {}

    /** Packs op(A)[i0 : i0+rows, p0 : p0+kc] (rows ≤ MR) as one zero-padded sliver at {@code dst[0]}. */
    static void packPartialA(boolean trans, float[] a, int aOff, int lda, int i0, int rows, int p0, int kc,
                             float[] dst) {
        int rs = trans ? 1 : lda;   // op(A)(i, p) = a[aOff + i·rs + p·cs]
        int cs = trans ? lda : 1;
        for (int p = 0; p < kc; p++) {
            int src = aOff + i0 * rs + (p0 + p) * cs;
            for (int r = 0; r < MR; r++) {
                dst[p * MR + r] = r < rows ? a[src + r * rs] : 0f;
            }
        }
    }

    /** Packs op(B)[p0 : p0+kc, j0 : j0+nc] into {@code dst} from {@code d} on. */
    static void packB(boolean trans, float[] b, int bOff, int ldb, int p0, int kc, int j0, int nc, float[] dst,
                      int d) {
        if (!trans) {
            packBPlain(b, bOff + p0 * ldb + j0, ldb, nc, kc, dst, d);
            return;
        }
        for (int s = 0; s * NR < nc; s++) {
            int cols = Math.min(NR, nc - s * NR);
            packBTransposed(b, bOff + (j0 + s * NR) * ldb + p0, ldb, cols, kc, dst, d + s * NR * kc);
        }
    }

    /**
     * B stored (k, n): row p of the block is nc contiguous floats, dealt out NR at a time to every sliver. Reading
     * whole rows keeps the reads sequential; going sliver by sliver would jump ldb floats (often a new page, where
     * the prefetcher stops) every NR floats.
     */
    private static void packBPlain(float[] b, int src, int ldb, int nc, int kc, float[] dst, int d) {
        int full = nc / NR;
        int tail = nc - full * NR;
        int sliver = NR * kc;
        for (int p = 0; p < kc; p++) {
            int s = src + p * ldb;
            int o = d + p * NR;
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
     * B stored (n, k): column j of op(B) is row j of storage, so this is a transposing copy. Full slivers go through
     * 16 × 16 in-register transposes ({@link GemmTranspose}, about twice as fast); partial slivers and the k tail
     * element by element, in chunks of 16 k steps so that the stretch of the sliver being written stays in L1.
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
