package org.seq4j.nn.attention;

import java.util.List;
import java.util.random.RandomGenerator;
import org.seq4j.autograd.Variable;
import org.seq4j.nn.Activation;
import org.seq4j.nn.Context;
import org.seq4j.nn.Dense;
import org.seq4j.nn.Dropout;
import org.seq4j.nn.FeedForward;
import org.seq4j.nn.Layer;
import org.seq4j.nn.LayerNormalization;
import org.seq4j.nn.Masked;
import org.seq4j.tensor.BufferPool;

/**
 * One Transformer encoder layer (Vaswani et al. 2017), keras-nlp's {@code TransformerEncoder}:
 *
 * <pre>
 * post-norm (the paper):  h = LN(x + Drop(MHA(x, x)));   y = LN(h + Drop(W₂·act(W₁·h + b₁) + b₂))
 * pre-norm (GPT-2 style): h = x + Drop(MHA(LN(x)));       y = h + Drop(FFN(LN(h)))
 * </pre>
 *
 * A padding mask on the input masks the attention keys and flows through to the output.
 */
public final class TransformerEncoderBlock extends Layer {

    public record Config(String name, int dModel, int numHeads, int ffDim, float dropout, float epsilon,
                         Activation activation, boolean normFirst, boolean causal) {
        public static Config of(int dModel, int numHeads, int ffDim) {
            return new Config("transformer_encoder", dModel, numHeads, ffDim, 0f, 1e-5f, Activation.RELU, false, false);
        }

        public Config name(String n) {
            return new Config(n, dModel, numHeads, ffDim, dropout, epsilon, activation, normFirst, causal);
        }

        public Config dropout(float d) {
            return new Config(name, dModel, numHeads, ffDim, d, epsilon, activation, normFirst, causal);
        }

        public Config epsilon(float e) {
            return new Config(name, dModel, numHeads, ffDim, dropout, e, activation, normFirst, causal);
        }

        public Config activation(Activation a) {
            return new Config(name, dModel, numHeads, ffDim, dropout, epsilon, a, normFirst, causal);
        }

        /** Pre-norm (LayerNorm before each sub-layer) instead of the paper's post-norm. */
        public Config normFirst(boolean n) {
            return new Config(name, dModel, numHeads, ffDim, dropout, epsilon, activation, n, causal);
        }

        /** A causal self-attention mask: the decoder-only (GPT) block. */
        public Config causal(boolean c) {
            return new Config(name, dModel, numHeads, ffDim, dropout, epsilon, activation, normFirst, c);
        }
    }

    private final Config config;
    private final MultiHeadAttention attention;
    private final LayerNormalization norm1;
    private final Dense ff1;
    private final Dense ff2;
    private final LayerNormalization norm2;
    private final Dropout drop;
    /** The feed-forward network's hidden activation and its gradient, reused from one step to the next. */
    private final BufferPool hidden = new BufferPool();

    public TransformerEncoderBlock(Config config, RandomGenerator rng) {
        super(config.name());
        if (config.dModel() % config.numHeads() != 0) {
            throw new IllegalArgumentException(config.name() + ": dModel " + config.dModel()
                    + " is not divisible by numHeads " + config.numHeads());
        }
        this.config = config;
        int d = config.dModel();
        this.attention = addChild("self_attention", new MultiHeadAttention(
                MultiHeadAttention.Config.of(config.numHeads(), d / config.numHeads(), d)
                        .useCausalMask(config.causal()).dropout(config.dropout()), rng));
        this.norm1 = addChild("self_attention_layer_norm",
                new LayerNormalization(LayerNormalization.Config.of(d).epsilon(config.epsilon())));
        this.ff1 = addChild("feedforward_intermediate_dense",
                new Dense(Dense.Config.of(d, config.ffDim()).activation(config.activation()), rng));
        this.ff2 = addChild("feedforward_output_dense", new Dense(Dense.Config.of(config.ffDim(), d), rng));
        this.norm2 = addChild("feedforward_layer_norm",
                new LayerNormalization(LayerNormalization.Config.of(d).epsilon(config.epsilon())));
        this.drop = new Dropout(Dropout.Config.of(config.dropout()));
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    protected Masked forward(Masked input, Context ctx) {
        Masked x = input;                                                        // (B, T, d)
        Masked a = attention.call(List.of(config.normFirst() ? norm1.apply(x, ctx) : x), ctx).get(0);
        Masked h = x.with(x.value().add(drop.apply(a, ctx).value()));            // residual
        if (!config.normFirst()) {
            h = norm1.apply(h, ctx);
        }
        Masked f = FeedForward.apply(ff1, ff2, config.normFirst() ? norm2.apply(h, ctx) : h, ctx, hidden);
        Masked y = h.with(h.value().add(drop.apply(f, ctx).value()));
        return config.normFirst() ? y : norm2.apply(y, ctx);
    }

    /** The block's output for a plain tensor, for code that does not track masks. */
    public Variable encode(Variable x, Context ctx) {
        return forward(Masked.of(x), ctx).value();
    }
}
