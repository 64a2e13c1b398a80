package org.seq4j.optim;

/**
 * Keras ExponentialDecay: lr(step) = initial · rate^(step / decaySteps), with the exponent floored when
 * {@code staircase} (the rate then changes every decaySteps steps).
 */
public record ExponentialDecay(float initialLearningRate, long decaySteps, float decayRate, boolean staircase)
        implements LearningRateSchedule {

    public ExponentialDecay {
        if (decaySteps <= 0) {
            throw new IllegalArgumentException("ExponentialDecay: decaySteps must be positive, got " + decaySteps);
        }
    }

    public static ExponentialDecay of(float initialLearningRate, long decaySteps, float decayRate) {
        return new ExponentialDecay(initialLearningRate, decaySteps, decayRate, false);
    }

    public ExponentialDecay staircase(boolean s) {
        return new ExponentialDecay(initialLearningRate, decaySteps, decayRate, s);
    }

    @Override
    public float at(long step) {
        double p = (double) step / decaySteps;
        if (staircase) {
            p = Math.floor(p);
        }
        return (float) (initialLearningRate * Math.pow(decayRate, p));
    }
}
