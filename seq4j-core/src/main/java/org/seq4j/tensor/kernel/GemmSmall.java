package org.seq4j.tensor.kernel;

/**
 * Tiny GEMMs (autograd tests, toy models): packing and the 6 × 64 register tile would cost more than the multiply.
 * Plain loops in an order C2 auto-vectorises: a row of C accumulates rows of B (B stored (k, n)), or dot products
 * (B stored (n, k)).
 */
final class GemmSmall {
    private GemmSmall() {}

    static void multiply(boolean at, boolean bt, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                         float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        float[] row = new float[n];
        int ars = at ? 1 : lda;   // A(i, p) = a[aOff + i·ars + p·acs]
        int acs = at ? lda : 1;
        for (int i = 0; i < m; i++) {
            int ai = aOff + i * ars;
            if (bt) {
                for (int j = 0; j < n; j++) {
                    int bj = bOff + j * ldb;
                    float s = 0f;
                    for (int p = 0; p < k; p++) {
                        s += a[ai + p * acs] * b[bj + p];
                    }
                    row[j] = s;
                }
            } else {
                java.util.Arrays.fill(row, 0f);
                for (int p = 0; p < k; p++) {
                    float av = a[ai + p * acs];
                    int bp = bOff + p * ldb;
                    for (int j = 0; j < n; j++) {
                        row[j] += av * b[bp + j];
                    }
                }
            }
            int ci = cOff + i * ldc;
            if (beta == 0f) {
                for (int j = 0; j < n; j++) {
                    c[ci + j] = alpha * row[j];
                }
            } else {
                for (int j = 0; j < n; j++) {
                    c[ci + j] = alpha * row[j] + beta * c[ci + j];
                }
            }
        }
    }
}
