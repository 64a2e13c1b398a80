package org.seq4j.autograd;

import org.seq4j.tensor.Axes;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Adjoints;
import org.seq4j.tensor.Tensor;

/** Reductions and the softmax family. Backward first restores the reduced axes (keep-dims) and broadcasts. */
public final class Reduce {
    private Reduce() {}

    public static Variable sum(Variable x, Axes axes) {
        Tensor y = x.value().sum(axes);
        Shape kept = keptShape(x, axes);
        return Variable.op("sum", y, g -> new Tensor[] {g.reshape(kept.dims()).expand(x.shape()).contiguous()}, x);
    }

    public static Variable mean(Variable x, Axes axes) {
        Tensor y = x.value().mean(axes);
        Shape kept = keptShape(x, axes);
        float scale = (float) kept.size() / Math.max(x.value().size(), 1);
        return Variable.op("mean", y,
                g -> new Tensor[] {g.reshape(kept.dims()).mul(scale).expand(x.shape()).contiguous()}, x);
    }

    /** The gradient is shared equally among tied maxima (PyTorch's amax rule). */
    public static Variable max(Variable x, Axes axes) {
        Tensor y = x.value().max(axes);
        Shape kept = keptShape(x, axes);
        return Variable.op("max", y, g -> {
            Tensor hit = x.value().eq(y.reshape(kept.dims()));
            Tensor count = hit.sum(axes.keepDims());
            return new Tensor[] {hit.div(count).mul(g.reshape(kept.dims()))};
        }, x);
    }

    /** d lse = softmax(x) over the reduced axes. */
    public static Variable logSumExp(Variable x, Axes axes) {
        Tensor y = x.value().logSumExp(axes);
        Shape kept = keptShape(x, axes);
        return Variable.op("logSumExp", y, g -> new Tensor[] {
                x.value().sub(y.reshape(kept.dims())).exp().mul(g.reshape(kept.dims()))}, x);
    }

    /** dx = y ⊙ (g - Σ g⊙y) along the axis. */
    public static Variable softmax(Variable x, int axis) {
        Tensor y = x.value().softmax(axis);
        return Variable.op("softmax", y, g -> new Tensor[] {Adjoints.softmaxBackward(y, g, axis)}, x);
    }

    /** dx = g - exp(y) ⊙ Σ g along the axis. */
    public static Variable logSoftmax(Variable x, int axis) {
        Tensor y = x.value().logSoftmax(axis);
        return Variable.op("logSoftmax", y,
                g -> new Tensor[] {g.sub(y.exp().mul(g.sum(Axes.of(axis).keepDims())))}, x);
    }

    /** x's shape with the reduced axes set to 1: the shape a keep-dims reduction would have. */
    private static Shape keptShape(Variable x, Axes axes) {
        return axes.keptShape(x.shape());
    }
}
