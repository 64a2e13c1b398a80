package org.seq4j.optim;

import java.util.List;
import org.seq4j.autograd.Variable;
import org.seq4j.tensor.Tensor;

/**
 * Keras RMSprop, with a velocity slot s (and an average-gradient slot ḡ when centered, a momentum slot m when
 * momentum μ &gt; 0):
 * <pre>
 *   s ← ρ·s + (1 − ρ)·g²          ḡ ← ρ·ḡ + (1 − ρ)·g                 (centered)
 *   Δ = lr·g / √(s − ḡ² + ε)       (ḡ = 0 when not centered)
 *   m ← μ·m + Δ;  p ← p − m        (p ← p − Δ without momentum)
 * </pre>
 * ε sits inside the square root as in the Keras 2 and 3 sources ({@code keras/src/optimizers/rmsprop.py}:
 * {@code lr·g / sqrt(velocity + epsilon)}) and TensorFlow's kernel; {@link EpsilonPlacement#OUTSIDE_SQRT} gives
 * PyTorch's lr·g / (√s + ε). The two differ by about ε/(2√s) relative, ~1e-7 for O(1) gradients.
 */
public final class RMSprop extends Optimizer {

    public enum EpsilonPlacement { INSIDE_SQRT, OUTSIDE_SQRT }

    public record Config(float rho, float momentum, float epsilon, boolean centered, EpsilonPlacement placement) {
        /** Keras defaults: ρ 0.9, no momentum, ε 1e-7, not centered. */
        public static Config defaults() {
            return new Config(0.9f, 0f, 1e-7f, false, EpsilonPlacement.INSIDE_SQRT);
        }

        public Config rho(float r) { return new Config(r, momentum, epsilon, centered, placement); }
        public Config momentum(float m) { return new Config(rho, m, epsilon, centered, placement); }
        public Config epsilon(float e) { return new Config(rho, momentum, e, centered, placement); }
        public Config centered(boolean c) { return new Config(rho, momentum, epsilon, c, placement); }
        public Config placement(EpsilonPlacement p) { return new Config(rho, momentum, epsilon, centered, p); }
    }

    private final Config config;

    /** Keras defaults: learning rate 0.001. */
    public RMSprop(List<Variable> params) {
        this(params, Config.defaults(), Options.of(0.001f));
    }

    public RMSprop(List<Variable> params, Config config, Options options) {
        super(params, options);
        this.config = config;
    }

    public Config config() {
        return config;
    }

    @Override
    protected Tensor update(int index, Tensor p, Tensor g, float lr, long t) {
        float rho = config.rho();
        Tensor s = slot("velocity", index).mul(rho).add(g.square().mul(1f - rho));
        setSlot("velocity", index, s);
        Tensor meanSquare = s;
        if (config.centered()) {
            Tensor avg = slot("average_gradient", index).mul(rho).add(g.mul(1f - rho));
            setSlot("average_gradient", index, avg);
            meanSquare = s.sub(avg.square());
        }
        Tensor denominator = config.placement() == EpsilonPlacement.INSIDE_SQRT
                ? meanSquare.add(config.epsilon()).sqrt()
                : meanSquare.sqrt().add(config.epsilon());
        Tensor increment = g.mul(lr).div(denominator);
        if (config.momentum() > 0f) {
            Tensor m = slot("momentum", index).mul(config.momentum()).add(increment);
            setSlot("momentum", index, m);
            return p.sub(m);
        }
        return p.sub(increment);
    }
}
