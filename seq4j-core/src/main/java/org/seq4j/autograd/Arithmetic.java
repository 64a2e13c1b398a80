package org.seq4j.autograd;

import org.seq4j.tensor.Tensor;

/**
 * Broadcasting arithmetic. Each backward sums its gradient back to the input's own shape ({@link Tensor#sumTo}),
 * the adjoint of broadcasting.
 */
public final class Arithmetic {
    private Arithmetic() {}

    public static Variable add(Variable a, Variable b) {
        Tensor y = a.value().add(b.value());
        return Variable.op("add", y, g -> new Tensor[] {g.sumTo(a.shape()), g.sumTo(b.shape())}, a, b);
    }

    public static Variable sub(Variable a, Variable b) {
        Tensor y = a.value().sub(b.value());
        return Variable.op("sub", y, g -> new Tensor[] {g.sumTo(a.shape()), g.neg().sumTo(b.shape())}, a, b);
    }

    public static Variable mul(Variable a, Variable b) {
        Tensor y = a.value().mul(b.value());
        return Variable.op("mul", y, g -> new Tensor[] {
                a.requiresGrad() ? g.mul(b.value()).sumTo(a.shape()) : null,
                b.requiresGrad() ? g.mul(a.value()).sumTo(b.shape()) : null}, a, b);
    }

    /** d(a/b) = da/b - a·db/b². */
    public static Variable div(Variable a, Variable b) {
        Tensor y = a.value().div(b.value());
        return Variable.op("div", y, g -> new Tensor[] {
                g.div(b.value()).sumTo(a.shape()),
                b.requiresGrad() ? g.mul(y).div(b.value()).neg().sumTo(b.shape()) : null}, a, b);
    }

    public static Variable neg(Variable a) {
        return Variable.op("neg", a.value().neg(), g -> new Tensor[] {g.neg()}, a);
    }

    public static Variable addScalar(Variable a, float s) {
        return Variable.op("addScalar", a.value().add(s), g -> new Tensor[] {g}, a);
    }

    public static Variable mulScalar(Variable a, float s) {
        return Variable.op("mulScalar", a.value().mul(s), g -> new Tensor[] {g.mul(s)}, a);
    }

    /** x^p for a constant p: d = p·x^(p-1). */
    public static Variable powScalar(Variable a, float p) {
        Tensor y = a.value().pow(p);
        return Variable.op("pow", y, g -> new Tensor[] {g.mul(a.value().pow(p - 1f)).mul(p)}, a);
    }

    /** {@code cond != 0 ? a : b}; the condition is data and gets no gradient. */
    public static Variable where(Tensor cond, Variable a, Variable b) {
        Tensor y = Tensor.where(cond, a.value(), b.value());
        Tensor zero = Tensor.scalar(0f);
        return Variable.op("where", y, g -> new Tensor[] {
                Tensor.where(cond, g, zero).sumTo(a.shape()),
                Tensor.where(cond, zero, g).sumTo(b.shape())}, a, b);
    }

    /** {@code value} where {@code mask != 0}, else x: those positions pass no gradient. */
    public static Variable maskedFill(Variable x, Tensor mask, float value) {
        Tensor y = x.value().maskedFill(mask, value);
        return Variable.op("maskedFill", y,
                g -> new Tensor[] {g.maskedFill(mask, 0f).sumTo(x.shape())}, x);
    }
}
