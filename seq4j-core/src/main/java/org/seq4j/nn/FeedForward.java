package org.seq4j.nn;

import org.seq4j.autograd.GradMode;
import org.seq4j.autograd.Variable;
import org.seq4j.tensor.BufferPool;
import org.seq4j.tensor.FeedForwards;
import org.seq4j.tensor.Tensor;

/**
 * Two Dense layers applied one after the other, {@code outer(inner(x))}, as one node when they form a Transformer
 * feed-forward network: inner with ReLU, outer linear, both with biases ({@link FeedForwards}: the (…, F) hidden
 * activation and its gradient stay private and are reused from step to step through the caller's pool). Otherwise
 * the two layers are applied as they are. {@code FeedForwardTest} proves it equal to the two layers.
 */
public final class FeedForward {
    private FeedForward() {}

    /** Whether the fused node computes exactly {@code outer.apply(inner.apply(x))}. */
    public static boolean applies(Dense inner, Dense outer, Variable x) {
        return inner.config().activation() == Activation.RELU && outer.config().activation() == Activation.LINEAR
                && inner.bias() != null && outer.bias() != null && x.shape().rank() >= 2
                && x.shape().dim(-1) == inner.config().inputDim()
                && inner.config().units() == outer.config().inputDim();
    }

    /** {@code outer.apply(inner.apply(x, ctx), ctx)}; the mask passes through. */
    public static Masked apply(Dense inner, Dense outer, Masked x, Context ctx, BufferPool pool) {
        if (!applies(inner, outer, x.value())) {
            return outer.apply(inner.apply(x, ctx), ctx);
        }
        Variable in = x.value();
        Variable w1 = inner.kernel();
        Variable b1 = inner.bias();
        Variable w2 = outer.kernel();
        Variable b2 = outer.bias();
        FeedForwards.Forward f = FeedForwards.forward(in.value(), w1.value(), b1.value(), w2.value(), b2.value(),
                pool);
        boolean graph = GradMode.isEnabled() && (in.requiresGrad() || w1.requiresGrad() || b1.requiresGrad()
                || w2.requiresGrad() || b2.requiresGrad());
        if (!graph) {
            f.saved().release();
            return x.with(Variable.constant(f.output()));
        }
        return x.with(Variable.op("feed_forward", f.output(), g -> {
            FeedForwards.Grads d = FeedForwards.backward(f.saved(), g);
            return new Tensor[] {d.x(), d.w1(), d.b1(), d.w2(), d.b2()};
        }, in, w1, b1, w2, b2));                                                   // (…, D')
    }
}
