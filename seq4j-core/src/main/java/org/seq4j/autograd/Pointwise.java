package org.seq4j.autograd;

import org.seq4j.tensor.Adjoints;
import org.seq4j.tensor.Tensor;
import org.seq4j.tensor.kernel.UnaryOp;

/** Element-wise functions of one input; each derivative is written from the output where that is cheaper. */
public final class Pointwise {
    private static final float TWO_OVER_SQRT_PI = (float) (2.0 / Math.sqrt(Math.PI));

    private Pointwise() {}

    public static Variable exp(Variable x) {
        Tensor y = x.value().exp();
        return Variable.op("exp", y, g -> new Tensor[] {g.mul(y)}, x);
    }

    public static Variable log(Variable x) {
        return Variable.op("log", x.value().log(), g -> new Tensor[] {g.div(x.value())}, x);
    }

    /** d tanh = 1 - y². */
    public static Variable tanh(Variable x) {
        Tensor y = x.value().tanh();
        return Variable.op("tanh", y, g -> new Tensor[] {g.mul(y.square().neg().add(1f))}, x);
    }

    /** d σ = y(1 - y). */
    public static Variable sigmoid(Variable x) {
        Tensor y = x.value().sigmoid();
        return Variable.op("sigmoid", y, g -> new Tensor[] {g.mul(y).mul(y.neg().add(1f))}, x);
    }

    /** Gradient 1 where x > 0 and 0 elsewhere (0 at x = 0, as in PyTorch and TensorFlow). */
    public static Variable relu(Variable x) {
        return Variable.op("relu", x.value().relu(), g -> new Tensor[] {Adjoints.reluBackward(x.value(), g)}, x);
    }

    public static Variable sqrt(Variable x) {
        Tensor y = x.value().sqrt();
        return Variable.op("sqrt", y, g -> new Tensor[] {g.div(y).mul(0.5f)}, x);
    }

    public static Variable square(Variable x) {
        return Variable.op("square", x.value().square(), g -> new Tensor[] {g.mul(x.value()).mul(2f)}, x);
    }

    public static Variable abs(Variable x) {
        return Variable.op("abs", x.value().abs(), g -> new Tensor[] {g.mul(x.value().map(UnaryOp.SIGN))}, x);
    }

    /** d erf = 2/√π · exp(-x²) (for the exact GELU). */
    public static Variable erf(Variable x) {
        Tensor y = x.value().map(UnaryOp.ERF);
        return Variable.op("erf", y,
                g -> new Tensor[] {g.mul(x.value().square().neg().exp()).mul(TWO_OVER_SQRT_PI)}, x);
    }

    /** Clipped to [lo, hi]; the gradient passes where x lies inside (bounds included). */
    public static Variable clamp(Variable x, float lo, float hi) {
        Tensor v = x.value();
        return Variable.op("clamp", v.clamp(lo, hi),
                g -> new Tensor[] {g.mul(v.lt(lo).add(v.gt(hi)).eq(0f))}, x);
    }
}
