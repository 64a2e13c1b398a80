package org.seq4j.tensor.kernel;

/** Placeholder: delegates to the scalar kernels until the Vector API implementation lands. */
public final class VectorMath implements MathKernel {
    private final ScalarMath s = new ScalarMath();
    public void unary(UnaryOp op, float[] x, int xOff, float[] y, int yOff, int n) { s.unary(op, x, xOff, y, yOff, n); }
    public void binary(BinaryOp op, float[] a, int aOff, float[] b, int bOff, float[] y, int yOff, int n) { s.binary(op, a, aOff, b, bOff, y, yOff, n); }
    public void binaryScalar(BinaryOp op, float[] a, int aOff, float v, float[] y, int yOff, int n) { s.binaryScalar(op, a, aOff, v, y, yOff, n); }
    public void scalarBinary(BinaryOp op, float v, float[] b, int bOff, float[] y, int yOff, int n) { s.scalarBinary(op, v, b, bOff, y, yOff, n); }
    public float reduce(ReduceOp op, float[] x, int xOff, int n) { return s.reduce(op, x, xOff, n); }
    public float dot(float[] a, int aOff, float[] b, int bOff, int n) { return s.dot(a, aOff, b, bOff, n); }
    public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) { s.axpy(alpha, x, xOff, y, yOff, n); }
    public void softmax(float[] x, int xOff, float[] y, int yOff, int n) { s.softmax(x, xOff, y, yOff, n); }
    public void logSoftmax(float[] x, int xOff, float[] y, int yOff, int n) { s.logSoftmax(x, xOff, y, yOff, n); }
}
