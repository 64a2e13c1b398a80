package org.seq4j.optim;

import java.util.List;
import org.seq4j.autograd.Variable;
import org.seq4j.tensor.Tensor;
import org.seq4j.tensor.Updates;

/**
 * Keras Adam ("epsilon hat" form), with first and second moment slots m, v (and v̂ for AMSGrad), at step t:
 * <pre>
 *   m ← m + (g − m)·(1 − β₁)        v ← v + (g² − v)·(1 − β₂)        (v̂ ← max(v̂, v); use v̂ for v)
 *   α = lr·√(1 − β₂ᵗ) / (1 − β₁ᵗ)
 *   p ← p − α·m / (√v + ε)
 * </pre>
 * This equals the textbook lr·m̂/(√v̂ + ε̂) with ε̂ = ε·√(1 − β₂ᵗ); PyTorch and tfjs add ε to √v̂ instead, which differs
 * visibly when |g| is tiny. Defaults β₁ 0.9, β₂ 0.999, ε 1e-7 (PyTorch: 1e-8).
 */
public class Adam extends Optimizer {

    public record Config(float beta1, float beta2, float epsilon, boolean amsgrad) {
        public Config {
            if (!(beta1 >= 0f && beta1 < 1f) || !(beta2 >= 0f && beta2 < 1f)) {
                throw new IllegalArgumentException("Adam: betas must be in [0, 1), got " + beta1 + ", " + beta2);
            }
        }

        public static Config defaults() {
            return new Config(0.9f, 0.999f, 1e-7f, false);
        }

        public Config beta1(float b) { return new Config(b, beta2, epsilon, amsgrad); }
        public Config beta2(float b) { return new Config(beta1, b, epsilon, amsgrad); }
        public Config epsilon(float e) { return new Config(beta1, beta2, e, amsgrad); }
        public Config amsgrad(boolean a) { return new Config(beta1, beta2, epsilon, a); }
    }

    private final Config config;

    /** Keras defaults: learning rate 0.001. */
    public Adam(List<Variable> params) {
        this(params, Config.defaults(), Options.of(0.001f));
    }

    public Adam(List<Variable> params, Config config, Options options) {
        super(params, options);
        this.config = config;
    }

    public Config config() {
        return config;
    }

    @Override
    protected Tensor update(int index, Tensor p, Tensor g, float lr, long t) {
        float b1 = config.beta1();
        float b2 = config.beta2();
        double alpha = lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
        if (!config.amsgrad()) {
            // the same formula in one pass (bit for bit: each operation rounds as below), the moments updated in
            // place: the optimizer's slots are its own (see Optimizer#slot)
            return Updates.adamInPlace(p, g, slot("momentum", index), slot("velocity", index), 1f - b1, 1f - b2,
                    (float) alpha, config.epsilon());
        }
        Tensor m = slot("momentum", index);
        m = m.add(g.sub(m).mul(1f - b1));
        setSlot("momentum", index, m);
        Tensor v = slot("velocity", index);
        v = v.add(g.square().sub(v).mul(1f - b2));
        setSlot("velocity", index, v);
        if (config.amsgrad()) {
            v = slot("velocity_hat", index).maximum(v);
            setSlot("velocity_hat", index, v);
        }
        return p.sub(m.mul((float) alpha).div(v.sqrt().add(config.epsilon())));
    }
}
