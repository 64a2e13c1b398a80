package org.seq4j.task.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SamplerTest {
    private static final float[] LOGITS = {0.1f, 2.0f, -1.0f, 1.5f, 0.3f};

    /** Logits whose softmax is exactly the given probabilities. */
    private static float[] logitsOf(double... probs) {
        float[] l = new float[probs.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = (float) Math.log(probs[i]);
        }
        return l;
    }

    private static Set<Integer> kept(float[] filtered) {
        Set<Integer> s = new HashSet<>();
        for (int i = 0; i < filtered.length; i++) {
            if (filtered[i] != Float.NEGATIVE_INFINITY) {
                s.add(i);
            }
        }
        return s;
    }

    @Test
    void greedyTakesTheArgMaxAndTheLowerIdOnTies() {
        assertEquals(1, Sampler.greedy().sample(LOGITS, null));
        assertEquals(0, Sampler.greedy().sample(new float[] {3f, 3f, 1f}, null));
    }

    @Test
    void topKOfOneIsGreedy() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 100; i++) {
            assertEquals(1, Sampler.random(LogitFilter.topK(1)).sample(LOGITS, rng));
        }
    }

    @Test
    void temperatureTowardsZeroIsGreedy() {
        SplittableRandom rng = new SplittableRandom(4);
        for (double t : new double[] {0, 1e-4, 1e-2}) {
            for (int i = 0; i < 100; i++) {
                assertEquals(1, Sampler.random(LogitFilter.temperature(t)).sample(LOGITS, rng), "t=" + t);
            }
        }
    }

    @Test
    void topKKeepsTheKLargest() {
        assertEquals(Set.of(1, 3), kept(LogitFilter.topK(2).apply(LOGITS)));
        assertEquals(Set.of(0, 1, 2, 3, 4), kept(LogitFilter.topK(99).apply(LOGITS)));
    }

    @Test
    void topPKeepsTheSmallestSetWhoseMassReachesP() {
        float[] l = logitsOf(0.1, 0.5, 0.2, 0.15, 0.05);
        assertEquals(Set.of(1), kept(LogitFilter.topP(0.3).apply(l)));
        assertEquals(Set.of(1), kept(LogitFilter.topP(0.49).apply(l)));
        assertEquals(Set.of(1, 2), kept(LogitFilter.topP(0.6).apply(l)));
        assertEquals(Set.of(1, 2, 3), kept(LogitFilter.topP(0.8).apply(l)));   // 0.85 ≥ 0.8, 0.7 is not
        assertEquals(Set.of(1, 2, 3, 0), kept(LogitFilter.topP(0.9).apply(l)));
        assertEquals(Set.of(0, 1, 2, 3, 4), kept(LogitFilter.topP(1.0).apply(l)));
        assertEquals(Set.of(1), kept(LogitFilter.topP(1e-9).apply(l)));         // never empty
    }

    @Test
    void filteredOutTokensAreNeverDrawn() {
        Sampler s = Sampler.random(LogitFilter.temperature(2), LogitFilter.topK(3), LogitFilter.topP(0.9));
        SplittableRandom rng = new SplittableRandom(5);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            seen.add(s.sample(LOGITS, rng));
        }
        assertTrue(Set.of(0, 1, 3, 4).containsAll(seen), seen.toString());
        assertTrue(seen.containsAll(Set.of(1, 3)), seen.toString());
    }

    @Test
    void drawsFollowTheSoftmax() {
        float[] l = logitsOf(0.7, 0.2, 0.1);
        SplittableRandom rng = new SplittableRandom(6);
        int[] counts = new int[3];
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            counts[Sampler.random().sample(l, rng)]++;
        }
        assertEquals(0.7, counts[0] / (double) n, 0.02);
        assertEquals(0.2, counts[1] / (double) n, 0.02);
        assertEquals(0.1, counts[2] / (double) n, 0.02);
    }

    @Test
    void sameSeedSameDraws() {
        Sampler s = Sampler.random(LogitFilter.temperature(1.3));
        int[] a = new int[50];
        int[] b = new int[50];
        SplittableRandom r1 = new SplittableRandom(9);
        SplittableRandom r2 = new SplittableRandom(9);
        for (int i = 0; i < 50; i++) {
            a[i] = s.sample(LOGITS, r1);
            b[i] = s.sample(LOGITS, r2);
        }
        assertArrayEquals(a, b);
    }

    @Test
    void badParametersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> LogitFilter.topK(0));
        assertThrows(IllegalArgumentException.class, () -> LogitFilter.topP(0));
        assertThrows(IllegalArgumentException.class, () -> LogitFilter.topP(1.5));
        assertThrows(IllegalArgumentException.class, () -> LogitFilter.temperature(-1));
    }
}
