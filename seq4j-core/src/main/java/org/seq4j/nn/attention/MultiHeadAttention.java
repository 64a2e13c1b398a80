package org.seq4j.nn.attention;

import java.util.List;
import java.util.random.RandomGenerator;
import org.seq4j.autograd.LinearAlgebra;
import org.seq4j.autograd.Shaping;
import org.seq4j.autograd.Variable;
import org.seq4j.nn.Context;
import org.seq4j.nn.Init;
import org.seq4j.nn.Layer;
import org.seq4j.nn.Masked;
import org.seq4j.tensor.BufferPool;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/**
 * Keras' {@code MultiHeadAttention} (Vaswani et al. 2017) with H heads:
 *
 * <pre>
 *   Q_h = (query·Wq_h + bq_h) / √key_dim      K_h = key·Wk_h + bk_h      V_h = value·Wv_h + bv_h
 *   A_h = softmax(Q_h·K_hᵀ + (1 − M)·(−1e9))                                        (B, H, Tq, Tk)
 *   out = Σ_h dropout(A_h)·V_h·Wo_h + bo
 * </pre>
 *
 * M = query_mask[:, :, None] ∧ value_mask[:, None, :] ∧ key_mask[:, None, :] ∧ causal ∧ attention_mask, from the
 * inputs' own masks as in Keras. Weights in Keras' layout: {@code query/kernel} (d_q, H, key_dim), {@code query/bias}
 * (H, key_dim), {@code key/*} from d_k, {@code value/kernel} (d_v, H, value_dim), {@code attention_output/kernel}
 * (H, value_dim, d_out). Each projection is one GEMM: the (d, H, k) kernel read row-major as (d, H·k) is the
 * concatenation of the heads (head 0 first), and the result is viewed as (B, H, T, k) without copying. Inputs are
 * [query], [query, value] or [query, value, key]; key defaults to value and value to query (self-attention).
 *
 * <p>{@link #attend} is the composition of primitives (it returns the weights as a node). {@link #call}, when it
 * need not return the weights nor drop them out, computes the same output with {@link FusedAttention}: one node over
 * the (B, T, H·k) projections, the heads never split off nor merged back by copies, and for self-attention the
 * three projections as one GEMM.
 */
public final class MultiHeadAttention extends Layer {

    public record Config(String name, int numHeads, int keyDim, int valueDim, int queryInputDim, int valueInputDim,
                         int keyInputDim, int outputDim, float dropout, boolean useBias, boolean useCausalMask,
                         boolean returnAttentionScores) {
        public Config {
            if (numHeads <= 0 || keyDim <= 0 || valueDim <= 0 || queryInputDim <= 0 || valueInputDim <= 0
                    || keyInputDim <= 0 || outputDim <= 0) {
                throw new IllegalArgumentException("MultiHeadAttention: sizes must be positive: heads " + numHeads
                        + ", key_dim " + keyDim + ", value_dim " + valueDim + ", input dims (query " + queryInputDim
                        + ", value " + valueInputDim + ", key " + keyInputDim + "), output " + outputDim);
            }
            if (!(dropout >= 0f && dropout < 1f)) {
                throw new IllegalArgumentException("MultiHeadAttention: dropout must be in [0, 1), got " + dropout);
            }
        }

        /** Self-attention over d_model-wide inputs, Keras' defaults: value_dim = key_dim, output d_model, biases. */
        public static Config of(int numHeads, int keyDim, int dModel) {
            return new Config("multi_head_attention", numHeads, keyDim, keyDim, dModel, dModel, dModel, dModel, 0f,
                    true, false, false);
        }

        /** Cross-attention inputs: value (and key) of width {@code d}. */
        public Config valueInputDim(int d) {
            return new Config(name, numHeads, keyDim, valueDim, queryInputDim, d, d, outputDim, dropout, useBias,
                    useCausalMask, returnAttentionScores);
        }

        /** A key input wider or narrower than the value; set after {@link #valueInputDim}. */
        public Config keyInputDim(int d) {
            return new Config(name, numHeads, keyDim, valueDim, queryInputDim, valueInputDim, d, outputDim, dropout,
                    useBias, useCausalMask, returnAttentionScores);
        }

        public Config valueDim(int d) {
            return new Config(name, numHeads, keyDim, d, queryInputDim, valueInputDim, keyInputDim, outputDim,
                    dropout, useBias, useCausalMask, returnAttentionScores);
        }

        /** Keras' output_shape (last axis); defaults to the query's width. */
        public Config outputDim(int d) {
            return new Config(name, numHeads, keyDim, valueDim, queryInputDim, valueInputDim, keyInputDim, d,
                    dropout, useBias, useCausalMask, returnAttentionScores);
        }

        public Config name(String n) {
            return new Config(n, numHeads, keyDim, valueDim, queryInputDim, valueInputDim, keyInputDim, outputDim,
                    dropout, useBias, useCausalMask, returnAttentionScores);
        }

        public Config dropout(float rate) {
            return new Config(name, numHeads, keyDim, valueDim, queryInputDim, valueInputDim, keyInputDim,
                    outputDim, rate, useBias, useCausalMask, returnAttentionScores);
        }

        public Config useBias(boolean b) {
            return new Config(name, numHeads, keyDim, valueDim, queryInputDim, valueInputDim, keyInputDim,
                    outputDim, dropout, b, useCausalMask, returnAttentionScores);
        }

        public Config useCausalMask(boolean c) {
            return new Config(name, numHeads, keyDim, valueDim, queryInputDim, valueInputDim, keyInputDim,
                    outputDim, dropout, useBias, c, returnAttentionScores);
        }

        public Config returnAttentionScores(boolean r) {
            return new Config(name, numHeads, keyDim, valueDim, queryInputDim, valueInputDim, keyInputDim,
                    outputDim, dropout, useBias, useCausalMask, r);
        }
    }

    /** The output (B, Tq, d_out) carrying the query's mask, and the attention scores (B, H, Tq, Tk). */
    public record Result(Masked output, Variable scores) {}

    private final Config config;
    private final Projection query;
    private final Projection key;
    private final Projection value;
    private final Variable outputKernel;
    private final Variable outputBias;
    /** The fused path's saved attention weights (and self-attention's projection), reused from step to step. */
    private final BufferPool pool = new BufferPool();

    /** One input projection: kernel (d, H, k) and bias (H, k). */
    private record Projection(Variable kernel, Variable bias) {}

    public MultiHeadAttention(Config config, RandomGenerator rng) {
        super(config.name());
        this.config = config;
        int h = config.numHeads();
        this.query = projection("query", config.queryInputDim(), config.keyDim(), rng);
        this.key = projection("key", config.keyInputDim(), config.keyDim(), rng);
        this.value = projection("value", config.valueInputDim(), config.valueDim(), rng);
        // Keras' EinsumDense fans for "abcd,cde->abe": fan_in = H·value_dim, fan_out = d_out
        this.outputKernel = addWeight("attention_output/kernel", Init.glorotUniform(
                Shape.of(h, config.valueDim(), config.outputDim()), h * config.valueDim(), config.outputDim(), rng));
        this.outputBias = config.useBias() ? addWeight("attention_output/bias", Tensor.zeros(config.outputDim()))
                : null;
    }

    private Projection projection(String prefix, int inputDim, int depth, RandomGenerator rng) {
        int h = config.numHeads();
        // Keras' EinsumDense fans for "abc,cde->abde": fan_in = d, fan_out = H·depth
        Variable kernel = addWeight(prefix + "/kernel",
                Init.glorotUniform(Shape.of(inputDim, h, depth), inputDim, h * depth, rng));
        Variable bias = config.useBias() ? addWeight(prefix + "/bias", Tensor.zeros(h, depth)) : null;
        return new Projection(kernel, bias);
    }

    @Override
    public Config config() {
        return config;
    }

    /** [output] or, with return_attention_scores, [output, scores]. */
    @Override
    public List<Masked> call(List<Masked> inputs, Context ctx) {
        if (!config.returnAttentionScores() && !(ctx.training() && config.dropout() > 0f)) {
            return List.of(fused(inputs, ctx));        // nothing needs the weights: one fused node
        }
        Result r = attend(inputs, null, ctx);
        return config.returnAttentionScores() ? List.of(r.output(), Masked.of(r.scores())) : List.of(r.output());
    }

    /**
     * Attention over [query], [query, value] or [query, value, key], with an optional explicit keep-mask
     * {@code attentionMask} broadcasting to (B, Tq, Tk) (1 = attend) combined with the inputs' masks and the causal mask.
     */
    public Result attend(List<Masked> inputs, Tensor attentionMask, Context ctx) {
        if (inputs.isEmpty() || inputs.size() > 3) {
            throw new IllegalArgumentException(name() + " (MultiHeadAttention) takes [query], [query, value] or "
                    + "[query, value, key], got " + inputs.size() + " inputs");
        }
        Masked q = inputs.get(0);
        Masked v = inputs.size() > 1 ? inputs.get(1) : q;
        Masked k = inputs.size() > 2 ? inputs.get(2) : v;
        check(q, v, k, attentionMask);

        Variable qh = heads(project(q.value(), query));                     // (B, H, Tq, key_dim)
        Variable kh = heads(project(k.value(), key));                       // (B, H, Tk, key_dim)
        Variable vh = heads(project(v.value(), value));                     // (B, H, Tk, value_dim)
        var options = ScaledDotProductAttention.Options.defaults().causal(config.useCausalMask())
                .attentionMask(keep(q, v, k, attentionMask)).dropout(config.dropout());
        var attention = ScaledDotProductAttention.attend(qh, kh, vh, options, ctx);

        Variable context = attention.output();                              // (B, H, Tq, value_dim)
        int b = context.shape().dim(0);
        int tq = context.shape().dim(2);
        int hv = config.numHeads() * config.valueDim();
        Variable merged = context.permute(0, 2, 1, 3).reshape(b, tq, hv);  // (B, Tq, H·value_dim)
        return new Result(new Masked(output(merged), q.mask()), attention.weights());
    }

    /**
     * What {@link #attend} computes for the output, by {@link FusedAttention} on the (B, T, H·k) projections: no
     * head split or merge, no weights kept as a node. Only without dropout on the weights (or outside training).
     */
    private Masked fused(List<Masked> inputs, Context ctx) {
        if (inputs.isEmpty() || inputs.size() > 3) {
            return attend(inputs, null, ctx).output();                     // attend names the error
        }
        Masked q = inputs.get(0);
        Masked v = inputs.size() > 1 ? inputs.get(1) : q;
        Masked k = inputs.size() > 2 ? inputs.get(2) : v;
        check(q, v, k, null);
        Tensor keep = keep(q, v, k, null);
        if (config.useCausalMask()) {
            keep = AttentionMask.and(keep, AttentionMask.causal(q.value().shape().dim(1), k.value().shape().dim(1)));
        }
        float scale = (float) (1 / Math.sqrt(config.keyDim()));
        Tensor bias = keep == null ? null : AttentionMask.bias(keep);
        Variable context;                                                   // (B, Tq, H·value_dim)
        if (q == v && v == k) {
            // self-attention: the three projections as one (d, H·key_dim + H·key_dim + H·value_dim) kernel
            List<Projection> ps = List.of(query, key, value);
            int d = query.kernel().shape().dim(0);
            Variable w = Shaping.concat(1, ps.stream().map(p -> flat(p.kernel(), d)).toList());
            Variable b = config.useBias()
                    ? Shaping.concat(1, ps.stream().map(p -> flat(p.bias(), 1)).toList()).reshape(-1) : null;
            context = FusedAttention.attendSelf(q.value(), w, b, config.numHeads(), config.keyDim(), scale, bias,
                    pool);
        } else {
            context = FusedAttention.attend(project(q.value(), query), project(k.value(), key),
                    project(v.value(), value), config.numHeads(), scale, bias, pool);
        }
        return new Masked(output(context), q.mask());
    }

    /** A (rows, H, depth) kernel or (H, depth) bias as (rows, H·depth). */
    private static Variable flat(Variable w, int rows) {
        return w.reshape(rows, -1);
    }

    /** The inputs' masks and the explicit one as one keep-mask broadcasting to (B, H, Tq, Tk), or null. */
    private static Tensor keep(Masked q, Masked v, Masked k, Tensor attentionMask) {
        Tensor keep = null;
        if (q.mask() != null) {
            keep = AttentionMask.queries(q.mask(), 4);
        }
        if (v.mask() != null) {
            keep = AttentionMask.and(keep, AttentionMask.keys(v.mask(), 4));
        }
        if (k != v && k.mask() != null) {
            keep = AttentionMask.and(keep, AttentionMask.keys(k.mask(), 4));
        }
        if (attentionMask != null) {
            keep = AttentionMask.and(keep, attentionMask.unsqueeze(1));    // (B, 1, Tq, Tk)
        }
        return keep;
    }

    /** The merged heads (B, Tq, H·value_dim) through the output projection: (B, Tq, d_out). */
    private Variable output(Variable merged) {
        int hv = config.numHeads() * config.valueDim();
        return LinearAlgebra.affine(merged, outputKernel.reshape(hv, config.outputDim()), outputBias, false);
    }

    /** x (B, T, d) → (B, T, H·depth) by one (B·T, d)·(d, H·depth) GEMM: head h is the column block h. */
    private Variable project(Variable x, Projection p) {
        int d = p.kernel().shape().dim(0);
        int hd = config.numHeads() * p.kernel().shape().dim(2);
        return LinearAlgebra.affine(x, p.kernel().reshape(d, hd), p.bias() == null ? null : p.bias().reshape(hd),
                false);                                                     // (B, T, H·depth)
    }

    /** (B, T, H·depth) → (B, H, T, depth), a view. */
    private Variable heads(Variable y) {
        int h = config.numHeads();
        return y.reshape(y.shape().dim(0), y.shape().dim(1), h, y.shape().dim(2) / h).permute(0, 2, 1, 3);
    }

    private void check(Masked q, Masked v, Masked k, Tensor attentionMask) {
        Shape qs = q.value().shape();
        Shape vs = v.value().shape();
        Shape ks = k.value().shape();
        String shapes = "query " + qs + ", value " + vs + ", key " + ks;
        String who = name() + " (MultiHeadAttention)";
        if (qs.rank() != 3 || vs.rank() != 3 || ks.rank() != 3) {
            throw new IllegalArgumentException(who + ": inputs must be (B, T, d); got " + shapes);
        }
        if (qs.dim(2) != config.queryInputDim() || vs.dim(2) != config.valueInputDim()
                || ks.dim(2) != config.keyInputDim()) {
            throw new IllegalArgumentException(who + ": built for input widths query " + config.queryInputDim()
                    + ", value " + config.valueInputDim() + ", key " + config.keyInputDim() + "; got " + shapes);
        }
        if (qs.dim(0) != vs.dim(0) || ks.dim(0) != vs.dim(0)) {
            throw new IllegalArgumentException(who + ": batch sizes differ; " + shapes);
        }
        if (ks.dim(1) != vs.dim(1)) {
            throw new IllegalArgumentException(who + ": key and value lengths differ; " + shapes);
        }
        AttentionMask.checkSequenceMask(who, "query", q.mask(), qs);
        AttentionMask.checkSequenceMask(who, "value", v.mask(), vs);
        AttentionMask.checkSequenceMask(who, "key", k.mask(), ks);
        Shape scores = Shape.of(qs.dim(0), qs.dim(1), ks.dim(1));
        if (attentionMask != null && !(attentionMask.rank() == 3 && broadcastsTo(attentionMask.shape(), scores))) {
            throw new IllegalArgumentException(who + ": attention mask " + attentionMask.shape() + " does not "
                    + "broadcast to (B, Tq, Tk) = " + scores + "; " + shapes);
        }
    }

    private static boolean broadcastsTo(Shape s, Shape target) {
        for (int i = 0; i < s.rank(); i++) {
            if (s.dim(i) != 1 && s.dim(i) != target.dim(i)) {
                return false;
            }
        }
        return true;
    }
}
