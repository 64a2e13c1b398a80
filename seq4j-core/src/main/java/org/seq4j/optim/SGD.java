package org.seq4j.optim;

import java.util.List;
import org.seq4j.autograd.Variable;
import org.seq4j.tensor.Tensor;

/**
 * Keras SGD. Without momentum p ← p − lr·g. With momentum μ, a velocity slot v:
 * <pre>  v ← μ·v − lr·g;   p ← p + v            (nesterov: p ← p + μ·v − lr·g)</pre>
 * which equals PyTorch's a ← μ·a + g; p ← p − lr·a while lr is constant.
 */
public final class SGD extends Optimizer {

    public record Config(float momentum, boolean nesterov) {
        public Config {
            if (!(momentum >= 0f && momentum <= 1f)) {
                throw new IllegalArgumentException("SGD: momentum must be in [0, 1], got " + momentum);
            }
        }

        /** Keras defaults: no momentum. */
        public static Config defaults() {
            return new Config(0f, false);
        }

        public Config momentum(float m) {
            return new Config(m, nesterov);
        }

        public Config nesterov(boolean n) {
            return new Config(momentum, n);
        }
    }

    private final Config config;

    /** Keras defaults: learning rate 0.01, no momentum. */
    public SGD(List<Variable> params) {
        this(params, Config.defaults(), Options.of(0.01f));
    }

    public SGD(List<Variable> params, Config config, Options options) {
        super(params, options);
        this.config = config;
    }

    public Config config() {
        return config;
    }

    @Override
    protected Tensor update(int index, Tensor p, Tensor g, float lr, long t) {
        if (config.momentum() == 0f) {
            return p.sub(g.mul(lr));
        }
        Tensor v = slot("momentum", index).mul(config.momentum()).sub(g.mul(lr));
        setSlot("momentum", index, v);
        return config.nesterov() ? p.add(v.mul(config.momentum())).sub(g.mul(lr)) : p.add(v);
    }
}
