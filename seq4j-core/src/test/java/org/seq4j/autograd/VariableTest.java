package org.seq4j.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.seq4j.tensor.Tensor;

class VariableTest {

    @Test
    void backwardOfSimpleExpression() {
        // y = sum(a * b + a): dy/da = b + 1, dy/db = a
        Variable a = Variable.parameter(Tensor.of(new float[] {1, 2, 3}, 3));
        Variable b = Variable.parameter(Tensor.of(new float[] {4, 5, 6}, 3));
        a.mul(b).add(a).sum().backward();
        assertArrayEquals(new float[] {5, 6, 7}, a.grad().toArray());
        assertArrayEquals(new float[] {1, 2, 3}, b.grad().toArray());
    }

    @Test
    void gradientsAccumulateAcrossBackwardCallsUntilZeroed() {
        Variable w = Variable.parameter(Tensor.of(new float[] {2}, 1));
        w.mul(3f).sum().backward();
        w.mul(3f).sum().backward();
        assertArrayEquals(new float[] {6}, w.grad().toArray());
        w.zeroGrad();
        assertNull(w.grad());
    }

    @Test
    void detachStopsGradient() {
        Variable x = Variable.parameter(Tensor.of(new float[] {1, 2}, 2));
        Variable y = x.mul(x.detach()).sum(); // d/dx = x (not 2x)
        y.backward();
        assertArrayEquals(new float[] {1, 2}, x.grad().toArray());
    }

    @Test
    void noGradScopeRecordsNothingAndRestores() {
        Variable x = Variable.parameter(Tensor.ones(2));
        try (GradMode.Scope s = GradMode.noGrad()) {
            Variable y = x.mul(2f);
            assertFalse(y.requiresGrad());
            assertTrue(y.inputs().isEmpty());
            try (GradMode.Scope inner = GradMode.noGrad()) {
                assertFalse(GradMode.isEnabled());
            }
            assertFalse(GradMode.isEnabled());
        }
        assertTrue(GradMode.isEnabled());
        assertTrue(x.mul(2f).requiresGrad());
    }

    @Test
    void constantsNeedNoGraph() {
        Variable c = Variable.constant(Tensor.ones(3));
        Variable y = c.exp();
        assertFalse(y.requiresGrad());
        assertThrows(IllegalStateException.class, () -> y.sum().backward());
    }

    @Test
    void backwardNeedsScalarOrSeed() {
        Variable x = Variable.parameter(Tensor.ones(2, 2));
        Variable y = x.mul(3f);
        IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);
        assertTrue(e.getMessage().contains("(2, 2)"), e.getMessage());
        y.backward(Tensor.full(y.shape(), 0.5f));
        assertArrayEquals(new float[] {1.5f, 1.5f, 1.5f, 1.5f}, x.grad().toArray());
    }

    @Test
    void deepGraphsDoNotOverflowTheStack() {
        // 20,000 chained ops: an RNN over a long sequence; recursion would blow the stack
        Variable x = Variable.parameter(Tensor.of(new float[] {1f}, 1));
        Variable h = x;
        for (int i = 0; i < 20_000; i++) {
            h = h.add(0.0001f);
        }
        h.sum().backward();
        assertArrayEquals(new float[] {1f}, x.grad().toArray());
    }

    @Test
    void assignIsForParametersOnly() {
        Variable p = Variable.parameter(Tensor.zeros(2));
        p.assign(Tensor.ones(2));
        assertArrayEquals(new float[] {1, 1}, p.value().toArray());
        assertThrows(IllegalArgumentException.class, () -> p.assign(Tensor.ones(3)));
        assertThrows(IllegalStateException.class, () -> p.mul(2f).assign(Tensor.ones(2)));
    }

    @Test
    void splitPiecesCarryGradientBack() {
        Variable x = Variable.parameter(Tensor.arange(6).reshape(2, 3));
        List<Variable> parts = x.split(1, 1, 2);
        parts.get(1).sum().backward();
        assertArrayEquals(new float[] {0, 1, 1, 0, 1, 1}, x.grad().toArray());
        assertEquals("narrow", parts.get(0).opName());
    }

    @Test
    void gradCheckCatchesAWrongBackward() {
        // a deliberately wrong derivative (2x instead of 3x²) must be reported, or the checker proves nothing
        AssertionError e = assertThrows(AssertionError.class, () -> GradCheck.check(in -> {
            Variable x = in.get(0);
            return Variable.op("badCube", x.value().pow(3f), g -> new Tensor[] {g.mul(x.value()).mul(2f)}, x);
        }, List.of(Tensor.of(new float[] {0.5f, 1.5f, -1f}, 3))));
        assertTrue(e.getMessage().contains("input 0"), e.getMessage());
    }
}
