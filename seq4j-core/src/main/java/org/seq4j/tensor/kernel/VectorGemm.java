package org.seq4j.tensor.kernel;

/** Placeholder: delegates to the scalar GEMM until the Vector API implementation lands. */
public final class VectorGemm implements GemmKernel {
    private final ScalarGemm s = new ScalarGemm();
    @Override
    public void sgemm(Transpose ta, Transpose tb, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                      float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        s.sgemm(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }
}
