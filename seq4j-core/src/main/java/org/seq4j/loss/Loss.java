package org.seq4j.loss;

import org.seq4j.autograd.Variable;

/**
 * A Keras loss: a per-sample value L_i (the prediction's class or feature axis reduced, so a (B, C) prediction gives
 * (B,) and a (B, T, C) one gives (B, T)), then weighted and reduced to a scalar by {@link #reduction()}:
 * by default {@code sum_over_batch_size}, loss = Σ_i w_i·L_i / N with N the number of per-sample values.
 *
 * <p>{@code Y} is the label type: {@code Tensor} for dense targets, {@code IntTensor} for class ids. Losses are
 * compositions of autograd primitives (plus the fused {@link SoftmaxCrossEntropy}), so their gradients come free.
 *
 * @param <Y> the type of the targets
 */
public interface Loss<Y> {

    /** The unreduced loss: one value per sample (and per step for sequences). */
    Variable perSample(Variable yPred, Y yTrue);

    /** How the per-sample values become the loss. */
    Reduction reduction();

    /** The reduced, unweighted loss. */
    default Variable compute(Variable yPred, Y yTrue) {
        return compute(yPred, yTrue, Weighting.none());
    }

    /** The reduced loss with sample weights and/or a (B, T) mask (Keras {@code sample_weight} and Keras masks). */
    default Variable compute(Variable yPred, Y yTrue, Weighting weighting) {
        return reduction().reduce(perSample(yPred, yTrue), weighting);
    }
}
