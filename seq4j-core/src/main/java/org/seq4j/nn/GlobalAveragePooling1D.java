package org.seq4j.nn;

import org.seq4j.autograd.Variable;
import org.seq4j.tensor.Tensor;

/**
 * The mean over time of a sequence (B, T, F) → (B, F), over the real steps only when a mask arrives (Keras
 * {@code GlobalAveragePooling1D}): h = Σ_t m_t·x_t / Σ_t m_t. The mask is consumed, since the time axis is gone.
 * A row with no real step gives zeros here; Keras divides 0 by 0 there and returns NaN.
 */
public final class GlobalAveragePooling1D extends Layer {

    public record Config(String name) {
        public static Config defaults() {
            return new Config("global_average_pooling1d");
        }
    }

    private final Config config;

    public GlobalAveragePooling1D(Config config) {
        super(config.name());
        this.config = config;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    protected Masked forward(Masked input, Context ctx) {
        Variable x = input.value();
        if (x.shape().rank() != 3) {
            throw new IllegalArgumentException(name() + ": expects (batch, steps, features), got " + x.shape());
        }
        if (!input.hasMask()) {
            return Masked.of(x.mean(1));                                        // (B, F)
        }
        Tensor m = input.mask().ne(Tensor.scalar(0f)).unsqueeze(-1);            // (B, T, 1)
        Variable summed = x.mul(Variable.constant(m)).sum(1);                   // (B, F)
        Tensor counts = m.sum(1).maximum(Tensor.scalar(1f));                    // (B, 1): no 0/0 on empty rows
        return Masked.of(summed.div(Variable.constant(counts)));
    }
}
