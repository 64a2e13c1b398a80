package org.seq4j.tensor.kernel;

/**
 * The reference GEMM: a triple loop in double precision, single-threaded. Slow by design; it defines what the fast
 * kernel must compute.
 */
public final class ScalarGemm implements GemmKernel {

    @Override
    public void sgemm(Transpose ta, Transpose tb, int m, int n, int k, float alpha,
                      float[] a, int aOff, int lda,
                      float[] b, int bOff, int ldb,
                      float beta, float[] c, int cOff, int ldc) {
        boolean at = ta == Transpose.YES;
        boolean bt = tb == Transpose.YES;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    float av = at ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    float bv = bt ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                    s += (double) av * bv;
                }
                int ci = cOff + i * ldc + j;
                c[ci] = (float) (alpha * s + (beta == 0f ? 0.0 : (double) beta * c[ci]));
            }
        }
    }
}
