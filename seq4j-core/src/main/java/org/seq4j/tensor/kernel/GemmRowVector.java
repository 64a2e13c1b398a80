package org.seq4j.tensor.kernel;

import static org.seq4j.tensor.kernel.GemmMicroKernel.L;
import static org.seq4j.tensor.kernel.GemmMicroKernel.S;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * GEMM with m = 1 (a row vector times a matrix: batch-1 generation, one step of an RNN). Each element of B is used
 * once, so packing B would double the memory traffic of an operation that is already bound by it; this path streams
 * B in its stored layout instead.
 *
 * <ul>
 *   <li>B stored (k, n): c[j..j+4L) accumulates a[p] · B[p, j..j+4L) over p, four vectors at a time.</li>
 *   <li>B stored (n, k) (x·Wᵀ with W as (out, in)): c[j] is the dot product of a and stored row j, four rows at a
 *       time so each load of a serves four rows.</li>
 * </ul>
 * Large products split the columns of C over {@link KernelThreads}: two cores bring more memory bandwidth.
 */
final class GemmRowVector {
    private static final int CHUNK = 4 * L;

    private GemmRowVector() {}

    static void multiply(boolean at, boolean bt, int n, int k, float alpha, float[] a, int aOff, int lda,
                         float[] b, int bOff, int ldb, float beta, float[] c, int cOff, boolean parallel) {
        // op(A) is one row: contiguous unless A is stored as a (k, 1) column with a wider row stride.
        float[] row = a;
        int rowOff = aOff;
        if (at && lda != 1) {
            row = new float[k];
            for (int p = 0; p < k; p++) {
                row[p] = a[aOff + p * lda];
            }
            rowOff = 0;
        }
        float[] x = row;
        int xOff = rowOff;
        int threads = parallel ? Math.min(KernelThreads.threads(), (n + CHUNK - 1) / CHUNK) : 1;
        if (threads <= 1) {
            columns(bt, 0, n, k, alpha, x, xOff, b, bOff, ldb, beta, c, cOff);
            return;
        }
        int chunks = (n + CHUNK - 1) / CHUNK;
        KernelThreads.run(threads, t -> {
            int j0 = (int) ((long) chunks * t / threads) * CHUNK;
            int j1 = Math.min(n, (int) ((long) chunks * (t + 1) / threads) * CHUNK);
            columns(bt, j0, j1, k, alpha, x, xOff, b, bOff, ldb, beta, c, cOff);
        });
    }

    private static void columns(boolean bt, int j0, int j1, int k, float alpha, float[] x, int xOff,
                                float[] b, int bOff, int ldb, float beta, float[] c, int cOff) {
        if (bt) {
            dots(j0, j1, k, alpha, x, xOff, b, bOff, ldb, beta, c, cOff);
        } else {
            axpys(j0, j1, k, alpha, x, xOff, b, bOff, ldb, beta, c, cOff);
        }
    }

    /** B stored (k, n). */
    private static void axpys(int j0, int j1, int k, float alpha, float[] x, int xOff,
                              float[] b, int bOff, int ldb, float beta, float[] c, int cOff) {
        int j = j0;
        for (; j + CHUNK <= j1; j += CHUNK) {
            FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
            for (int p = 0, bi = bOff + j; p < k; p++, bi += ldb) {
                FloatVector xp = FloatVector.broadcast(S, x[xOff + p]);
                s0 = FloatVector.fromArray(S, b, bi).fma(xp, s0);
                s1 = FloatVector.fromArray(S, b, bi + L).fma(xp, s1);
                s2 = FloatVector.fromArray(S, b, bi + 2 * L).fma(xp, s2);
                s3 = FloatVector.fromArray(S, b, bi + 3 * L).fma(xp, s3);
            }
            store(s0, alpha, beta, c, cOff + j);
            store(s1, alpha, beta, c, cOff + j + L);
            store(s2, alpha, beta, c, cOff + j + 2 * L);
            store(s3, alpha, beta, c, cOff + j + 3 * L);
        }
        for (; j + L <= j1; j += L) {
            FloatVector s = FloatVector.zero(S);
            for (int p = 0, bi = bOff + j; p < k; p++, bi += ldb) {
                s = FloatVector.fromArray(S, b, bi).fma(FloatVector.broadcast(S, x[xOff + p]), s);
            }
            store(s, alpha, beta, c, cOff + j);
        }
        for (; j < j1; j++) {
            float s = 0f;
            for (int p = 0; p < k; p++) {
                s += x[xOff + p] * b[bOff + p * ldb + j];
            }
            c[cOff + j] = merge(s, alpha, beta, c[cOff + j]);
        }
    }

    /** B stored (n, k): one dot product per column of C. */
    private static void dots(int j0, int j1, int k, float alpha, float[] x, int xOff,
                             float[] b, int bOff, int ldb, float beta, float[] c, int cOff) {
        int kv = k - k % L;
        int j = j0;
        for (; j + 4 <= j1; j += 4) {
            int r0 = bOff + j * ldb, r1 = r0 + ldb, r2 = r1 + ldb, r3 = r2 + ldb;
            FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
            for (int p = 0; p < kv; p += L) {
                FloatVector xv = FloatVector.fromArray(S, x, xOff + p);
                s0 = FloatVector.fromArray(S, b, r0 + p).fma(xv, s0);
                s1 = FloatVector.fromArray(S, b, r1 + p).fma(xv, s1);
                s2 = FloatVector.fromArray(S, b, r2 + p).fma(xv, s2);
                s3 = FloatVector.fromArray(S, b, r3 + p).fma(xv, s3);
            }
            float d0 = s0.reduceLanes(VectorOperators.ADD);
            float d1 = s1.reduceLanes(VectorOperators.ADD);
            float d2 = s2.reduceLanes(VectorOperators.ADD);
            float d3 = s3.reduceLanes(VectorOperators.ADD);
            for (int p = kv; p < k; p++) {
                float xp = x[xOff + p];
                d0 += xp * b[r0 + p];
                d1 += xp * b[r1 + p];
                d2 += xp * b[r2 + p];
                d3 += xp * b[r3 + p];
            }
            c[cOff + j] = merge(d0, alpha, beta, c[cOff + j]);
            c[cOff + j + 1] = merge(d1, alpha, beta, c[cOff + j + 1]);
            c[cOff + j + 2] = merge(d2, alpha, beta, c[cOff + j + 2]);
            c[cOff + j + 3] = merge(d3, alpha, beta, c[cOff + j + 3]);
        }
        for (; j < j1; j++) {
            int r = bOff + j * ldb;
            FloatVector s = FloatVector.zero(S);
            for (int p = 0; p < kv; p += L) {
                s = FloatVector.fromArray(S, b, r + p).fma(FloatVector.fromArray(S, x, xOff + p), s);
            }
            float d = s.reduceLanes(VectorOperators.ADD);
            for (int p = kv; p < k; p++) {
                d += x[xOff + p] * b[r + p];
            }
            c[cOff + j] = merge(d, alpha, beta, c[cOff + j]);
        }
    }

    /**
     * alpha · s + beta · C, without reading C when beta = 0. Takes the vector as an argument, which is safe here
     * only because it is a tiny static method C2 always inlines; the hot loops above keep their vectors as locals.
     */
    private static void store(FloatVector s, float alpha, float beta, float[] c, int ci) {
        FloatVector r = s.mul(alpha);
        if (beta != 0f) {
            r = FloatVector.fromArray(S, c, ci).mul(beta).add(r);
        }
        r.intoArray(c, ci);
    }

    private static float merge(float s, float alpha, float beta, float old) {
        return beta == 0f ? alpha * s : alpha * s + beta * old;
    }
}
