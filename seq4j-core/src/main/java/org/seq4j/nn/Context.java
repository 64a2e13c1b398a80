package org.seq4j.nn;

import java.util.random.RandomGenerator;

/**
 * How a forward pass runs: in training (dropout active, drawing from {@code rng}) or in inference. Whether a graph
 * is recorded is separate: that is the autograd grad mode.
 */
public record Context(Phase phase, RandomGenerator rng) {

    public enum Phase { TRAINING, INFERENCE }

    public static Context inference() {
        return new Context(Phase.INFERENCE, null);
    }

    public static Context training(RandomGenerator rng) {
        if (rng == null) {
            throw new IllegalArgumentException("Context.training: needs a RandomGenerator for dropout");
        }
        return new Context(Phase.TRAINING, rng);
    }

    public boolean training() {
        return phase == Phase.TRAINING;
    }
}
