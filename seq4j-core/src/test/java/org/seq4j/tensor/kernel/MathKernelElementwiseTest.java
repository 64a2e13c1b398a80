package org.seq4j.tensor.kernel;

import static org.seq4j.tensor.kernel.MathCases.U;
import static org.seq4j.tensor.kernel.MathCases.assertClose;
import static org.seq4j.tensor.kernel.MathCases.assertSameBits;
import static org.seq4j.tensor.kernel.MathCases.gaussian;
import static org.seq4j.tensor.kernel.MathCases.lengths;
import static org.seq4j.tensor.kernel.MathCases.sprinkle;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@link UnaryOp} and {@link BinaryOp} of a kernel against {@link ScalarMath}: lengths 0..300 across the
 * vector boundaries, offsets, in-place, special values. Exactly rounded ops must give the same bits; the
 * approximated functions must stay within their documented bound ({@link VectorMathAccuracyTest#bound}) plus the
 * reference's own half ulp, and 2 subnormal ulps absolute where results are subnormal.
 */
class MathKernelElementwiseTest {
    private static final ScalarMath REF = new ScalarMath();
    private static final double[] SCALES = {0.5, 3, 30};

    private static void check(UnaryOp op, float[] expected, float[] actual, String what) {
        double bound = VectorMathAccuracyTest.bound(op);
        if (bound == 0) {
            assertSameBits(expected, actual, what);
        } else {
            assertClose(expected, actual, bound + 1.01 * U, 2 * Float.MIN_VALUE, what);
        }
    }

    @ParameterizedTest
    @MethodSource("org.seq4j.tensor.kernel.MathCases#kernels")
    void unaryOps(MathKernel kernel) {
        RandomGenerator rnd = new SplittableRandom(1);
        for (UnaryOp op : UnaryOp.values()) {
            for (int n : lengths(rnd)) {
                int xOff = rnd.nextInt(5);
                int yOff = rnd.nextInt(5);
                float[] x = sprinkle(rnd, gaussian(rnd, xOff, n, SCALES[rnd.nextInt(SCALES.length)]), xOff, n);
                float[] expected = new float[yOff + n + 3];
                Arrays.fill(expected, 7f);
                float[] actual = expected.clone();
                REF.unary(op, x, xOff, expected, yOff, n);
                kernel.unary(op, x, xOff, actual, yOff, n);
                String what = op + " n=" + n + " xOff=" + xOff + " yOff=" + yOff;
                check(op, expected, actual, what);

                float[] inPlace = x.clone();
                float[] inPlaceRef = x.clone();
                REF.unary(op, inPlaceRef, xOff, inPlaceRef, xOff, n);
                kernel.unary(op, inPlace, xOff, inPlace, xOff, n);
                check(op, inPlaceRef, inPlace, what + " in place");
            }
        }
    }

    /** Inputs for a binary op: some lanes equal (for EQ/LE/GE), some special. */
    private static float[][] pair(RandomGenerator rnd, int off, int n) {
        double scale = SCALES[rnd.nextInt(SCALES.length)];
        float[] a = gaussian(rnd, off, n, scale);
        float[] b = gaussian(rnd, off, n, scale);
        for (int i = 0; i < n / 4; i++) {
            int j = off + rnd.nextInt(n);
            b[j] = a[j];
        }
        return new float[][] {sprinkle(rnd, a, off, n), sprinkle(rnd, b, off, n)};
    }

    private static float scalar(RandomGenerator rnd) {
        return rnd.nextInt(4) == 0 ? MathCases.SPECIALS[rnd.nextInt(MathCases.SPECIALS.length)]
                : (float) rnd.nextGaussian();
    }

    @ParameterizedTest
    @MethodSource("org.seq4j.tensor.kernel.MathCases#kernels")
    void binaryOps(MathKernel kernel) {
        RandomGenerator rnd = new SplittableRandom(2);
        for (BinaryOp op : BinaryOp.values()) {
            for (int n : lengths(rnd)) {
                int off = rnd.nextInt(5);
                int yOff = rnd.nextInt(5);
                float[][] ab = pair(rnd, off, n);
                float[] a = ab[0];
                float[] b = ab[1];
                float[] expected = new float[yOff + n + 3];
                float[] actual = expected.clone();
                String what = op + " n=" + n + " off=" + off + " yOff=" + yOff;

                REF.binary(op, a, off, b, off, expected, yOff, n);
                kernel.binary(op, a, off, b, off, actual, yOff, n);
                assertSameBits(expected, actual, what);

                float s = scalar(rnd);
                REF.binaryScalar(op, a, off, s, expected, yOff, n);
                kernel.binaryScalar(op, a, off, s, actual, yOff, n);
                assertSameBits(expected, actual, what + " a op " + s);

                REF.scalarBinary(op, s, b, off, expected, yOff, n);
                kernel.scalarBinary(op, s, b, off, actual, yOff, n);
                assertSameBits(expected, actual, what + " " + s + " op b");

                // In place: the output aliases the first operand, then the second, at the same offset.
                float[] ra = a.clone();
                float[] ka = a.clone();
                REF.binary(op, ra, off, b, off, ra, off, n);
                kernel.binary(op, ka, off, b, off, ka, off, n);
                assertSameBits(ra, ka, what + " into a");
                float[] rb = b.clone();
                float[] kb = b.clone();
                REF.binary(op, a, off, rb, off, rb, off, n);
                kernel.binary(op, a, off, kb, off, kb, off, n);
                assertSameBits(rb, kb, what + " into b");
                REF.binaryScalar(op, ra, off, s, ra, off, n);
                kernel.binaryScalar(op, ka, off, s, ka, off, n);
                assertSameBits(ra, ka, what + " a op s in place");
                REF.scalarBinary(op, s, rb, off, rb, off, n);
                kernel.scalarBinary(op, s, kb, off, kb, off, n);
                assertSameBits(rb, kb, what + " s op b in place");
            }
        }
    }

    /** Every pair of special values, every op: ±0 against ∓0, NaN on either side, infinities, extremes. */
    @ParameterizedTest
    @MethodSource("org.seq4j.tensor.kernel.MathCases#kernels")
    void allPairsOfSpecialValues(MathKernel kernel) {
        float[] sp = MathCases.SPECIALS;
        int n = sp.length * sp.length;
        float[] a = new float[n];
        float[] b = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = sp[i / sp.length];
            b[i] = sp[i % sp.length];
        }
        float[] expected = new float[n];
        float[] actual = new float[n];
        for (BinaryOp op : BinaryOp.values()) {
            REF.binary(op, a, 0, b, 0, expected, 0, n);
            kernel.binary(op, a, 0, b, 0, actual, 0, n);
            assertSameBits(expected, actual, op + " of special pairs");
            for (float s : sp) {
                REF.binaryScalar(op, a, 0, s, expected, 0, n);
                kernel.binaryScalar(op, a, 0, s, actual, 0, n);
                assertSameBits(expected, actual, op + " of specials and " + s);
                REF.scalarBinary(op, s, a, 0, expected, 0, n);
                kernel.scalarBinary(op, s, a, 0, actual, 0, n);
                assertSameBits(expected, actual, s + " " + op + " of specials");
            }
        }
        for (UnaryOp op : UnaryOp.values()) {
            REF.unary(op, a, 0, expected, 0, n);
            kernel.unary(op, a, 0, actual, 0, n);
            check(op, expected, actual, op + " of specials");
        }
    }
}
