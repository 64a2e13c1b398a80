package org.seq4j.loss;

import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/**
 * Optional per-sample weights and an optional 0/1 mask of the per-sample loss (a (B, T) padding mask for sequence
 * losses). Both are data: they get no gradient.
 *
 * <p>Keras 3 semantics ({@code keras.losses.loss.apply_mask}): under SUM_OVER_BATCH_SIZE a mask m is rescaled to
 * m·N/(Σm + 1e-7), so that the reduced loss is the mean over the valid positions only, Σ m_i·w_i·L_i / Σ m_i;
 * under the other reductions it multiplies the sample weights as is. A sample weight of lower rank than the loss
 * gets trailing size-1 axes (a (B,) weight scales every step of a (B, T) loss); one of higher rank loses trailing
 * size-1 axes (Keras {@code squeeze_or_expand_to_same_rank}).
 */
public record Weighting(Tensor sampleWeight, Tensor mask) {
    private static final float MASK_EPSILON = 1e-7f; // Keras backend.epsilon() in apply_mask

    public static Weighting none() {
        return new Weighting(null, null);
    }

    public static Weighting of(Tensor sampleWeight) {
        return new Weighting(sampleWeight, null);
    }

    public static Weighting masked(Tensor mask) {
        return new Weighting(null, mask);
    }

    public Weighting withSampleWeight(Tensor w) {
        return new Weighting(w, mask);
    }

    /** This weighting with {@code extra} and-ed into its mask (a loss's own mask, e.g. ignore_class). */
    public Weighting withMask(Tensor extra) {
        return new Weighting(sampleWeight, mask == null ? extra : mask.mul(extra));
    }

    /** The weights to multiply a per-sample loss of {@code lossShape} by, or null when unweighted. */
    public Tensor weightsFor(Shape lossShape, Reduction reduction) {
        Tensor m = mask == null ? null : toRank(mask.ne(Tensor.scalar(0f)), lossShape);
        if (m != null && (reduction == Reduction.SUM_OVER_BATCH_SIZE)) {
            float valid = m.expand(lossShape).sum().item();
            m = m.mul(lossShape.size() / (valid + MASK_EPSILON));
        }
        Tensor w = sampleWeight == null ? null : toRank(sampleWeight, lossShape);
        if (w == null) {
            return m;
        }
        return m == null ? w : w.mul(m);
    }

    /** Keras squeeze_or_expand_to_same_rank: trailing 1s added or removed until the ranks agree. */
    private static Tensor toRank(Tensor t, Shape target) {
        Tensor r = t;
        while (r.rank() > target.rank() && r.dim(-1) == 1) {
            r = r.squeeze(-1);
        }
        while (r.rank() < target.rank()) {
            r = r.unsqueeze(-1);
        }
        Shape.broadcast("Weighting", r.shape(), target);
        return r;
    }
}
