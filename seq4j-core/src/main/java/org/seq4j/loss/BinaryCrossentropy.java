package org.seq4j.loss;

import org.seq4j.autograd.Variable;
import org.seq4j.tensor.Tensor;

/**
 * Keras BinaryCrossentropy. Targets t ∈ [0, 1] are first smoothed, t ← t·(1 − s) + s/2. Per element:
 * <ul>
 *   <li>probabilities: −(t·log p + (1 − t)·log(1 − p)), p clipped to [1e-7, 1 − 1e-7] (Keras 3; Keras 2 also
 *       added 1e-7 inside the logs, a ~1e-7 difference);</li>
 *   <li>logits x (TensorFlow's stable sigmoid_cross_entropy_with_logits): max(x, 0) − x·t + log(1 + exp(−|x|)),
 *       exact for any x since exp(−|x|) ≤ 1.</li>
 * </ul>
 * The per-sample loss is the mean of the elements over {@code axis} (default −1).
 */
public record BinaryCrossentropy(boolean fromLogits, float labelSmoothing, int axis, Reduction reduction)
        implements Loss<Tensor> {

    public BinaryCrossentropy {
        if (!(labelSmoothing >= 0f && labelSmoothing <= 1f)) {
            throw new IllegalArgumentException("BinaryCrossentropy: label smoothing " + labelSmoothing
                    + " is not in [0, 1]");
        }
    }

    /** On probabilities (the output of a sigmoid), Keras defaults. */
    public static BinaryCrossentropy probabilities() {
        return new BinaryCrossentropy(false, 0f, -1, Reduction.SUM_OVER_BATCH_SIZE);
    }

    /** On logits (no sigmoid in the model), Keras defaults otherwise. */
    public static BinaryCrossentropy logits() {
        return new BinaryCrossentropy(true, 0f, -1, Reduction.SUM_OVER_BATCH_SIZE);
    }

    public BinaryCrossentropy labelSmoothing(float s) {
        return new BinaryCrossentropy(fromLogits, s, axis, reduction);
    }

    public BinaryCrossentropy axis(int a) {
        return new BinaryCrossentropy(fromLogits, labelSmoothing, a, reduction);
    }

    public BinaryCrossentropy reduction(Reduction r) {
        return new BinaryCrossentropy(fromLogits, labelSmoothing, axis, r);
    }

    @Override
    public Variable perSample(Variable yPred, Tensor yTrue) {
        Tensor t = Targets.align("BinaryCrossentropy", yTrue, yPred.shape());
        if (labelSmoothing > 0f) {
            t = t.mul(1f - labelSmoothing).add(0.5f * labelSmoothing);
        }
        Variable target = Variable.constant(t);
        Variable elements;
        if (fromLogits) {
            Variable x = yPred;
            elements = x.relu().sub(x.mul(target)).add(x.abs().neg().exp().add(1f).log());
        } else {
            Variable p = Targets.clip(yPred);
            Variable oneMinusT = Variable.constant(t.neg().add(1f));
            elements = target.mul(p.log()).add(oneMinusT.mul(p.neg().add(1f).log())).neg();
        }
        return elements.mean(axis);
    }
}
