package org.seq4j.optim;

/**
 * The learning rate as a function of the optimizer's step count: the update that makes iterations go from k to k + 1
 * uses {@code at(k)} (Keras evaluates its schedule at {@code optimizer.iterations} before incrementing it).
 */
@FunctionalInterface
public interface LearningRateSchedule {

    float at(long step);

    static LearningRateSchedule constant(float learningRate) {
        return new Constant(learningRate);
    }

    /** A fixed learning rate; the only kind an optimizer lets you replace ({@link Optimizer#setLearningRate}). */
    record Constant(float value) implements LearningRateSchedule {
        public Constant {
            if (!(value >= 0f) || Float.isInfinite(value)) {
                throw new IllegalArgumentException("learning rate must be finite and ≥ 0, got " + value);
            }
        }

        @Override
        public float at(long step) {
            return value;
        }
    }
}
