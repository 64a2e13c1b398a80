package org.seq4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Keras ReduceLROnPlateau's epoch logic, epoch by epoch. */
class ReduceOnPlateauTest {

    /** Feeds the values and returns the learning rate after each epoch. */
    private static float[] run(ReduceOnPlateau r, float lr, double... values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            lr = r.update(values[i], lr);
            out[i] = lr;
        }
        return out;
    }

    @Test
    void reducesAfterPatienceEpochsWithoutImprovement() {
        var r = new ReduceOnPlateau(ReduceOnPlateau.Config.defaults().patience(2).factor(0.5f));
        float[] lr = run(r, 1f, 1.0, 0.9, 0.9, 0.95, 0.95, 0.95, 0.5, 0.6, 0.6);
        // 1.0 best, 0.9 best, wait 1, wait 2 → 0.5, wait 1, wait 2 → 0.25, best, wait 1, wait 2 → 0.125
        assertEquals(1f, lr[2], 0f);
        assertEquals(0.5f, lr[3], 0f);
        assertEquals(0.5f, lr[4], 0f);
        assertEquals(0.25f, lr[5], 0f);
        assertEquals(0.25f, lr[7], 0f);
        assertEquals(0.125f, lr[8], 0f);
    }

    @Test
    void cooldownHoldsTheWait() {
        var r = new ReduceOnPlateau(ReduceOnPlateau.Config.defaults().patience(1).factor(0.5f).cooldown(2));
        float[] lr = run(r, 1f, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0);
        // best; reduce (cooldown 2); the counter drops to 1 (cooling, no wait); it drops to 0 at the start of the
        // next epoch, which therefore counts: wait 1 → reduce; as Keras decrements before testing
        assertEquals(1f, lr[0], 0f);
        assertEquals(0.5f, lr[1], 0f);
        assertEquals(0.5f, lr[2], 0f);
        assertEquals(0.25f, lr[3], 0f);
        assertEquals(0.25f, lr[4], 0f);
        assertEquals(0.125f, lr[5], 0f);
    }

    @Test
    void minDeltaMinLrAndMaxMode() {
        var r = new ReduceOnPlateau(ReduceOnPlateau.Config.defaults().patience(1).minDelta(0.1).minLr(0.3f));
        float[] lr = run(r, 1f, 1.0, 0.95, 0.5, 0.45, 0.44);
        assertEquals(0.3f, lr[1], 0f);   // 0.95 is not 0.1 better: max(0.1, 0.3)
        assertEquals(0.3f, lr[3], 0f);   // already at min_lr: no change
        assertEquals(0.3f, lr[4], 0f);
        var max = new ReduceOnPlateau(ReduceOnPlateau.Config.defaults().patience(1).mode(ReduceOnPlateau.Mode.MAX));
        float[] up = run(max, 1f, 0.5, 0.7, 0.6);
        assertEquals(1f, up[1], 0f);
        assertEquals(0.1f, up[2], 1e-7f);
        assertEquals(ReduceOnPlateau.Mode.MAX, ReduceOnPlateau.Mode.auto("val_accuracy"));
        assertEquals(ReduceOnPlateau.Mode.MIN, ReduceOnPlateau.Mode.auto("val_loss"));
    }

    @Test
    void nanIsNoImprovementAndStateRoundTrips() {
        var r = new ReduceOnPlateau(ReduceOnPlateau.Config.defaults().patience(2));
        run(r, 1f, 1.0, Double.NaN);
        var copy = new ReduceOnPlateau(r.config());
        copy.load(r.state());
        assertEquals(new ReduceOnPlateau.State(1.0, 1, 0), copy.state());
        assertEquals(0.1f, copy.update(2.0, 1f), 1e-7f);
        assertThrows(IllegalArgumentException.class, () -> ReduceOnPlateau.Config.defaults().factor(1f));
    }
}
