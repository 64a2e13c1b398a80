package org.seq4j.nn;

import org.seq4j.autograd.Variable;
import org.seq4j.tensor.Tensor;

/**
 * What flows along a model's edges: a value and, for sequences, an optional Keras-style mask of shape (B, T) with
 * 1 = a real step and 0 = padding. Embedding(maskZero) and Masking create masks; RNNs and attention consume them;
 * most other layers pass them through unchanged.
 */
public record Masked(Variable value, Tensor mask) {

    public static Masked of(Variable value) {
        return new Masked(value, null);
    }

    public boolean hasMask() {
        return mask != null;
    }

    /** The same mask on a new value. */
    public Masked with(Variable newValue) {
        return new Masked(newValue, mask);
    }
}
