package org.seq4j.tensor.kernel;

/**
 * Single-precision matrix multiply on row-major heap arrays, BLAS-style:
 *
 * <pre>C[m,n] = alpha · op(A)[m,k] · op(B)[k,n] + beta · C[m,n]</pre>
 *
 * where op(X) is X or Xᵀ. With {@code ta == NO}, A is stored as (m, k) with row stride {@code lda}; with
 * {@code YES} it is stored as (k, m) and read transposed, never materialised. Likewise B: (k, n) or (n, k).
 * {@code beta == 0} overwrites C without reading it (so NaNs in C do not survive), as BLAS does.
 */
public interface GemmKernel {

    void sgemm(Transpose ta, Transpose tb, int m, int n, int k, float alpha,
               float[] a, int aOff, int lda,
               float[] b, int bOff, int ldb,
               float beta, float[] c, int cOff, int ldc);

    /**
     * {@code batch} independent GEMMs; matrix i starts at {@code aOff + i·strideA} (likewise B, C). A stride of 0
     * broadcasts one operand over the batch. Implementations may parallelise across the batch when the matrices
     * are small.
     */
    default void sgemmBatched(Transpose ta, Transpose tb, int m, int n, int k, float alpha,
                              float[] a, int aOff, int lda, int strideA,
                              float[] b, int bOff, int ldb, int strideB,
                              float beta, float[] c, int cOff, int ldc, int strideC, int batch) {
        for (int i = 0; i < batch; i++) {
            sgemm(ta, tb, m, n, k, alpha, a, aOff + i * strideA, lda, b, bOff + i * strideB, ldb,
                    beta, c, cOff + i * strideC, ldc);
        }
    }

    /** op(B) (k × n) ready for {@link #sgemm(Transpose, int, float, float[], int, int, PackedB, float, float[], int, int)}. */
    default PackedB pack(Transpose tb, int k, int n, float[] b, int bOff, int ldb) {
        return new PackedB(tb, k, n, b, bOff, ldb, null);
    }

    /** C[m,n] = alpha · op(A)[m,k] · B + beta · C with a B from {@link #pack}; as the plain form in every other way. */
    default void sgemm(Transpose ta, int m, float alpha, float[] a, int aOff, int lda, PackedB b,
                       float beta, float[] c, int cOff, int ldc) {
        sgemm(ta, b.tb, m, b.n, b.k, alpha, a, aOff, lda, b.source, b.offset, b.ld, beta, c, cOff, ldc);
    }
}
