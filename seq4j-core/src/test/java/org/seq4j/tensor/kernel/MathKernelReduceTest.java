package org.seq4j.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seq4j.tensor.kernel.MathCases.U;
import static org.seq4j.tensor.kernel.MathCases.assertClose;
import static org.seq4j.tensor.kernel.MathCases.assertSameBits;
import static org.seq4j.tensor.kernel.MathCases.gaussian;
import static org.seq4j.tensor.kernel.MathCases.lengths;
import static org.seq4j.tensor.kernel.MathCases.sprinkle;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reductions, dot, axpy, softmax and logSoftmax of a kernel against {@link ScalarMath}. The reference sums in
 * double; a kernel may sum in float in any order, so sums are held to the classical bound for any order of n terms,
 * (n-1)·u·Σ|terms|. MAX, MIN and axpy are exact and must match bit for bit, special values included.
 */
class MathKernelReduceTest {
    private static final ScalarMath REF = new ScalarMath();

    private static double absSum(float[] x, int off, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.abs(x[off + i]);
        }
        return s;
    }

    @ParameterizedTest
    @MethodSource("org.seq4j.tensor.kernel.MathCases#kernels")
    void reductions(MathKernel kernel) {
        RandomGenerator rnd = new SplittableRandom(3);
        for (int n : lengths(rnd)) {
            int off = rnd.nextInt(5);
            float[] x = gaussian(rnd, off, n, 10);
            float sum = REF.reduce(ReduceOp.SUM, x, off, n);
            assertEquals(sum, kernel.reduce(ReduceOp.SUM, x, off, n), Math.max(n - 1, 0) * U * absSum(x, off, n)
                    + Math.ulp(sum) / 2, "SUM n=" + n);   // the reference's own final rounding to float
            sprinkle(rnd, x, off, n);
            for (ReduceOp op : new ReduceOp[] {ReduceOp.MAX, ReduceOp.MIN}) {
                assertSameBits(new float[] {REF.reduce(op, x, off, n)}, new float[] {kernel.reduce(op, x, off, n)},
                        op + " n=" + n);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.seq4j.tensor.kernel.MathCases#kernels")
    void reductionSpecialValues(MathKernel kernel) {
        float[] zeros = new float[40];
        zeros[3] = -0f;
        zeros[37] = -0f;
        assertSameBits(new float[] {0f}, new float[] {kernel.reduce(ReduceOp.MAX, zeros, 0, 40)}, "max of ±0");
        assertSameBits(new float[] {-0f}, new float[] {kernel.reduce(ReduceOp.MIN, zeros, 0, 40)}, "min of ±0");
        assertEquals(Float.NEGATIVE_INFINITY, kernel.reduce(ReduceOp.MAX, zeros, 0, 0));
        assertEquals(Float.POSITIVE_INFINITY, kernel.reduce(ReduceOp.MIN, zeros, 0, 0));
        assertEquals(0f, kernel.reduce(ReduceOp.SUM, zeros, 0, 0));
        assertEquals(0f, kernel.dot(zeros, 0, zeros, 0, 0));
        for (int at : new int[] {0, 17, 39}) {
            float[] x = new float[40];
            x[at] = Float.NaN;
            assertTrue(Float.isNaN(kernel.reduce(ReduceOp.SUM, x, 0, 40)));
            assertTrue(Float.isNaN(kernel.reduce(ReduceOp.MAX, x, 0, 40)));
            assertTrue(Float.isNaN(kernel.reduce(ReduceOp.MIN, x, 0, 40)));
            assertTrue(Float.isNaN(kernel.dot(x, 0, x, 0, 40)));
            x[at] = Float.POSITIVE_INFINITY;
            assertEquals(Float.POSITIVE_INFINITY, kernel.reduce(ReduceOp.SUM, x, 0, 40));
            x[(at + 20) % 40] = Float.NEGATIVE_INFINITY;
            assertTrue(Float.isNaN(kernel.reduce(ReduceOp.SUM, x, 0, 40)));
        }
    }

    @ParameterizedTest
    @MethodSource("org.seq4j.tensor.kernel.MathCases#kernels")
    void dotAndAxpy(MathKernel kernel) {
        RandomGenerator rnd = new SplittableRandom(4);
        for (int n : lengths(rnd)) {
            int aOff = rnd.nextInt(5);
            int bOff = rnd.nextInt(5);
            float[] a = gaussian(rnd, aOff, n, 3);
            float[] b = gaussian(rnd, bOff, n, 3);
            double absDot = 0;
            for (int i = 0; i < n; i++) {
                absDot += Math.abs((double) a[aOff + i] * b[bOff + i]);
            }
            float dot = REF.dot(a, aOff, b, bOff, n);
            // n products and n-1 sums, each rounded once (or fused) in the worst order.
            assertEquals(dot, kernel.dot(a, aOff, b, bOff, n), n * U * absDot + Math.ulp(dot) / 2, "dot n=" + n);

            float alpha = (float) rnd.nextGaussian();
            sprinkle(rnd, a, aOff, n);
            float[] expected = b.clone();
            float[] actual = b.clone();
            REF.axpy(alpha, a, aOff, expected, bOff, n);
            kernel.axpy(alpha, a, aOff, actual, bOff, n);
            assertSameBits(expected, actual, "axpy n=" + n);
            REF.axpy(alpha, expected, bOff, expected, bOff, n);   // y += alpha·y
            kernel.axpy(alpha, actual, bOff, actual, bOff, n);
            assertSameBits(expected, actual, "axpy in place n=" + n);
        }
    }

    /**
     * softmax: each output is e_i/Σe with e_i from the kernel's exp (relative error ≤ EXP) and the sum exact to
     * (n-1)·u relative (all terms positive), plus the final scaling and the reference's own roundings.
     */
    @ParameterizedTest
    @MethodSource("org.seq4j.tensor.kernel.MathCases#kernels")
    void softmax(MathKernel kernel) {
        RandomGenerator rnd = new SplittableRandom(5);
        for (int n : lengths(rnd)) {
            for (double scale : new double[] {1, 30}) {
                int xOff = rnd.nextInt(5);
                int yOff = rnd.nextInt(5);
                float[] x = gaussian(rnd, xOff, n, scale);
                if (n > 2) {
                    x[xOff + rnd.nextInt(n)] = Float.NEGATIVE_INFINITY;   // a masked-out position
                }
                double rel = 2 * VectorMathAccuracyTest.EXP + (n + 4) * U;
                float[] expected = new float[yOff + n + 3];
                float[] actual = expected.clone();
                REF.softmax(x, xOff, expected, yOff, n);
                kernel.softmax(x, xOff, actual, yOff, n);
                assertClose(expected, actual, rel, 4 * Float.MIN_VALUE, "softmax n=" + n);
                float[] inPlace = x.clone();
                float[] inPlaceRef = x.clone();
                REF.softmax(inPlaceRef, xOff, inPlaceRef, xOff, n);
                kernel.softmax(inPlace, xOff, inPlace, xOff, n);
                assertClose(inPlaceRef, inPlace, rel, 4 * Float.MIN_VALUE, "softmax in place n=" + n);

                // logSoftmax: x_i - lse, where lse carries the sum's relative error as an absolute one, plus
                // the roundings of lse and of the subtraction (relative to |x_i| + |lse|).
                REF.logSoftmax(x, xOff, expected, yOff, n);
                kernel.logSoftmax(x, xOff, actual, yOff, n);
                double sumRel = 2 * VectorMathAccuracyTest.EXP + (n + 4) * U;
                assertLogSoftmax(x, xOff, expected, actual, yOff, n, sumRel, "n=" + n);
                REF.logSoftmax(inPlaceRef, xOff, inPlaceRef, xOff, n);
                kernel.logSoftmax(inPlace, xOff, inPlace, xOff, n);
                assertLogSoftmax(x, xOff, inPlaceRef, inPlace, xOff, n, sumRel, "in place n=" + n);
            }
        }
    }

    /** y = x - lse, so |lse| ≤ |x| + |y| bounds the roundings of lse (both kernels') and of the subtraction. */
    private static void assertLogSoftmax(float[] x, int xOff, float[] expected, float[] actual, int yOff, int n,
                                         double sumRel, String what) {
        for (int i = 0; i < expected.length; i++) {
            float e = expected[i];
            float a = actual[i];
            boolean inRow = i >= yOff && i < yOff + n;
            double tol = inRow ? sumRel + 3 * U * (Math.abs(x[xOff + i - yOff]) + 2 * Math.abs(e)) : 0;
            assertTrue(Float.isInfinite(e) ? a == e : Math.abs((double) a - e) <= tol,
                    () -> "logSoftmax " + what + ": expected " + e + " but was " + a);
        }
    }

    @ParameterizedTest
    @MethodSource("org.seq4j.tensor.kernel.MathCases#kernels")
    void softmaxSpecialRows(MathKernel kernel) {
        float[][] rows = {
            {1f, Float.NaN, 2f}, {1f, Float.POSITIVE_INFINITY, 2f},
            {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY}, {3f}, {1e30f, -1e30f, 1e30f},
        };
        for (float[] row : rows) {
            float[] expected = new float[row.length];
            float[] actual = new float[row.length];
            REF.softmax(row, 0, expected, 0, row.length);
            kernel.softmax(row, 0, actual, 0, row.length);
            assertClose(expected, actual, 2e-7, 0, "softmax of special row");
            REF.logSoftmax(row, 0, expected, 0, row.length);
            kernel.logSoftmax(row, 0, actual, 0, row.length);
            assertClose(expected, actual, 2e-7, 0, "logSoftmax of special row");
        }
    }
}
