package org.seq4j.tensor.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-tiled inner kernel of {@link VectorGemm}: one MR×NR tile of C from an A sliver (MR rows × kc, read
 * in place or packed, any strides) and a packed B sliver ({@code kc × NR}, see {@link GemmPacking}).
 *
 * <p>MR = 6 rows × NR = 4 vectors: 24 accumulators + 4 B vectors + 1 broadcast = 29 of the 32 AVX-512 registers.
 * Per k step it does 24 FMAs for 4 vector loads and 6 broadcasts, so the FMA pipe, not the loads, is the limit.
 * All accumulators are locals of one method on purpose: a helper that takes or returns vectors may not be inlined
 * by C2, and then every vector is boxed on the heap (a first probe fell from 185 to 15 GFLOP/s that way).
 */
final class GemmMicroKernel {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    static final int MR = 6;
    static final int NR = 4 * L;

    private GemmMicroKernel() {}

    /**
     * C tile ← alpha · A·Bp + beta · C tile, for a full MR×NR tile at {@code c[cOff]} with row stride {@code ldc}.
     * {@code beta == 0} does not read C. A's element (r, p) is {@code a[aOff + r·rs + p·cs]}: (1, MR) for a packed
     * sliver, or A in place, (lda, 1) as stored or (1, lda) transposed, which saves packing it.
     */
    static void full(int kc, float[] ap, int aOff, int rs, int cs, float[] bp, int bOff,
                     float[] c, int cOff, int ldc, float alpha, float beta) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00;
        FloatVector c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00, c23 = c00;
        FloatVector c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        FloatVector c40 = c00, c41 = c00, c42 = c00, c43 = c00;
        FloatVector c50 = c00, c51 = c00, c52 = c00, c53 = c00;
        int ai = aOff;
        int bi = bOff;
        int r2 = 2 * rs, r3 = 3 * rs, r4 = 4 * rs, r5 = 5 * rs;
        for (int p = 0; p < kc; p++, ai += cs, bi += NR) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector b2 = FloatVector.fromArray(S, bp, bi + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, bp, bi + 3 * L);
            FloatVector a = FloatVector.broadcast(S, ap[ai]);
            c00 = b0.fma(a, c00); c01 = b1.fma(a, c01); c02 = b2.fma(a, c02); c03 = b3.fma(a, c03);
            a = FloatVector.broadcast(S, ap[ai + rs]);
            c10 = b0.fma(a, c10); c11 = b1.fma(a, c11); c12 = b2.fma(a, c12); c13 = b3.fma(a, c13);
            a = FloatVector.broadcast(S, ap[ai + r2]);
            c20 = b0.fma(a, c20); c21 = b1.fma(a, c21); c22 = b2.fma(a, c22); c23 = b3.fma(a, c23);
            a = FloatVector.broadcast(S, ap[ai + r3]);
            c30 = b0.fma(a, c30); c31 = b1.fma(a, c31); c32 = b2.fma(a, c32); c33 = b3.fma(a, c33);
            a = FloatVector.broadcast(S, ap[ai + r4]);
            c40 = b0.fma(a, c40); c41 = b1.fma(a, c41); c42 = b2.fma(a, c42); c43 = b3.fma(a, c43);
            a = FloatVector.broadcast(S, ap[ai + r5]);
            c50 = b0.fma(a, c50); c51 = b1.fma(a, c51); c52 = b2.fma(a, c52); c53 = b3.fma(a, c53);
        }
        // The stores are written out rather than looped so the accumulators never leave registers (see class doc).
        FloatVector va = FloatVector.broadcast(S, alpha);
        if (beta == 0f) {
            int r = cOff;
            c00.mul(va).intoArray(c, r); c01.mul(va).intoArray(c, r + L);
            c02.mul(va).intoArray(c, r + 2 * L); c03.mul(va).intoArray(c, r + 3 * L);
            r += ldc;
            c10.mul(va).intoArray(c, r); c11.mul(va).intoArray(c, r + L);
            c12.mul(va).intoArray(c, r + 2 * L); c13.mul(va).intoArray(c, r + 3 * L);
            r += ldc;
            c20.mul(va).intoArray(c, r); c21.mul(va).intoArray(c, r + L);
            c22.mul(va).intoArray(c, r + 2 * L); c23.mul(va).intoArray(c, r + 3 * L);
            r += ldc;
            c30.mul(va).intoArray(c, r); c31.mul(va).intoArray(c, r + L);
            c32.mul(va).intoArray(c, r + 2 * L); c33.mul(va).intoArray(c, r + 3 * L);
            r += ldc;
            c40.mul(va).intoArray(c, r); c41.mul(va).intoArray(c, r + L);
            c42.mul(va).intoArray(c, r + 2 * L); c43.mul(va).intoArray(c, r + 3 * L);
            r += ldc;
            c50.mul(va).intoArray(c, r); c51.mul(va).intoArray(c, r + L);
            c52.mul(va).intoArray(c, r + 2 * L); c53.mul(va).intoArray(c, r + 3 * L);
        } else {
            FloatVector vb = FloatVector.broadcast(S, beta);
            int r = cOff;
            c00.fma(va, FloatVector.fromArray(S, c, r).mul(vb)).intoArray(c, r);
            c01.fma(va, FloatVector.fromArray(S, c, r + L).mul(vb)).intoArray(c, r + L);
            c02.fma(va, FloatVector.fromArray(S, c, r + 2 * L).mul(vb)).intoArray(c, r + 2 * L);
            c03.fma(va, FloatVector.fromArray(S, c, r + 3 * L).mul(vb)).intoArray(c, r + 3 * L);
            r += ldc;
            c10.fma(va, FloatVector.fromArray(S, c, r).mul(vb)).intoArray(c, r);
            c11.fma(va, FloatVector.fromArray(S, c, r + L).mul(vb)).intoArray(c, r + L);
            c12.fma(va, FloatVector.fromArray(S, c, r + 2 * L).mul(vb)).intoArray(c, r + 2 * L);
            c13.fma(va, FloatVector.fromArray(S, c, r + 3 * L).mul(vb)).intoArray(c, r + 3 * L);
            r += ldc;
            c20.fma(va, FloatVector.fromArray(S, c, r).mul(vb)).intoArray(c, r);
            c21.fma(va, FloatVector.fromArray(S, c, r + L).mul(vb)).intoArray(c, r + L);
            c22.fma(va, FloatVector.fromArray(S, c, r + 2 * L).mul(vb)).intoArray(c, r + 2 * L);
            c23.fma(va, FloatVector.fromArray(S, c, r + 3 * L).mul(vb)).intoArray(c, r + 3 * L);
            r += ldc;
            c30.fma(va, FloatVector.fromArray(S, c, r).mul(vb)).intoArray(c, r);
            c31.fma(va, FloatVector.fromArray(S, c, r + L).mul(vb)).intoArray(c, r + L);
            c32.fma(va, FloatVector.fromArray(S, c, r + 2 * L).mul(vb)).intoArray(c, r + 2 * L);
            c33.fma(va, FloatVector.fromArray(S, c, r + 3 * L).mul(vb)).intoArray(c, r + 3 * L);
            r += ldc;
            c40.fma(va, FloatVector.fromArray(S, c, r).mul(vb)).intoArray(c, r);
            c41.fma(va, FloatVector.fromArray(S, c, r + L).mul(vb)).intoArray(c, r + L);
            c42.fma(va, FloatVector.fromArray(S, c, r + 2 * L).mul(vb)).intoArray(c, r + 2 * L);
            c43.fma(va, FloatVector.fromArray(S, c, r + 3 * L).mul(vb)).intoArray(c, r + 3 * L);
            r += ldc;
            c50.fma(va, FloatVector.fromArray(S, c, r).mul(vb)).intoArray(c, r);
            c51.fma(va, FloatVector.fromArray(S, c, r + L).mul(vb)).intoArray(c, r + L);
            c52.fma(va, FloatVector.fromArray(S, c, r + 2 * L).mul(vb)).intoArray(c, r + 2 * L);
            c53.fma(va, FloatVector.fromArray(S, c, r + 3 * L).mul(vb)).intoArray(c, r + 3 * L);
        }
    }

    /**
     * An edge tile ({@code rows ≤ MR}, {@code cols ≤ NR}; A addressed as in {@link #full}, all MR rows readable):
     * the full tile is computed into {@code tile} (MR×NR, beta 0, alpha 1), then only its valid part is merged into C.
     */
    static void edge(int kc, float[] ap, int aOff, int rs, int cs, float[] bp, int bOff, float[] tile,
                     float[] c, int cOff, int ldc, int rows, int cols, float alpha, float beta) {
        full(kc, ap, aOff, rs, cs, bp, bOff, tile, 0, NR, 1f, 0f);
        for (int r = 0; r < rows; r++) {
            int ci = cOff + r * ldc;
            int ti = r * NR;
            if (beta == 0f) {
                for (int j = 0; j < cols; j++) {
                    c[ci + j] = alpha * tile[ti + j];
                }
            } else {
                for (int j = 0; j < cols; j++) {
                    c[ci + j] = alpha * tile[ti + j] + beta * c[ci + j];
                }
            }
        }
    }
}
