package org.seq4j.nn.attention;

import org.seq4j.autograd.Variable;
import org.seq4j.tensor.Tensor;

/**
 * Keras' {@code Attention}, Luong-style (Luong et al. 2015) dot-product attention without projections:
 *
 * <pre>
 *   dot:    S[b,i,j] = scale · Σ_d q[b,i,d]·k[b,j,d]                               (no 1/√d)
 *   concat: S[b,i,j] = concat_score_weight · Σ_d tanh(scale · (q[b,i,d] + k[b,j,d]))
 * </pre>
 *
 * {@code scale} (a learned scalar, initialised to 1) only with use_scale; {@code concat_score_weight} (scalar, 1)
 * only in concat mode. Masking, softmax and output are {@link BaseDenseAttention}'s.
 */
public final class Attention extends BaseDenseAttention {

    public enum ScoreMode { DOT, CONCAT }

    public record Config(String name, boolean useScale, ScoreMode scoreMode, float dropout, boolean useCausalMask,
                         boolean returnAttentionScores) {
        public Config {
            if (!(dropout >= 0f && dropout < 1f)) {
                throw new IllegalArgumentException("Attention: dropout must be in [0, 1), got " + dropout);
            }
        }

        /** Keras' defaults: dot scores, no scale, no dropout, no causal mask, output only. */
        public static Config of() {
            return new Config("attention", false, ScoreMode.DOT, 0f, false, false);
        }

        public Config name(String n) {
            return new Config(n, useScale, scoreMode, dropout, useCausalMask, returnAttentionScores);
        }

        public Config useScale(boolean u) {
            return new Config(name, u, scoreMode, dropout, useCausalMask, returnAttentionScores);
        }

        public Config scoreMode(ScoreMode m) {
            return new Config(name, useScale, m, dropout, useCausalMask, returnAttentionScores);
        }

        public Config dropout(float rate) {
            return new Config(name, useScale, scoreMode, rate, useCausalMask, returnAttentionScores);
        }

        public Config useCausalMask(boolean c) {
            return new Config(name, useScale, scoreMode, dropout, c, returnAttentionScores);
        }

        public Config returnAttentionScores(boolean r) {
            return new Config(name, useScale, scoreMode, dropout, useCausalMask, r);
        }
    }

    private final Config config;
    private final Variable scale;
    private final Variable concatScoreWeight;

    public Attention(Config config) {
        super(config.name());
        this.config = config;
        this.scale = config.useScale() ? addWeight("scale", Tensor.scalar(1f)) : null;
        this.concatScoreWeight = config.scoreMode() == ScoreMode.CONCAT
                ? addWeight("concat_score_weight", Tensor.scalar(1f)) : null;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    protected Variable scores(Variable q, Variable k) {
        if (config.scoreMode() == ScoreMode.DOT) {
            Variable s = q.matmul(k.transpose(1, 2));                       // (B, Tq, Tv)
            return scale == null ? s : s.mul(scale);
        }
        Variable sum = q.unsqueeze(2).add(k.unsqueeze(1));                  // (B, Tq, Tv, d)
        if (scale != null) {
            sum = sum.mul(scale);
        }
        return sum.tanh().sum(-1).mul(concatScoreWeight);                   // (B, Tq, Tv)
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
