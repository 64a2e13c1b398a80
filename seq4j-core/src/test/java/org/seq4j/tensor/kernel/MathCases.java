package org.seq4j.tensor.kernel;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/** Shared inputs and comparisons for the kernel tests: which kernels, which lengths, which values. */
final class MathCases {
    private MathCases() {}

    /** Float's unit roundoff, 2^-24. */
    static final double U = 0x1p-24;

    /** Special values mixed into the random inputs. */
    static final float[] SPECIALS = {
        Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f, 1e30f, -1e30f, 1e-30f, -1e-30f,
        Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, 1f, -1f,
    };

    /**
     * The kernels under test: the one {@link Kernels#math()} picks (so the suite follows {@code -Dseq4j.simd}) and
     * the Vector API one explicitly, each compared with the scalar reference.
     */
    static Stream<MathKernel> kernels() {
        Map<Class<?>, MathKernel> byClass = new LinkedHashMap<>();
        byClass.put(Kernels.math().getClass(), Kernels.math());
        byClass.putIfAbsent(VectorMath.class, new VectorMath());
        return byClass.values().stream();
    }

    /** Lengths around every vector boundary up to 300, then random ones. */
    static List<Integer> lengths(RandomGenerator rnd) {
        List<Integer> ns = new ArrayList<>(List.of(0, 1, 2, 7, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129,
                255, 256, 257, 300));
        for (int i = 0; i < 10; i++) {
            ns.add(rnd.nextInt(301));
        }
        return ns;
    }

    /** An array of off + n + 3 values (so a kernel that overruns n would touch guard values) at scale. */
    static float[] gaussian(RandomGenerator rnd, int off, int n, double scale) {
        float[] a = new float[off + n + 3];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (rnd.nextGaussian() * scale);
        }
        return a;
    }

    /** Replaces about one value in eight of a[off..off+n) by a special value. */
    static float[] sprinkle(RandomGenerator rnd, float[] a, int off, int n) {
        for (int i = 0; i < n / 8 + 1 && n > 0; i++) {
            a[off + rnd.nextInt(n)] = SPECIALS[rnd.nextInt(SPECIALS.length)];
        }
        return a;
    }

    /** Bit-for-bit equality, except that all NaNs are alike. */
    static void assertSameBits(float[] expected, float[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual[i])) {
                fail(what + ": at " + i + " expected " + expected[i] + " but was " + actual[i]);
            }
        }
    }

    /**
     * Equality up to rel·|expected| + abs, with NaN only where expected is NaN and infinities exact. The arrays are
     * compared whole, so guard values outside the kernel's range must be untouched.
     */
    static void assertClose(float[] expected, float[] actual, double rel, double abs, String what) {
        for (int i = 0; i < expected.length; i++) {
            float e = expected[i];
            float a = actual[i];
            boolean ok = Float.isNaN(e) ? Float.isNaN(a)
                    : Float.isInfinite(e) ? e == a
                    : Math.abs((double) a - e) <= rel * Math.abs(e) + abs;
            if (!ok) {
                fail(what + ": at " + i + " expected " + e + " but was " + a + " (difference "
                        + Math.abs((double) a - e) / Math.abs(e) + " relative)");
            }
        }
    }
}
