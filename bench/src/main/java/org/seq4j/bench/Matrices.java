package org.seq4j.bench;

import java.util.SplittableRandom;

/** Random inputs for the benchmarks (uniform in [-1, 1), seeded). */
final class Matrices {
    private Matrices() {}

    static float[] random(int size, SplittableRandom rnd) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        return x;
    }
}
