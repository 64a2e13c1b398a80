package org.seq4j.nn.attention;

import java.util.random.RandomGenerator;
import org.seq4j.autograd.Variable;
import org.seq4j.nn.Init;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/**
 * Keras' {@code AdditiveAttention}, Bahdanau-style (Bahdanau et al. 2015) attention without projections:
 *
 * <pre>
 *   S[b,i,j] = Σ_d scale_d · tanh(q[b,i,d] + k[b,j,d])        (scale omitted without use_scale)
 * </pre>
 *
 * {@code scale} (dim,) is Glorot-uniform initialised as in Keras (fan_in = fan_out = dim). The (B, Tq, Tv, d)
 * intermediate is the price of the formula; project q and k down first for long sequences. Masking, softmax and
 * output are {@link BaseDenseAttention}'s.
 */
public final class AdditiveAttention extends BaseDenseAttention {

    public record Config(String name, int dim, boolean useScale, float dropout, boolean useCausalMask,
                         boolean returnAttentionScores) {
        public Config {
            if (dim <= 0) {
                throw new IllegalArgumentException("AdditiveAttention: dim must be positive, got " + dim);
            }
            if (!(dropout >= 0f && dropout < 1f)) {
                throw new IllegalArgumentException("AdditiveAttention: dropout must be in [0, 1), got " + dropout);
            }
        }

        /** Keras' defaults for query/key depth {@code dim}: use_scale, no dropout, no causal mask, output only. */
        public static Config of(int dim) {
            return new Config("additive_attention", dim, true, 0f, false, false);
        }

        public Config name(String n) {
            return new Config(n, dim, useScale, dropout, useCausalMask, returnAttentionScores);
        }

        public Config useScale(boolean u) {
            return new Config(name, dim, u, dropout, useCausalMask, returnAttentionScores);
        }

        public Config dropout(float rate) {
            return new Config(name, dim, useScale, rate, useCausalMask, returnAttentionScores);
        }

        public Config useCausalMask(boolean c) {
            return new Config(name, dim, useScale, dropout, c, returnAttentionScores);
        }

        public Config returnAttentionScores(boolean r) {
            return new Config(name, dim, useScale, dropout, useCausalMask, r);
        }
    }

    private final Config config;
    private final Variable scale;

    public AdditiveAttention(Config config, RandomGenerator rng) {
        super(config.name());
        this.config = config;
        int d = config.dim();
        this.scale = config.useScale() ? addWeight("scale", Init.glorotUniform(Shape.of(d), d, d, rng)) : null;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    protected Variable scores(Variable q, Variable k) {
        Variable t = q.unsqueeze(2).add(k.unsqueeze(1)).tanh();            // (B, Tq, Tv, d)
        return (scale == null ? t : t.mul(scale)).sum(-1);                  // (B, Tq, Tv)
    }

    @Override
    protected void check(Shape q, Shape v, Shape k, Tensor queryMask, Tensor valueMask) {
        super.check(q, v, k, queryMask, valueMask);
        if (q.dim(2) != config.dim()) {
            throw new IllegalArgumentException(name() + " (AdditiveAttention): built for depth " + config.dim()
                    + ", query shape is " + q);
        }
    }

    @Override
    protected boolean useCausalMask() {
        return config.useCausalMask();
    }

    @Override
    protected boolean returnAttentionScores() {
        return config.returnAttentionScores();
    }

    @Override
    protected float dropout() {
        return config.dropout();
    }
}
