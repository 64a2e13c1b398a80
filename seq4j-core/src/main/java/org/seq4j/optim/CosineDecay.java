package org.seq4j.optim;

/**
 * Keras CosineDecay with optional linear warmup. Without warmup (warmupTarget null):
 * <pre>  lr(s) = initial · ((1 − α)·½(1 + cos(π·min(s, D)/D)) + α)</pre>
 * With warmup to {@code warmupTarget} over W steps, s is first capped at W + D, then
 * <pre>  s < W:  lr = initial + (target − initial)·s/W
 *  s ≥ W:  lr = target · ((1 − α)·½(1 + cos(π·(s − W)/D)) + α)</pre>
 * so the decay starts from the warmup target, and ends at α·target after W + D steps.
 */
public record CosineDecay(float initialLearningRate, long decaySteps, float alpha, Float warmupTarget,
                          long warmupSteps) implements LearningRateSchedule {

    public CosineDecay {
        if (decaySteps <= 0 || warmupSteps < 0) {
            throw new IllegalArgumentException("CosineDecay: decaySteps must be positive and warmupSteps ≥ 0, got "
                    + decaySteps + " and " + warmupSteps);
        }
    }

    /** Decay from {@code initialLearningRate} to 0 over {@code decaySteps}, no warmup (Keras defaults). */
    public static CosineDecay of(float initialLearningRate, long decaySteps) {
        return new CosineDecay(initialLearningRate, decaySteps, 0f, null, 0);
    }

    /** The floor, as a fraction of the peak: the rate ends at α·peak. */
    public CosineDecay alpha(float a) {
        return new CosineDecay(initialLearningRate, decaySteps, a, warmupTarget, warmupSteps);
    }

    /** Linear warmup from the initial rate to {@code target} over {@code steps}, then the cosine from target. */
    public CosineDecay warmup(float target, long steps) {
        return new CosineDecay(initialLearningRate, decaySteps, alpha, target, steps);
    }

    @Override
    public float at(long step) {
        double s = step;
        if (warmupTarget == null) {
            return (float) decay(Math.min(s, decaySteps), initialLearningRate);
        }
        s = Math.min(s, (double) decaySteps + warmupSteps);
        if (s < warmupSteps) {
            return (float) ((warmupTarget - (double) initialLearningRate) * (s / warmupSteps) + initialLearningRate);
        }
        return (float) decay(s - warmupSteps, warmupTarget);
    }

    private double decay(double s, double from) {
        double cosine = 0.5 * (1 + Math.cos(Math.PI * s / decaySteps));
        return from * ((1 - alpha) * cosine + alpha);
    }
}
