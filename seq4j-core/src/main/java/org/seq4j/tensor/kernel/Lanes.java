package org.seq4j.tensor.kernel;

/**
 * Sums a vector's lanes in one fixed order. {@code FloatVector.reduceLanes(ADD)} leaves the order to the
 * implementation: the interpreter's fallback adds lanes in sequence, C2's intrinsic pairwise, so the same input could
 * give sums one ulp apart depending on whether the caller had been compiled yet, and a seeded run would not repeat
 * bit for bit. Callers store the vector into a scratch array (no vector crosses a method boundary) and fold it here.
 */
final class Lanes {
    private Lanes() {}

    /** Pairwise in a fixed tree over {@code lanes[0..n)}, n a power of two (a vector species' length). */
    static float sum(float[] lanes, int n) {
        return sum(lanes, 0, n);
    }

    /** The same over {@code lanes[off..off+n)}, which it overwrites. */
    static float sum(float[] lanes, int off, int n) {
        for (int width = n / 2; width >= 1; width /= 2) {
            for (int i = 0; i < width; i++) {
                lanes[off + i] += lanes[off + i + width];
            }
        }
        return lanes[off];
    }
}
