package org.seq4j.train;

import org.seq4j.tensor.Tensor;

/**
 * A streaming metric: fed batch after batch, read at any time, reset at the start of each epoch (and of each
 * evaluation). Keras' {@code update_state / result / reset_state}.
 */
public interface Metric {

    /** The key in the logs ("accuracy", "precision"; validation adds "val_"). */
    String name();

    /**
     * Accumulates one batch. {@code yTrue} are the targets as floats (class ids as whole numbers); {@code weight}
     * weights the per-sample values (the prediction's shape without its last axis, or a prefix of it, e.g. (B,) for
     * (B, T) values), combining sample weights and the output's mask; null when unweighted.
     */
    void update(Tensor yPred, Tensor yTrue, Tensor weight);

    double result();

    void reset();
}
