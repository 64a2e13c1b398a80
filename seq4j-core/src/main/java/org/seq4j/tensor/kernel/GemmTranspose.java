package org.seq4j.tensor.kernel;

import static org.seq4j.tensor.kernel.GemmMicroKernel.NR;
import static org.seq4j.tensor.kernel.GemmMicroKernel.S;

import jdk.incubator.vector.FloatVector;

/**
 * A 16 × 16 in-register transpose for packing B stored (n, k): 16 vector loads (16 stored rows × 16 k steps), four
 * stages of two-source permutes ({@code selectFrom(v1, v2)}, one {@code vpermi2ps} each), 16 vector stores into 16
 * consecutive sliver rows. Much faster than an element-by-element transposing copy, which matters when M is small
 * and packing B is a large share of the work (64 × 4096 × 1024 with Bᵀ).
 *
 * <p>Stage b (8, 4, 2, 1) pairs rows u and u + b and, within chunks of 2b lanes, moves the first b lanes of both
 * into row u and the last b lanes into row u + b; after the four stages row p holds column p. Written out in full
 * because the 16 rows must stay locals (an array of vectors would be boxed). Only for 16-lane species.
 */
final class GemmTranspose {
    static final boolean SUPPORTED = S.length() == 16;
    private static final float[][] LO = new float[9][];
    private static final float[][] HI = new float[9][];

    static {
        for (int b = 1; b <= 8; b *= 2) {
            LO[b] = new float[16];
            HI[b] = new float[16];
            for (int l = 0; l < 16; l++) {
                int chunk = l / (2 * b) * 2 * b;
                int pos = l % (2 * b);
                LO[b][l] = pos < b ? chunk + pos : 16 + chunk + pos - b;
                HI[b][l] = pos < b ? chunk + b + pos : 16 + chunk + pos;
            }
        }
    }

    private GemmTranspose() {}

    /**
     * Writes the transpose of the 16 × 16 block at {@code b[src]} (row stride {@code ldb}) to {@code dst[o]} with
     * row stride NR.
     */
    static void block16(float[] b, int src, int ldb, float[] dst, int o) {
        FloatVector lo8 = FloatVector.fromArray(S, LO[8], 0), hi8 = FloatVector.fromArray(S, HI[8], 0);
        FloatVector lo4 = FloatVector.fromArray(S, LO[4], 0), hi4 = FloatVector.fromArray(S, HI[4], 0);
        FloatVector lo2 = FloatVector.fromArray(S, LO[2], 0), hi2 = FloatVector.fromArray(S, HI[2], 0);
        FloatVector lo1 = FloatVector.fromArray(S, LO[1], 0), hi1 = FloatVector.fromArray(S, HI[1], 0);
        int r = src;
        FloatVector a0 = FloatVector.fromArray(S, b, r);
        FloatVector a1 = FloatVector.fromArray(S, b, r + 1 * ldb);
        FloatVector a2 = FloatVector.fromArray(S, b, r + 2 * ldb);
        FloatVector a3 = FloatVector.fromArray(S, b, r + 3 * ldb);
        FloatVector a4 = FloatVector.fromArray(S, b, r + 4 * ldb);
        FloatVector a5 = FloatVector.fromArray(S, b, r + 5 * ldb);
        FloatVector a6 = FloatVector.fromArray(S, b, r + 6 * ldb);
        FloatVector a7 = FloatVector.fromArray(S, b, r + 7 * ldb);
        FloatVector a8 = FloatVector.fromArray(S, b, r + 8 * ldb);
        FloatVector a9 = FloatVector.fromArray(S, b, r + 9 * ldb);
        FloatVector a10 = FloatVector.fromArray(S, b, r + 10 * ldb);
        FloatVector a11 = FloatVector.fromArray(S, b, r + 11 * ldb);
        FloatVector a12 = FloatVector.fromArray(S, b, r + 12 * ldb);
        FloatVector a13 = FloatVector.fromArray(S, b, r + 13 * ldb);
        FloatVector a14 = FloatVector.fromArray(S, b, r + 14 * ldb);
        FloatVector a15 = FloatVector.fromArray(S, b, r + 15 * ldb);
        FloatVector b0 = lo8.selectFrom(a0, a8), b8 = hi8.selectFrom(a0, a8);
        FloatVector b1 = lo8.selectFrom(a1, a9), b9 = hi8.selectFrom(a1, a9);
        FloatVector b2 = lo8.selectFrom(a2, a10), b10 = hi8.selectFrom(a2, a10);
        FloatVector b3 = lo8.selectFrom(a3, a11), b11 = hi8.selectFrom(a3, a11);
        FloatVector b4 = lo8.selectFrom(a4, a12), b12 = hi8.selectFrom(a4, a12);
        FloatVector b5 = lo8.selectFrom(a5, a13), b13 = hi8.selectFrom(a5, a13);
        FloatVector b6 = lo8.selectFrom(a6, a14), b14 = hi8.selectFrom(a6, a14);
        FloatVector b7 = lo8.selectFrom(a7, a15), b15 = hi8.selectFrom(a7, a15);
        FloatVector c0 = lo4.selectFrom(b0, b4), c4 = hi4.selectFrom(b0, b4);
        FloatVector c1 = lo4.selectFrom(b1, b5), c5 = hi4.selectFrom(b1, b5);
        FloatVector c2 = lo4.selectFrom(b2, b6), c6 = hi4.selectFrom(b2, b6);
        FloatVector c3 = lo4.selectFrom(b3, b7), c7 = hi4.selectFrom(b3, b7);
        FloatVector c8 = lo4.selectFrom(b8, b12), c12 = hi4.selectFrom(b8, b12);
        FloatVector c9 = lo4.selectFrom(b9, b13), c13 = hi4.selectFrom(b9, b13);
        FloatVector c10 = lo4.selectFrom(b10, b14), c14 = hi4.selectFrom(b10, b14);
        FloatVector c11 = lo4.selectFrom(b11, b15), c15 = hi4.selectFrom(b11, b15);
        FloatVector d0 = lo2.selectFrom(c0, c2), d2 = hi2.selectFrom(c0, c2);
        FloatVector d1 = lo2.selectFrom(c1, c3), d3 = hi2.selectFrom(c1, c3);
        FloatVector d4 = lo2.selectFrom(c4, c6), d6 = hi2.selectFrom(c4, c6);
        FloatVector d5 = lo2.selectFrom(c5, c7), d7 = hi2.selectFrom(c5, c7);
        FloatVector d8 = lo2.selectFrom(c8, c10), d10 = hi2.selectFrom(c8, c10);
        FloatVector d9 = lo2.selectFrom(c9, c11), d11 = hi2.selectFrom(c9, c11);
        FloatVector d12 = lo2.selectFrom(c12, c14), d14 = hi2.selectFrom(c12, c14);
        FloatVector d13 = lo2.selectFrom(c13, c15), d15 = hi2.selectFrom(c13, c15);
        FloatVector e0 = lo1.selectFrom(d0, d1), e1 = hi1.selectFrom(d0, d1);
        FloatVector e2 = lo1.selectFrom(d2, d3), e3 = hi1.selectFrom(d2, d3);
        FloatVector e4 = lo1.selectFrom(d4, d5), e5 = hi1.selectFrom(d4, d5);
        FloatVector e6 = lo1.selectFrom(d6, d7), e7 = hi1.selectFrom(d6, d7);
        FloatVector e8 = lo1.selectFrom(d8, d9), e9 = hi1.selectFrom(d8, d9);
        FloatVector e10 = lo1.selectFrom(d10, d11), e11 = hi1.selectFrom(d10, d11);
        FloatVector e12 = lo1.selectFrom(d12, d13), e13 = hi1.selectFrom(d12, d13);
        FloatVector e14 = lo1.selectFrom(d14, d15), e15 = hi1.selectFrom(d14, d15);
        e0.intoArray(dst, o);
        e1.intoArray(dst, o + 1 * NR);
        e2.intoArray(dst, o + 2 * NR);
        e3.intoArray(dst, o + 3 * NR);
        e4.intoArray(dst, o + 4 * NR);
        e5.intoArray(dst, o + 5 * NR);
        e6.intoArray(dst, o + 6 * NR);
        e7.intoArray(dst, o + 7 * NR);
        e8.intoArray(dst, o + 8 * NR);
        e9.intoArray(dst, o + 9 * NR);
        e10.intoArray(dst, o + 10 * NR);
        e11.intoArray(dst, o + 11 * NR);
        e12.intoArray(dst, o + 12 * NR);
        e13.intoArray(dst, o + 13 * NR);
        e14.intoArray(dst, o + 14 * NR);
        e15.intoArray(dst, o + 15 * NR);
    }
}
