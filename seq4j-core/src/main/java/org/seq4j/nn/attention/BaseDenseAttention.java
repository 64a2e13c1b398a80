package org.seq4j.nn.attention;

import java.util.List;
import org.seq4j.autograd.Variable;
import org.seq4j.nn.Context;
import org.seq4j.nn.Dropout;
import org.seq4j.nn.Layer;
import org.seq4j.nn.Masked;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/**
 * What Keras' Attention and AdditiveAttention share (Keras 2's {@code BaseDenseAttention}); subclasses define only
 * the scores. Inputs [query (B, Tq, d), value (B, Tv, dv), key (B, Tv, d)?] with key = value when absent:
 *
 * <pre>
 *   S   = scores(query, key)                                  (B, Tq, Tv)
 *   A   = softmax(S + (1 − M)·(−1e9))       M = value_mask[:, None, :] ∧ causal (j ≤ i)
 *   out = dropout(A)·value ⊙ query_mask[..., None]
 * </pre>
 *
 * The masks are the inputs' own: the query's mask is query_mask, the value's mask is value_mask (a key's mask is
 * ignored, as in Keras). The output keeps the query's mask.
 */
public abstract class BaseDenseAttention extends Layer {

    /** The output (with the query's mask) and the attention weights A (B, Tq, Tv), after dropout as in Keras. */
    public record Result(Masked output, Variable weights) {}

    protected BaseDenseAttention(String name) {
        super(name);
    }

    /** Raw scores (B, Tq, Tv) for query (B, Tq, d) and key (B, Tv, d). */
    protected abstract Variable scores(Variable query, Variable key);

    protected abstract boolean useCausalMask();

    protected abstract boolean returnAttentionScores();

    protected abstract float dropout();

    /** [output] or, with return_attention_scores, [output, weights]. */
    @Override
    public List<Masked> call(List<Masked> inputs, Context ctx) {
        Result r = attend(inputs, ctx);
        return returnAttentionScores() ? List.of(r.output(), Masked.of(r.weights())) : List.of(r.output());
    }

    /** Runs attention on [query, value] or [query, value, key], returning output and weights. */
    public Result attend(List<Masked> inputs, Context ctx) {
        if (inputs.size() != 2 && inputs.size() != 3) {
            throw new IllegalArgumentException(name() + " (" + className() + ") takes [query, value] or [query, "
                    + "value, key], got " + inputs.size() + " inputs");
        }
        Masked query = inputs.get(0);
        Masked value = inputs.get(1);
        Variable q = query.value();
        Variable v = value.value();
        Variable k = inputs.size() == 3 ? inputs.get(2).value() : v;
        check(q.shape(), v.shape(), k.shape(), query.mask(), value.mask());

        Variable s = scores(q, k);                                          // (B, Tq, Tv)
        Tensor keep = value.mask() == null ? null : AttentionMask.keys(value.mask(), 3);
        if (useCausalMask()) {
            keep = AttentionMask.and(keep, AttentionMask.causal(s.shape().dim(1), s.shape().dim(2)));
        }
        Variable weights = AttentionMask.apply(s, keep).softmax(-1);       // (B, Tq, Tv)
        if (ctx.training() && dropout() > 0f) {
            weights = weights.mul(Variable.constant(Dropout.keepMask(weights.shape(), dropout(), ctx)));
        }
        Variable out = weights.matmul(v);                                   // (B, Tq, dv)
        if (query.mask() != null) {
            out = out.mul(Variable.constant(query.mask().unsqueeze(-1)));
        }
        return new Result(new Masked(out, query.mask()), weights);
    }

    /** Shapes the scores need; subclasses add their own (e.g. the depth their weights were built for). */
    protected void check(Shape q, Shape v, Shape k, Tensor queryMask, Tensor valueMask) {
        String shapes = "query " + q + ", value " + v + (k == v ? "" : ", key " + k);
        if (q.rank() != 3 || v.rank() != 3 || k.rank() != 3) {
            throw new IllegalArgumentException(name() + " (" + className() + "): inputs must be (B, T, d); got "
                    + shapes);
        }
        if (q.dim(0) != v.dim(0) || k.dim(0) != v.dim(0)) {
            throw new IllegalArgumentException(name() + " (" + className() + "): batch sizes differ; " + shapes);
        }
        if (q.dim(2) != k.dim(2)) {
            throw new IllegalArgumentException(name() + " (" + className() + "): query and key depths differ; "
                    + shapes);
        }
        if (k.dim(1) != v.dim(1)) {
            throw new IllegalArgumentException(name() + " (" + className() + "): key and value lengths differ; "
                    + shapes);
        }
        String who = name() + " (" + className() + ")";
        AttentionMask.checkSequenceMask(who, "query", queryMask, q);
        AttentionMask.checkSequenceMask(who, "value", valueMask, v);
    }
}
