package org.seq4j.loss;

import org.seq4j.autograd.Variable;
import org.seq4j.tensor.Axes;
import org.seq4j.tensor.Tensor;

/**
 * Keras CategoricalCrossentropy over {@code axis} (default −1) with one-hot or soft targets t, first smoothed
 * t ← t·(1 − s) + s/C:
 * <ul>
 *   <li>probabilities: p ← p / Σp (renormalised), clipped to [1e-7, 1 − 1e-7]; L = −Σ t·log p;</li>
 *   <li>logits x: L = −Σ t·log_softmax(x) (TensorFlow's softmax_cross_entropy_with_logits).</li>
 * </ul>
 * C is the size of the class axis (Keras 3 takes y_true's last dimension even when {@code axis} is another one;
 * the two agree for the usual axis −1).
 */
public record CategoricalCrossentropy(boolean fromLogits, float labelSmoothing, int axis, Reduction reduction)
        implements Loss<Tensor> {

    public CategoricalCrossentropy {
        if (!(labelSmoothing >= 0f && labelSmoothing <= 1f)) {
            throw new IllegalArgumentException("CategoricalCrossentropy: label smoothing " + labelSmoothing
                    + " is not in [0, 1]");
        }
    }

    public static CategoricalCrossentropy probabilities() {
        return new CategoricalCrossentropy(false, 0f, -1, Reduction.SUM_OVER_BATCH_SIZE);
    }

    public static CategoricalCrossentropy logits() {
        return new CategoricalCrossentropy(true, 0f, -1, Reduction.SUM_OVER_BATCH_SIZE);
    }

    public CategoricalCrossentropy labelSmoothing(float s) {
        return new CategoricalCrossentropy(fromLogits, s, axis, reduction);
    }

    public CategoricalCrossentropy axis(int a) {
        return new CategoricalCrossentropy(fromLogits, labelSmoothing, a, reduction);
    }

    public CategoricalCrossentropy reduction(Reduction r) {
        return new CategoricalCrossentropy(fromLogits, labelSmoothing, axis, r);
    }

    @Override
    public Variable perSample(Variable yPred, Tensor yTrue) {
        Tensor t = Targets.align("CategoricalCrossentropy", yTrue, yPred.shape());
        if (labelSmoothing > 0f) {
            t = t.mul(1f - labelSmoothing).add(labelSmoothing / yPred.value().dim(axis));
        }
        Variable logP;
        if (fromLogits) {
            logP = yPred.logSoftmax(axis);
        } else {
            Variable total = yPred.sum(Axes.of(axis).keepDims());
            logP = Targets.clip(yPred.div(total)).log();
        }
        return Variable.constant(t).mul(logP).sum(axis).neg();
    }
}
