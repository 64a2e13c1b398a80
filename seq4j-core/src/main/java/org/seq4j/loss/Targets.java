package org.seq4j.loss;

import org.seq4j.autograd.Variable;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/** Shared steps of the Keras loss functions: matching label ranks and clipping probabilities. */
final class Targets {
    /** Keras backend.epsilon(): probabilities are clipped to [ε, 1 − ε] before a log. */
    static final float EPSILON = 1e-7f;

    private Targets() {}

    /**
     * Keras {@code squeeze_or_expand_to_same_rank(y_true, y_pred)}: (B,) labels for a (B, 1) prediction gain a
     * trailing axis, (B, 1) labels for a (B,) prediction lose it; then the shapes must agree.
     */
    static Tensor align(String loss, Tensor yTrue, Shape predShape) {
        Tensor t = yTrue;
        if (t.rank() == predShape.rank() - 1 && predShape.dim(-1) == 1) {
            t = t.unsqueeze(-1);
        } else if (t.rank() == predShape.rank() + 1 && t.dim(-1) == 1) {
            t = t.squeeze(-1);
        }
        if (!t.shape().equals(predShape)) {
            throw new IllegalArgumentException(loss + ": y_true shape " + yTrue.shape() + " does not match y_pred "
                    + predShape);
        }
        return t;
    }

    /** p clipped to [1e-7, 1 − 1e-7]; the gradient passes inside the bounds (TensorFlow clip_by_value's rule). */
    static Variable clip(Variable p) {
        return p.clamp(EPSILON, 1f - EPSILON);
    }
}
