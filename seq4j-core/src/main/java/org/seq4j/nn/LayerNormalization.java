package org.seq4j.nn;

import org.seq4j.autograd.Normalization;
import org.seq4j.autograd.Variable;
import org.seq4j.tensor.Tensor;

/**
 * Normalises the last axis (Ba et al. 2016): y = γ ⊙ (x − μ) / √(σ² + ε) + β with the biased variance. Keras'
 * default ε is 1e-3 (PyTorch's 1e-5). One fused primitive ({@link Normalization#layerNorm}).
 */
public final class LayerNormalization extends Layer {

    public record Config(String name, int dim, float epsilon, boolean center, boolean scale) {
        public static Config of(int dim) {
            return new Config("layer_normalization", dim, 1e-3f, true, true);
        }

        public Config epsilon(float e) {
            return new Config(name, dim, e, center, scale);
        }

        public Config name(String n) {
            return new Config(n, dim, epsilon, center, scale);
        }
    }

    private final Config config;
    private final Variable gamma;
    private final Variable beta;

    public LayerNormalization(Config config) {
        super(config.name());
        this.config = config;
        this.gamma = config.scale() ? addWeight("gamma", Tensor.ones(config.dim())) : null;
        this.beta = config.center() ? addWeight("beta", Tensor.zeros(config.dim())) : null;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    protected Masked forward(Masked input, Context ctx) {
        Variable y = Normalization.layerNorm(input.value(), gamma, beta, config.epsilon());   // (..., D)
        return input.with(y);
    }
}
