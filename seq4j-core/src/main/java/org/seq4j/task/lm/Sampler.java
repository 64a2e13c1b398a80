package org.seq4j.task.lm;

import java.util.random.RandomGenerator;

/**
 * Picks the next token from a model's logits. {@link #greedy()} takes the arg max; {@link #random} applies its
 * {@link LogitFilter}s in order, then draws from the softmax with the given generator, so the same seed gives the
 * same text:
 *
 * <pre>{@code
 * Sampler s = Sampler.random(LogitFilter.temperature(0.8), LogitFilter.topK(40), LogitFilter.topP(0.95));
 * }</pre>
 */
@FunctionalInterface
public interface Sampler {

    int sample(float[] logits, RandomGenerator rng);

    /** The most likely token (the lowest id among equals); draws nothing. */
    static Sampler greedy() {
        return (logits, rng) -> argMax(logits);
    }

    /** Filters in order, then one draw from the softmax of what is left. */
    static Sampler random(LogitFilter... filters) {
        LogitFilter all = l -> l;
        for (LogitFilter f : filters) {
            all = all.andThen(f);
        }
        LogitFilter chain = all;
        return (logits, rng) -> draw(softmax(chain.apply(logits)), rng);
    }

    static int argMax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Softmax in double, −∞ giving exactly 0. */
    static double[] softmax(float[] logits) {
        float max = logits[argMax(logits)];
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = logits[i] == Float.NEGATIVE_INFINITY ? 0 : Math.exp((double) logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** Inverse-CDF draw; a zero-probability token is never chosen. */
    private static int draw(double[] probs, RandomGenerator rng) {
        double u = rng.nextDouble();
        double cumulative = 0;
        int last = 0;
        for (int i = 0; i < probs.length; i++) {
            if (probs[i] > 0) {
                cumulative += probs[i];
                last = i;
                if (u < cumulative) {
                    return i;
                }
            }
        }
        return last;   // u beyond a sum rounded below 1
    }
}
