package org.seq4j.tensor.kernel;

/**
 * Element-wise and row kernels over contiguous runs of heap {@code float[]}: {@code n} elements starting at the given
 * offsets. Output may alias an input at the same offset (in-place). One scalar reference implementation
 * ({@link ScalarMath}) defines the semantics; the Vector API one ({@link VectorMath}) is tested against it.
 */
public interface MathKernel {

    /** y[i] = op(x[i]). */
    void unary(UnaryOp op, float[] x, int xOff, float[] y, int yOff, int n);

    /** y[i] = a[i] op b[i]. */
    void binary(BinaryOp op, float[] a, int aOff, float[] b, int bOff, float[] y, int yOff, int n);

    /** y[i] = a[i] op s. */
    void binaryScalar(BinaryOp op, float[] a, int aOff, float s, float[] y, int yOff, int n);

    /** y[i] = s op b[i]. */
    void scalarBinary(BinaryOp op, float s, float[] b, int bOff, float[] y, int yOff, int n);

    /** The reduction of x[0..n); SUM of nothing is 0, MAX/MIN of nothing are -inf/+inf. */
    float reduce(ReduceOp op, float[] x, int xOff, int n);

    /** Σ a[i]·b[i]. */
    float dot(float[] a, int aOff, float[] b, int bOff, int n);

    /** y[i] += alpha · x[i]. */
    void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n);

    /** y = softmax(x) over one row of n, stable (max subtracted). */
    void softmax(float[] x, int xOff, float[] y, int yOff, int n);

    /** y = x - logsumexp(x) over one row of n. */
    void logSoftmax(float[] x, int xOff, float[] y, int yOff, int n);
}
