package org.seq4j.autograd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.seq4j.tensor.Axes;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/**
 * The fused layer norm against its composition from primitives, forward and the gradients of x, γ and β, with and
 * without γ/β, for a small and a thread-split size; and a finite-difference check. Tolerance 1e-5 relative plus
 * 1e-5 absolute: the same math with sums in another order (values and gradients are of order 1).
 */
class NormalizationTest {
    private final SplittableRandom rng = new SplittableRandom(9);

    private static Variable composed(Variable x, Variable gamma, Variable beta, float eps) {
        Axes last = Axes.of(-1).keepDims();
        Variable centred = x.sub(x.mean(last));
        Variable y = centred.div(centred.square().mean(last).add(eps).sqrt());
        if (gamma != null) {
            y = y.mul(gamma);
        }
        return beta == null ? y : y.add(beta);
    }

    @Test
    void layerNormEqualsComposition() {
        for (int[] dims : new int[][] {{3, 5}, {2, 3, 17}, {4, 96, 256}}) {
            int d = dims[dims.length - 1];
            for (boolean affine : new boolean[] {true, false}) {
                Tensor x = Tensor.uniform(Shape.of(dims), -1f, 3f, rng);
                Tensor gamma = Tensor.uniform(Shape.of(d), 0.5f, 1.5f, rng);
                Tensor beta = Tensor.uniform(Shape.of(d), -0.5f, 0.5f, rng);
                Tensor w = Tensor.uniform(Shape.of(dims), -1f, 1f, rng);
                Variable[] fused = {Variable.parameter(x), Variable.parameter(gamma), Variable.parameter(beta)};
                Variable[] comp = {Variable.parameter(x), Variable.parameter(gamma), Variable.parameter(beta)};
                Variable yf = Normalization.layerNorm(fused[0], affine ? fused[1] : null, affine ? fused[2] : null,
                        1e-3f);
                Variable yc = composed(comp[0], affine ? comp[1] : null, affine ? comp[2] : null, 1e-3f);
                assertTrue(yf.value().allClose(yc.value(), 1e-5f, 1e-5f), "forward " + Shape.of(dims));
                yf.mul(Variable.constant(w)).sum().backward();
                yc.mul(Variable.constant(w)).sum().backward();
                for (int i = 0; i < (affine ? 3 : 1); i++) {
                    assertTrue(fused[i].grad().allClose(comp[i].grad(), 1e-5f, 1e-5f),
                            "gradient " + i + " " + Shape.of(dims));
                }
            }
        }
    }

    @Test
    void layerNormPassesFiniteDifferences() {
        GradCheck.check(v -> Normalization.layerNorm(v.get(0), v.get(1), v.get(2), 1e-3f),
                List.of(Tensor.uniform(Shape.of(3, 6), -1f, 1f, rng), Tensor.uniform(Shape.of(6), 0.5f, 1.5f, rng),
                        Tensor.uniform(Shape.of(6), -0.5f, 0.5f, rng)));
    }
}
