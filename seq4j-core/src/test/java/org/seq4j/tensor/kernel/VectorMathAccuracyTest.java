package org.seq4j.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The accuracy of {@link VectorFunctions} against {@link Math} in double, over dense sweeps. The bounds are the
 * measured maxima (printed to the test's output) rounded up by at most 10%, and are the figures quoted in
 * {@link VectorFunctions}' class comment: a change that makes a function less accurate fails here. The error is
 * relative throughout, also at the functions' zeros (log at 1, tanh and erf at 0), where all of them keep their
 * relative accuracy, so no absolute fallback is needed; 1 ulp of float is 6e-8..1.2e-7 relative, so 2e-7 is
 * about 2 ulps. Subnormal results of exp are checked in absolute terms (1 subnormal ulp).
 */
class VectorMathAccuracyTest {
    private static final int L = VectorMath.L;

    /** The asserted maximum relative errors (measured: exp 8.25e-8, log 7.74e-8, tanh 1.38e-7, ...). */
    static final double EXP = 9e-8;
    static final double LOG = 8.5e-8;
    static final double TANH = 1.5e-7;
    static final double SIGMOID = 2.1e-7;   // measured 1.95e-7
    static final double ERF = 1.9e-7;       // measured 1.76e-7

    /** The asserted bound for op, or 0 for an exactly rounded op. */
    static double bound(UnaryOp op) {
        return switch (op) {
            case EXP -> EXP;
            case LOG -> LOG;
            case TANH -> TANH;
            case SIGMOID -> SIGMOID;
            case ERF -> ERF;
            default -> 0;
        };
    }

    /** One of VectorFunctions' array functions. */
    interface Fn {
        void apply(float[] x, int xOff, float[] y, int yOff, int n);
    }

    /** The maximum relative error of f against ref over the given inputs, printed with the worst input. */
    private static double maxRelError(String name, Fn f, DoubleUnaryOperator ref, float[] xs) {
        float[] y = new float[xs.length];
        f.apply(xs, 0, y, 0, xs.length);
        double worst = 0;
        float worstX = Float.NaN;
        for (int i = 0; i < xs.length; i++) {
            double r = ref.applyAsDouble(xs[i]);
            double e = Math.abs(y[i] - r) / Math.abs(r);
            if (!(e <= worst)) {   // also catches NaN
                worst = e;
                worstX = xs[i];
            }
        }
        System.out.printf("%s: max relative error %.3g at x = %s%n", name, worst, worstX);
        return worst;
    }

    /** n evenly spaced points on [lo, hi] (padded with hi to a multiple of the vector length). */
    private static float[] linear(double lo, double hi, int n) {
        float[] xs = new float[(n + L - 1) / L * L];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = (float) (lo + (hi - lo) * Math.min(i, n - 1) / (n - 1));
        }
        return xs;
    }

    /** Every stride-th float between lo and hi (both positive): dense in ulps across all the binades. */
    private static float[] bitwise(float lo, float hi, int stride) {
        int a = Float.floatToIntBits(lo);
        int b = Float.floatToIntBits(hi);
        int n = (b - a) / stride + 1;
        float[] xs = new float[(n + L - 1) / L * L];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = Float.intBitsToFloat(a + Math.min(i, n - 1) * stride);
        }
        return xs;
    }

    private static float[] concat(float[] a, float[] b) {
        float[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static float one(Fn f, float x) {
        float[] y = new float[1];
        f.apply(new float[] {x}, 0, y, 0, 1);
        return y[0];
    }

    @Test
    void exp() {
        // Down to -87.3 the results are normal floats; below, subnormals lose relative precision by nature.
        float[] xs = concat(linear(-87.3, 88.72, 3_000_000), linear(-1, 1, 1_000_000));
        assertTrue(maxRelError("exp", VectorFunctions::exp, Math::exp, xs) <= EXP);
        // In the subnormal range: within half an ulp of the smallest subnormal, as (float) Math.exp is.
        float[] sub = linear(-103.9, -87.4, 200_000);
        for (float x : sub) {
            assertEquals(Math.exp(x), one(VectorFunctions::exp, x), Float.MIN_VALUE, () -> "exp(" + x + ")");
        }
    }

    @Test
    void expSpecialValues() {
        Fn f = VectorFunctions::exp;
        assertEquals(Float.POSITIVE_INFINITY, one(f, Float.POSITIVE_INFINITY));
        assertEquals(Float.POSITIVE_INFINITY, one(f, 88.73f));
        assertEquals(Float.POSITIVE_INFINITY, one(f, 1e30f));
        assertEquals(Math.exp(88.72283f), one(f, 88.72283f), Math.exp(88.72283f) * 1.3e-7);  // largest finite
        assertEquals(0f, one(f, Float.NEGATIVE_INFINITY));
        assertEquals(0f, one(f, -104f));
        assertEquals(0f, one(f, -1e30f));
        assertEquals(1f, one(f, 0f));
        assertEquals(1f, one(f, -0f));
        assertTrue(Float.isNaN(one(f, Float.NaN)));
    }

    @Test
    void log() {
        float[] xs = concat(bitwise(1e-30f, 1e30f, 397), linear(0.5, 2, 1_000_000));
        xs = concat(xs, bitwise(Float.MIN_VALUE, Float.MIN_NORMAL, 4099));   // subnormal inputs
        assertTrue(maxRelError("log", VectorFunctions::log, Math::log, xs) <= LOG);
    }

    @Test
    void logSpecialValues() {
        Fn f = VectorFunctions::log;
        assertEquals(Float.NEGATIVE_INFINITY, one(f, 0f));
        assertEquals(Float.NEGATIVE_INFINITY, one(f, -0f));
        assertEquals(Float.POSITIVE_INFINITY, one(f, Float.POSITIVE_INFINITY));
        assertEquals(0f, one(f, 1f));
        assertTrue(Float.isNaN(one(f, -1f)));
        assertTrue(Float.isNaN(one(f, -Float.MIN_VALUE)));
        assertTrue(Float.isNaN(one(f, Float.NEGATIVE_INFINITY)));
        assertTrue(Float.isNaN(one(f, Float.NaN)));
        assertEquals(Math.log(Float.MAX_VALUE), one(f, Float.MAX_VALUE), 1e-5);
        assertEquals(Math.log(Float.MIN_VALUE), one(f, Float.MIN_VALUE), 1e-5);
    }

    @Test
    void tanh() {
        // Relative error holds right down to the tiny arguments (the odd polynomial), so no absolute fallback.
        float[] xs = concat(linear(-20, 20, 2_000_000), linear(-1, 1, 1_000_000));
        xs = concat(xs, bitwise(1e-30f, 1f, 997));
        assertTrue(maxRelError("tanh", VectorFunctions::tanh, Math::tanh, xs) <= TANH);
    }

    @Test
    void sigmoid() {
        DoubleUnaryOperator ref = x -> 1 / (1 + Math.exp(-x));
        float[] xs = concat(linear(-20, 20, 2_000_000), linear(-87, 20, 1_000_000));
        assertTrue(maxRelError("sigmoid", VectorFunctions::sigmoid, ref, xs) <= SIGMOID);
    }

    @Test
    void erf() {
        // Reference: Cody's double erf (Erf), itself accurate to ~1e-16, far below float's resolution.
        float[] xs = concat(linear(-6, 6, 2_000_000), bitwise(1e-30f, 4f, 997));
        assertTrue(maxRelError("erf", VectorFunctions::erf, Erf::erf, xs) <= ERF);
    }

    @Test
    void specialValuesOfTheSaturatingFunctions() {
        assertEquals(1f, one(VectorFunctions::tanh, Float.POSITIVE_INFINITY));
        assertEquals(-1f, one(VectorFunctions::tanh, Float.NEGATIVE_INFINITY));
        assertEquals(1f, one(VectorFunctions::tanh, 1e30f));
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(one(VectorFunctions::tanh, -0f)));
        assertEquals(1f, one(VectorFunctions::sigmoid, Float.POSITIVE_INFINITY));
        assertEquals(0f, one(VectorFunctions::sigmoid, Float.NEGATIVE_INFINITY));
        assertEquals(0.5f, one(VectorFunctions::sigmoid, 0f));
        assertEquals(0.5f, one(VectorFunctions::sigmoid, -0f));
        assertEquals(1f, one(VectorFunctions::erf, Float.POSITIVE_INFINITY));
        assertEquals(-1f, one(VectorFunctions::erf, Float.NEGATIVE_INFINITY));
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(one(VectorFunctions::erf, -0f)));
        for (Fn f : java.util.List.<Fn>of(
                VectorFunctions::tanh, VectorFunctions::sigmoid, VectorFunctions::erf)) {
            assertTrue(Float.isNaN(one(f, Float.NaN)));
        }
    }
}
