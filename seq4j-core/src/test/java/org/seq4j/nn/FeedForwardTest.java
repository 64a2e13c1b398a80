package org.seq4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.seq4j.autograd.GradCheck;
import org.seq4j.autograd.Variable;
import org.seq4j.tensor.BufferPool;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/**
 * The fused feed-forward node ({@link FeedForward}) against the two Dense layers it replaces: output and the
 * gradients of x and all four weights, for a small and a thread-split size (with D > F and D < F, both weight
 * gradient orientations), over repeated steps that reuse the pooled buffers; a finite-difference check; and the
 * once-only backward.
 */
class FeedForwardTest {
    private final SplittableRandom rng = new SplittableRandom(31);

    @Test
    void equalsTheTwoDenseLayers() {
        for (int[] dims : new int[][] {{2, 3, 5, 7}, {4, 96, 64, 256}, {2, 50, 300, 40}}) {
            Dense inner = new Dense(Dense.Config.of(dims[2], dims[3]).activation(Activation.RELU), rng);
            Dense outer = new Dense(Dense.Config.of(dims[3], dims[2]), rng);
            randomBiases(inner, outer);
            BufferPool pool = new BufferPool();
            for (int step = 0; step < 3; step++) {
                Tensor x = Tensor.uniform(Shape.of(dims[0], dims[1], dims[2]), -1f, 1f, rng);
                Tensor r = Tensor.uniform(Shape.of(dims[0], dims[1], dims[2]), -1f, 1f, rng);
                Variable xf = Variable.parameter(x);
                Variable yf = FeedForward.apply(inner, outer, Masked.of(xf), Context.inference(), pool).value();
                assertEquals("feed_forward", yf.opName());
                List<Tensor> gf = grads(inner, outer, xf, yf, r);
                Variable xc = Variable.parameter(x);
                Variable yc = outer.apply(inner.apply(Masked.of(xc), Context.inference()), Context.inference()).value();
                List<Tensor> gc = grads(inner, outer, xc, yc, r);
                String what = java.util.Arrays.toString(dims) + " step " + step;
                assertTrue(yf.value().allClose(yc.value(), 1e-5f, 1e-5f), "output " + what);
                for (int i = 0; i < gf.size(); i++) {
                    assertTrue(gf.get(i).allClose(gc.get(i), 1e-5f, 1e-5f), "gradient " + i + " " + what);
                }
            }
        }
    }

    @Test
    void finiteDifferences() {
        Dense inner = new Dense(Dense.Config.of(3, 4).activation(Activation.RELU), rng);
        Dense outer = new Dense(Dense.Config.of(4, 3), rng);
        randomBiases(inner, outer);
        BufferPool pool = new BufferPool();
        GradCheck.check(x -> FeedForward.apply(inner, outer, Masked.of(x.get(0)), Context.inference(), pool).value(),
                List.of(Tensor.uniform(Shape.of(2, 5, 3), -1f, 1f, rng)));
    }

    @Test
    void secondBackwardThroughTheSameGraphFails() {
        Dense inner = new Dense(Dense.Config.of(3, 4).activation(Activation.RELU), rng);
        Dense outer = new Dense(Dense.Config.of(4, 3), rng);
        Variable y = FeedForward.apply(inner, outer, Masked.of(Variable.parameter(Tensor.ones(2, 3))),
                Context.inference(), new BufferPool()).value().sum();
        y.backward();
        var e = assertThrows(IllegalStateException.class, y::backward);
        assertTrue(e.getMessage().contains("only once"), e.getMessage());
    }

    private void randomBiases(Dense inner, Dense outer) {
        inner.bias().assign(Tensor.uniform(inner.bias().shape(), -0.5f, 0.5f, rng));
        outer.bias().assign(Tensor.uniform(outer.bias().shape(), -0.5f, 0.5f, rng));
    }

    private static List<Tensor> grads(Dense inner, Dense outer, Variable x, Variable y, Tensor r) {
        List<Variable> ws = List.of(inner.kernel(), inner.bias(), outer.kernel(), outer.bias());
        ws.forEach(Variable::zeroGrad);
        y.mul(Variable.constant(r)).sum().backward();
        List<Tensor> g = new ArrayList<>(List.of(x.grad()));
        ws.forEach(w -> g.add(w.grad()));
        return g;
    }
}
