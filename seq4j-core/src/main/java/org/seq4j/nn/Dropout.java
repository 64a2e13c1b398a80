package org.seq4j.nn;

import org.seq4j.autograd.Variable;
import org.seq4j.tensor.Tensor;

/**
 * Inverted dropout: in training each element is kept with probability 1 − rate and scaled by 1/(1 − rate); in
 * inference it is the identity. The keep-mask is data (drawn from the context's generator), not a parameter.
 */
public final class Dropout extends Layer {

    public record Config(String name, float rate) {
        public Config {
            if (!(rate >= 0f && rate < 1f)) {
                throw new IllegalArgumentException("Dropout: rate must be in [0, 1), got " + rate);
            }
        }

        public static Config of(float rate) {
            return new Config("dropout", rate);
        }
    }

    private final Config config;

    public Dropout(Config config) {
        super(config.name());
        this.config = config;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    protected Masked forward(Masked input, Context ctx) {
        if (!ctx.training() || config.rate() == 0f) {
            return input;
        }
        Variable x = input.value();
        Tensor keep = keepMask(x.value().shape(), config.rate(), ctx);
        return input.with(x.mul(Variable.constant(keep)));
    }

    /** 1/(1 − rate) with probability 1 − rate, else 0. Shared by the recurrent layers' dropout. */
    public static Tensor keepMask(org.seq4j.tensor.Shape shape, float rate, Context ctx) {
        return Tensor.uniform(shape, 0f, 1f, ctx.rng()).ge(Tensor.scalar(rate)).mul(1f / (1f - rate));
    }
}
