package org.seq4j.train;

import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/** Broadcasting of per-sample weights and masks, and the alignment of targets to predictions. */
final class Weights {
    private Weights() {}

    /** A weight of lower rank gains trailing size-1 axes ((B,) against (B, T)); one of higher rank loses them. */
    static Tensor expandTo(Tensor w, Shape target) {
        Tensor r = w;
        while (r.rank() > target.rank() && r.dim(-1) == 1) {
            r = r.squeeze(-1);
        }
        while (r.rank() < target.rank()) {
            r = r.unsqueeze(-1);
        }
        return r.expand(target);
    }

    /** The product of two optional weights (null = all ones), e.g. sample weights and a sequence mask. */
    static Tensor times(Tensor a, Tensor b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.rank() >= b.rank() ? a.mul(expandTo(b, a.shape())) : b.mul(expandTo(a, b.shape()));
    }

    /**
     * Keras {@code squeeze_or_expand_to_same_rank} of dense targets against predictions: (B,) targets for a (B, 1)
     * prediction gain the axis, (B, 1) for (B,) lose it.
     */
    static Tensor alignDense(Tensor yTrue, Shape pred) {
        if (yTrue.rank() == pred.rank() - 1 && pred.dim(-1) == 1) {
            return yTrue.unsqueeze(-1);
        }
        if (yTrue.rank() == pred.rank() + 1 && yTrue.dim(-1) == 1) {
            return yTrue.squeeze(-1);
        }
        return yTrue;
    }

    /** Class ids for a (..., C) prediction: shape pred[:-1], a trailing size-1 axis dropped. */
    static Tensor alignIds(Tensor ids, Shape pred) {
        if (ids.rank() == pred.rank() && ids.dim(-1) == 1) {
            return ids.squeeze(-1);
        }
        return ids;
    }

    /** True when targets hold class ids for this prediction rather than one-hot rows. */
    static boolean isSparse(Tensor yTrue, Shape pred) {
        return yTrue.rank() < pred.rank() || (yTrue.dim(-1) == 1 && pred.dim(-1) > 1);
    }
}
