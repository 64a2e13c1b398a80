package org.seq4j.loss;

import org.seq4j.autograd.Variable;
import org.seq4j.tensor.Tensor;

/**
 * Keras 3 loss reductions of weighted per-sample values v_i = w_i·L_i ({@code keras.losses.loss.reduce_values}):
 * <ul>
 *   <li>SUM_OVER_BATCH_SIZE (the default): Σ v_i / N, N = number of per-sample values (0 when N = 0);</li>
 *   <li>SUM: Σ v_i;</li>
 *   <li>MEAN_WITH_SAMPLE_WEIGHT: Σ v_i / Σ w (0 when Σ w = 0); plain mean when unweighted. As in Keras, Σ w is
 *       over the weight tensor as given (before broadcasting): a (B,) weight on a (B, T) loss divides by Σ_b w_b;
 *       a (B, T) mask divides by the number of valid steps;</li>
 *   <li>NONE: the weighted per-sample values themselves.</li>
 * </ul>
 * The weights w come from {@link Weighting#weightsFor}, which also rescales masks as Keras does.
 */
public enum Reduction {
    SUM_OVER_BATCH_SIZE, SUM, MEAN_WITH_SAMPLE_WEIGHT, NONE;

    public Variable reduce(Variable values, Weighting weighting) {
        Tensor w = weighting.weightsFor(values.shape(), this);
        Variable weighted = w == null ? values : values.mul(Variable.constant(w));
        return switch (this) {
            case NONE -> weighted;
            case SUM -> weighted.sum();
            case SUM_OVER_BATCH_SIZE -> divideNoNan(weighted.sum(), weighted.value().size());
            case MEAN_WITH_SAMPLE_WEIGHT -> divideNoNan(weighted.sum(),
                    w == null ? values.value().size() : w.sum().item());
        };
    }

    /** Keras' divide_no_nan: a zero divisor gives 0 (an empty batch or an all-masked one). */
    private static Variable divideNoNan(Variable sum, double divisor) {
        return divisor == 0 ? sum.mul(0f) : sum.mul((float) (1.0 / divisor));
    }
}
