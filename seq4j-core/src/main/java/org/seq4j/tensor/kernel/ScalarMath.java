package org.seq4j.tensor.kernel;

/**
 * The reference kernels: plain loops over {@link Math}, exact to float rounding of the double result. Every other
 * implementation is tested against this one.
 */
public final class ScalarMath implements MathKernel {

    /** One scalar function; shared with the vector kernels for the tails of their loops. */
    static float apply(UnaryOp op, float v) {
        return switch (op) {
            case NEG -> -v;
            case ABS -> Math.abs(v);
            case SIGN -> Math.signum(v);
            case SQUARE -> v * v;
            case SQRT -> (float) Math.sqrt(v);
            case RECIPROCAL -> 1f / v;
            case EXP -> (float) Math.exp(v);
            case LOG -> (float) Math.log(v);
            case TANH -> (float) Math.tanh(v);
            case SIGMOID -> (float) (1.0 / (1.0 + Math.exp(-v)));
            case RELU -> v > 0f ? v : 0f;
            case ERF -> (float) Erf.erf(v);
        };
    }

    static float apply(BinaryOp op, float a, float b) {
        return switch (op) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case MAX -> Math.max(a, b);
            case MIN -> Math.min(a, b);
            case POW -> (float) Math.pow(a, b);
            case EQ -> a == b ? 1f : 0f;
            case NE -> a != b ? 1f : 0f;
            case LT -> a < b ? 1f : 0f;
            case LE -> a <= b ? 1f : 0f;
            case GT -> a > b ? 1f : 0f;
            case GE -> a >= b ? 1f : 0f;
        };
    }

    @Override
    public void unary(UnaryOp op, float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = apply(op, x[xOff + i]);
        }
    }

    @Override
    public void binary(BinaryOp op, float[] a, int aOff, float[] b, int bOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = apply(op, a[aOff + i], b[bOff + i]);
        }
    }

    @Override
    public void binaryScalar(BinaryOp op, float[] a, int aOff, float s, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = apply(op, a[aOff + i], s);
        }
    }

    @Override
    public void scalarBinary(BinaryOp op, float s, float[] b, int bOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = apply(op, s, b[bOff + i]);
        }
    }

    @Override
    public float reduce(ReduceOp op, float[] x, int xOff, int n) {
        return switch (op) {
            case SUM -> {
                double s = 0; // double: the reference should not carry float summation error
                for (int i = 0; i < n; i++) {
                    s += x[xOff + i];
                }
                yield (float) s;
            }
            case MAX -> {
                float m = Float.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    m = Math.max(m, x[xOff + i]);
                }
                yield m;
            }
            case MIN -> {
                float m = Float.POSITIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    m = Math.min(m, x[xOff + i]);
                }
                yield m;
            }
        };
    }

    @Override
    public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (double) a[aOff + i] * b[bOff + i];
        }
        return (float) s;
    }

    @Override
    public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }

    @Override
    public void softmax(float[] x, int xOff, float[] y, int yOff, int n) {
        float max = reduce(ReduceOp.MAX, x, xOff, n);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            float e = (float) Math.exp((double) x[xOff + i] - max); // x - max in float would round
            y[yOff + i] = e;
            sum += e;
        }
        float inv = (float) (1.0 / sum);
        for (int i = 0; i < n; i++) {
            y[yOff + i] *= inv;
        }
    }

    @Override
    public void logSoftmax(float[] x, int xOff, float[] y, int yOff, int n) {
        float max = reduce(ReduceOp.MAX, x, xOff, n);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.exp((double) x[xOff + i] - max);
        }
        // (x - max) - log(sum) in double: x - (max + log(sum)) in float loses ulp(max) ≈ 6e-5 when max ≈ 1000
        double logSum = Math.log(sum);
        for (int i = 0; i < n; i++) {
            y[yOff + i] = (float) (((double) x[xOff + i] - max) - logSum);
        }
    }
}
