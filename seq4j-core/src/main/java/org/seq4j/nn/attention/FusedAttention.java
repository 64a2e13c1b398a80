package org.seq4j.nn.attention;

import org.seq4j.autograd.GradMode;
import org.seq4j.autograd.Variable;
import org.seq4j.tensor.AttentionHeads;
import org.seq4j.tensor.BufferPool;
import org.seq4j.tensor.SelfAttention;
import org.seq4j.tensor.Tensor;

/**
 * Multi-head scaled dot-product attention as one graph node ({@link AttentionHeads}): softmax(s·Q_h·K_hᵀ + bias)·V_h
 * for every head, read from and written to the (B, T, H·d) projection layout, instead of the composed
 * {@link ScaledDotProductAttention} on permuted (B, H, T, d) views (a scale, two batched products, a mask add, a
 * softmax and the copies that split and merge the heads, each with its own backward). It applies when nothing
 * needs the weights themselves: no dropout on them in training and no returned scores. {@code FusedAttentionTest}
 * proves it equal to the composed path, forward and every gradient.
 */
final class FusedAttention {
    private FusedAttention() {}

    /**
     * q (B, Tq, H·dk), k (B, Tk, H·dk), v (B, Tk, H·dv) → (B, Tq, H·dv); {@code bias} an additive score mask
     * broadcasting to (B, 1, Tq, Tk), or null.
     */
    static Variable attend(Variable q, Variable k, Variable v, int heads, float scale, Tensor bias, BufferPool pool) {
        AttentionHeads.Forward f = AttentionHeads.forward(q.value(), k.value(), v.value(), heads, scale, bias, pool);
        boolean graph = GradMode.isEnabled() && (q.requiresGrad() || k.requiresGrad() || v.requiresGrad());
        if (!graph) {
            f.saved().release();
            return Variable.constant(f.output());
        }
        return Variable.op("multi_head_attention", f.output(), g -> {
            AttentionHeads.Grads d = AttentionHeads.backward(f.saved(), g);
            return new Tensor[] {d.q(), d.k(), d.v()};
        }, q, k, v);
    }

    /**
     * Self-attention from x (B, T, d) with the three projections as one (d, 2·H·dk + H·dv) kernel w and bias b (or
     * null) ({@link SelfAttention}): the projection and its gradient stay inside the node, in pooled buffers, and x
     * gets one gradient from one product instead of three to sum.
     */
    static Variable attendSelf(Variable x, Variable w, Variable b, int heads, int keyDim, float scale, Tensor bias,
                               BufferPool pool) {
        SelfAttention.Forward f = SelfAttention.forward(x.value(), w.value(), b == null ? null : b.value(), heads,
                keyDim, scale, bias, pool);
        boolean graph = GradMode.isEnabled()
                && (x.requiresGrad() || w.requiresGrad() || (b != null && b.requiresGrad()));
        if (!graph) {
            f.saved().release();
            return Variable.constant(f.output());
        }
        if (b == null) {
            return Variable.op("multi_head_attention", f.output(), g -> {
                SelfAttention.Grads d = SelfAttention.backward(f.saved(), g, false);
                return new Tensor[] {d.x(), d.w()};
            }, x, w);
        }
        return Variable.op("multi_head_attention", f.output(), g -> {
            SelfAttention.Grads d = SelfAttention.backward(f.saved(), g, true);
            return new Tensor[] {d.x(), d.w(), d.b()};
        }, x, w, b);
    }
}
