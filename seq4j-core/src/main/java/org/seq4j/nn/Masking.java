package org.seq4j.nn;

import org.seq4j.autograd.Variable;
import org.seq4j.tensor.Axes;
import org.seq4j.tensor.Tensor;

/**
 * Keras' Masking: a step is padding when all its features equal {@code maskValue}. The mask (B, T) is
 * any(x ≠ maskValue) over the last axis, and the output is x ⊙ mask, so padded steps become zeros (which, for the
 * usual maskValue 0, changes nothing but keeps the gradient at padded steps zero).
 */
public final class Masking extends Layer {

    public record Config(String name, float maskValue) {
        public static Config of() {
            return new Config("masking", 0f);
        }

        public Config maskValue(float v) {
            return new Config(name, v);
        }

        public Config name(String v) {
            return new Config(v, maskValue);
        }
    }

    private final Config config;

    public Masking(Config config) {
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
        if (x.shape().rank() < 2) {
            throw new IllegalArgumentException(name() + " (Masking): expects (batch, time, ...), got " + x.shape());
        }
        Tensor keep = x.value().ne(Tensor.scalar(config.maskValue())).max(Axes.of(-1));     // (B, T)
        return new Masked(x.mul(Variable.constant(keep.unsqueeze(-1))), keep);
    }
}
