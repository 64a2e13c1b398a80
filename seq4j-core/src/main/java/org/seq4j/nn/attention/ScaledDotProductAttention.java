package org.seq4j.nn.attention;

import org.seq4j.autograd.Variable;
import org.seq4j.nn.Context;
import org.seq4j.nn.Dropout;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/**
 * Scaled dot-product attention (Vaswani et al. 2017) over any leading batch dimensions:
 *
 * <pre>
 *   A   = softmax((Q·s)·Kᵀ + (1 − M)·(−1e9))      s = 1/√d unless given, M = key padding ∧ causal ∧ attention mask
 *   out = dropout(A)·V
 * </pre>
 *
 * with Q (…, Tq, d), K (…, Tk, d), V (…, Tk, dv). Q is scaled before the product, as Keras' MultiHeadAttention
 * does (Tq·d multiplications instead of Tq·Tk). A is returned before dropout. A composition of autograd primitives.
 */
public final class ScaledDotProductAttention {
    private ScaledDotProductAttention() {}

    /**
     * What to mask and how to scale. {@code keyPaddingMask} is (B, Tk) with 1 = a real key; {@code attentionMask}
     * is any keep-mask that broadcasts to the scores (…, Tq, Tk); {@code scale} NaN means 1/√d.
     */
    public record Options(boolean causal, Tensor keyPaddingMask, Tensor attentionMask, float scale, float dropout) {
        public static Options defaults() {
            return new Options(false, null, null, Float.NaN, 0f);
        }

        public Options causal(boolean c) {
            return new Options(c, keyPaddingMask, attentionMask, scale, dropout);
        }

        public Options keyPaddingMask(Tensor m) {
            return new Options(causal, m, attentionMask, scale, dropout);
        }

        public Options attentionMask(Tensor m) {
            return new Options(causal, keyPaddingMask, m, scale, dropout);
        }

        public Options scale(float s) {
            return new Options(causal, keyPaddingMask, attentionMask, s, dropout);
        }

        /** Dropout on the attention weights, active only in a training context. */
        public Options dropout(float rate) {
            return new Options(causal, keyPaddingMask, attentionMask, scale, rate);
        }
    }

    /** The attended values and the attention weights (before dropout). */
    public record Result(Variable output, Variable weights) {}

    /** Inference, no masks: softmax(QKᵀ/√d)·V. */
    public static Result attend(Variable q, Variable k, Variable v) {
        return attend(q, k, v, Options.defaults(), Context.inference());
    }

    public static Result attend(Variable q, Variable k, Variable v, Options o) {
        return attend(q, k, v, o, Context.inference());
    }

    public static Result attend(Variable q, Variable k, Variable v, Options o, Context ctx) {
        check(q.shape(), k.shape(), v.shape(), o);
        int d = q.shape().dim(-1);
        float s = Float.isNaN(o.scale()) ? (float) (1 / Math.sqrt(d)) : o.scale();
        Variable scores = q.mul(s).matmul(k.transpose(-2, -1));             // (…, Tq, Tk)
        Variable weights = AttentionMask.apply(scores, mask(scores.shape(), o)).softmax(-1);
        Variable used = weights;
        if (ctx.training() && o.dropout() > 0f) {
            used = weights.mul(Variable.constant(Dropout.keepMask(weights.shape(), o.dropout(), ctx)));
        }
        return new Result(used.matmul(v), weights);                         // (…, Tq, dv)
    }

    /** The combined keep-mask for scores of this shape, or null when nothing is masked. */
    static Tensor mask(Shape scores, Options o) {
        int rank = scores.rank();
        Tensor keep = o.keyPaddingMask() == null ? null : AttentionMask.keys(o.keyPaddingMask(), rank);
        if (o.causal()) {
            keep = AttentionMask.and(keep, AttentionMask.causal(scores.dim(-2), scores.dim(-1)));
        }
        return AttentionMask.and(keep, o.attentionMask());
    }

    private static void check(Shape q, Shape k, Shape v, Options o) {
        String shapes = "query " + q + ", key " + k + ", value " + v;
        if (q.rank() < 2 || k.rank() != q.rank() || v.rank() != q.rank()) {
            throw new IllegalArgumentException("ScaledDotProductAttention: query, key and value need the same rank"
                    + " ≥ 2 (…, T, d); got " + shapes);
        }
        if (q.dim(-1) != k.dim(-1)) {
            throw new IllegalArgumentException("ScaledDotProductAttention: query and key depths differ; " + shapes);
        }
        if (k.dim(-2) != v.dim(-2)) {
            throw new IllegalArgumentException("ScaledDotProductAttention: key and value lengths differ; " + shapes);
        }
        Tensor pad = o.keyPaddingMask();
        if (pad != null && (pad.rank() != 2 || pad.dim(0) != k.dim(0) || pad.dim(1) != k.dim(-2))) {
            throw new IllegalArgumentException("ScaledDotProductAttention: key padding mask " + pad.shape()
                    + " is not (B, Tk) = (" + k.dim(0) + ", " + k.dim(-2) + "); " + shapes);
        }
        Tensor am = o.attentionMask();
        if (am != null) {
            int[] sd = q.dims();
            sd[sd.length - 1] = k.dim(-2);
            boolean fits;
            try {
                fits = Shape.broadcast("attention mask", am.shape(), Shape.of(sd)).equals(Shape.of(sd));
            } catch (IllegalArgumentException e) {
                fits = false;
            }
            if (!fits) {
                throw new IllegalArgumentException("ScaledDotProductAttention: attention mask " + am.shape()
                        + " does not broadcast to the scores " + Shape.of(sd) + "; " + shapes);
            }
        }
    }
}
