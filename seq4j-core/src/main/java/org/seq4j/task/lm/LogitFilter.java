package org.seq4j.task.lm;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * A step of a {@link Sampler}: logits in, logits out (a new array). Removed candidates get −∞, so that the final
 * softmax gives them probability 0. Filters compose with {@link #andThen}, applied left to right, so
 * {@code temperature(0.8).andThen(topP(0.9))} takes the nucleus of the tempered distribution (as Hugging Face does).
 */
@FunctionalInterface
public interface LogitFilter {

    float[] apply(float[] logits);

    default LogitFilter andThen(LogitFilter next) {
        return logits -> next.apply(apply(logits));
    }

    /** logits / t; t = 0 keeps only the arg max (the limit t → 0, i.e. greedy). */
    static LogitFilter temperature(double t) {
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("temperature must be finite and ≥ 0, got " + t);
        }
        return logits -> {
            if (t == 0) {
                return onlyKept(logits, new int[] {Sampler.argMax(logits)});
            }
            float[] out = new float[logits.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) (logits[i] / t);
            }
            return out;
        };
    }

    /** Keeps the k largest logits (ties: the lower id first); k ≥ the vocabulary keeps all. */
    static LogitFilter topK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("top-k needs k ≥ 1, got " + k);
        }
        return logits -> onlyKept(logits, Arrays.copyOf(byDescendingLogit(logits), Math.min(k, logits.length)));
    }

    /**
     * Nucleus sampling (Holtzman et al. 2019): keeps the smallest set of most likely tokens whose probability mass
     * is at least p (at least one token).
     */
    static LogitFilter topP(double p) {
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("top-p needs 0 < p ≤ 1, got " + p);
        }
        return logits -> {
            double[] probs = Sampler.softmax(logits);
            int[] order = byDescendingLogit(logits);
            double mass = 0;
            int kept = 0;
            while (kept < order.length && (kept == 0 || mass < p)) {
                mass += probs[order[kept++]];
            }
            return onlyKept(logits, Arrays.copyOf(order, kept));
        };
    }

    private static int[] byDescendingLogit(float[] logits) {
        return IntStream.range(0, logits.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -logits[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
    }

    private static float[] onlyKept(float[] logits, int[] kept) {
        float[] out = new float[logits.length];
        Arrays.fill(out, Float.NEGATIVE_INFINITY);
        for (int i : kept) {
            out[i] = logits[i];
        }
        return out;
    }
}
