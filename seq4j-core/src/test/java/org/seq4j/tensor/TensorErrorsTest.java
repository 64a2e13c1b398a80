package org.seq4j.tensor;

import static org.seq4j.tensor.Ref.assertMessage;

import org.junit.jupiter.api.Test;

/** Every bad call throws, and the message names the op and the shapes involved. */
class TensorErrorsTest {
    private static final Tensor X = Tensor.zeros(2, 3);
    private static final Class<IllegalArgumentException> IAE = IllegalArgumentException.class;

    @Test
    void creation() {
        assertMessage(IAE, () -> Tensor.of(new float[5], 2, 3), "Tensor.of", "5", "(2, 3)");
        assertMessage(IAE, () -> Tensor.zeros(2, -1), "Shape", "-1");
        assertMessage(IAE, () -> Tensor.full(Shape.of(-3), 1f), "Shape", "-3");
        assertMessage(IllegalStateException.class, () -> X.item(), "item", "(2, 3)", "6");
        assertMessage(IAE, () -> X.get(1), "get", "(2, 3)");
        assertMessage(IndexOutOfBoundsException.class, () -> X.get(2, 0), "get", "[2, 0]", "(2, 3)");
        assertMessage(IndexOutOfBoundsException.class, () -> X.get(0, -1), "get", "(2, 3)");
    }

    @Test
    void views() {
        assertMessage(IAE, () -> X.reshape(4, 2), "reshape", "(2, 3)", "[4, 2]");
        assertMessage(IAE, () -> X.reshape(-1, 4), "reshape", "(2, 3)", "[-1, 4]");
        assertMessage(IAE, () -> X.reshape(-1, -1), "reshape", "-1");
        assertMessage(IAE, () -> X.reshape(-2, 3), "reshape", "-2");
        assertMessage(IAE, () -> X.mT().reshape(7), "reshape", "(3, 2)", "[7]");
        assertMessage(IAE, () -> X.permute(0), "permute", "[0]", "(2, 3)");
        assertMessage(IAE, () -> X.permute(0, 0), "permute", "(2, 3)");
        assertMessage(IAE, () -> X.permute(0, 2), "permute", "axis 2", "(2, 3)");
        assertMessage(IAE, () -> X.transpose(0, 2), "transpose", "axis 2", "(2, 3)");
        assertMessage(IAE, () -> Tensor.zeros(3).mT(), "transpose", "(3,)");
        assertMessage(IAE, () -> X.narrow(1, 2, 2), "narrow", "axis 1", "(2, 3)");
        assertMessage(IAE, () -> X.narrow(1, -1, 1), "narrow", "(2, 3)");
        assertMessage(IAE, () -> X.narrow(2, 0, 1), "narrow", "axis 2", "(2, 3)");
        assertMessage(IAE, () -> X.slice(0, 0, 2, 0), "slice", "step", "(2, 3)");
        assertMessage(IAE, () -> X.slice(0, 0, 2, -1), "slice", "step", "(2, 3)");
        assertMessage(IAE, () -> X.slice(-3, 0, 2, 1), "slice", "axis -3", "(2, 3)");
        assertMessage(IndexOutOfBoundsException.class, () -> X.select(1, 3), "select", "3", "(2, 3)");
        assertMessage(IndexOutOfBoundsException.class, () -> X.select(1, -4), "select", "-4", "(2, 3)");
        assertMessage(IAE, () -> X.select(2, 0), "select", "axis 2", "(2, 3)");
        assertMessage(IAE, () -> X.squeeze(0), "squeeze", "axis 0", "(2, 3)");
        assertMessage(IAE, () -> X.squeeze(2), "squeeze", "axis 2", "(2, 3)");
        assertMessage(IAE, () -> X.unsqueeze(3), "unsqueeze", "axis 3", "(2, 3)");
        assertMessage(IAE, () -> X.unsqueeze(-4), "unsqueeze", "axis -4", "(2, 3)");
        assertMessage(IAE, () -> X.expand(3, 3), "expand", "(2, 3)", "(3, 3)");
        assertMessage(IAE, () -> X.expand(3), "expand", "(2, 3)", "(3,)");
        assertMessage(IAE, () -> X.split(0, 1), "split", "[1]", "(2, 3)");
    }

    @Test
    void elementwise() {
        Tensor y = Tensor.zeros(3, 2);
        assertMessage(IAE, () -> X.add(y), "add", "(2, 3)", "(3, 2)");
        assertMessage(IAE, () -> X.sub(Tensor.zeros(2)), "sub", "(2, 3)", "(2,)");
        assertMessage(IAE, () -> X.mul(Tensor.zeros(4, 3, 1)), "mul", "(2, 3)", "(4, 3, 1)");
        assertMessage(IAE, () -> X.div(y), "div", "(2, 3)", "(3, 2)");
        assertMessage(IAE, () -> X.lt(y), "lt", "(2, 3)", "(3, 2)");
        assertMessage(IAE, () -> X.maximum(y), "max", "(2, 3)", "(3, 2)");
        assertMessage(IAE, () -> Tensor.where(Tensor.zeros(4), X, X), "where", "(4,)", "(2, 3)");
        assertMessage(IAE, () -> Tensor.where(Tensor.zeros(3), X, y), "where", "(2, 3)", "(3, 2)");
        assertMessage(IAE, () -> X.maskedFill(Tensor.zeros(2), 1f), "maskedFill", "(2,)", "(2, 3)");
    }

    @Test
    void reductions() {
        assertMessage(IAE, () -> X.sum(2), "sum", "axis 2", "(2, 3)");
        assertMessage(IAE, () -> X.sum(-3), "sum", "axis -3", "(2, 3)");
        assertMessage(IAE, () -> X.sum(0, -2), "sum", "axis", "twice", "(2, 3)");
        assertMessage(IAE, () -> X.max(5), "max", "axis 5", "(2, 3)");
        assertMessage(IAE, () -> X.min(5), "min", "axis 5", "(2, 3)");
        assertMessage(IAE, () -> X.mean(5), "mean", "axis 5", "(2, 3)");
        assertMessage(IAE, () -> X.logSumExp(Axes.of(5)), "logSumExp", "axis 5", "(2, 3)");
        assertMessage(IAE, () -> X.softmax(2), "softmax", "axis 2", "(2, 3)");
        assertMessage(IAE, () -> X.logSoftmax(-3), "logSoftmax", "axis -3", "(2, 3)");
        assertMessage(IAE, () -> X.argmax(2), "argmax", "axis 2", "(2, 3)");
        assertMessage(IAE, () -> X.sumTo(Shape.of(3, 3)), "sumTo", "(2, 3)", "(3, 3)");
    }
}
