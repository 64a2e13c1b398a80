package org.seq4j.autograd;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/**
 * The fused dense node {@link LinearAlgebra#affine} against {@code act(x.matmul(w).add(b))}, forward and the
 * gradients of x, W and b, with and without bias and ReLU, for a small and a thread-split (and two-kc-block) size;
 * and a finite-difference check. Tolerance 1e-5: the same sums, the bias added before instead of after the last
 * kc block.
 */
class AffineTest {
    private final SplittableRandom rng = new SplittableRandom(17);

    @Test
    void equalsComposition() {
        for (int[] dims : new int[][] {{3, 5, 4}, {2, 7, 3, 6}, {4, 96, 600, 130}}) {
            int k = dims[dims.length - 2];
            int n = dims[dims.length - 1];
            int[] xd = java.util.Arrays.copyOf(dims, dims.length - 1);
            for (boolean relu : new boolean[] {true, false}) {
                for (boolean withBias : new boolean[] {true, false}) {
                    Tensor x = Tensor.uniform(Shape.of(xd), -1f, 1f, rng);
                    Tensor w = Tensor.uniform(Shape.of(k, n), -1f, 1f, rng);
                    Tensor b = Tensor.uniform(Shape.of(n), -1f, 1f, rng);
                    Variable[] f = {Variable.parameter(x), Variable.parameter(w), Variable.parameter(b)};
                    Variable[] c = {Variable.parameter(x), Variable.parameter(w), Variable.parameter(b)};
                    Variable yf = LinearAlgebra.affine(f[0], f[1], withBias ? f[2] : null, relu);
                    Variable yc = c[0].matmul(c[1]);
                    yc = withBias ? yc.add(c[2]) : yc;
                    yc = relu ? yc.relu() : yc;
                    String what = Shape.of(dims) + (relu ? " relu" : "") + (withBias ? " bias" : "");
                    assertTrue(yf.value().allClose(yc.value(), 1e-5f, 1e-5f), "forward " + what);
                    Tensor r = Tensor.uniform(yf.shape(), -1f, 1f, rng);
                    yf.mul(Variable.constant(r)).sum().backward();
                    yc.mul(Variable.constant(r)).sum().backward();
                    for (int i = 0; i < (withBias ? 3 : 2); i++) {
                        assertTrue(f[i].grad().allClose(c[i].grad(), 1e-5f, 1e-5f), "gradient " + i + " " + what);
                    }
                    if (!withBias) {
                        assertNull(f[2].grad());
                    }
                }
            }
        }
    }

    /** A strided x (a transposed view) is read as its values; zero pre-activations pass no ReLU gradient. */
    @Test
    void stridedInputAndReluAtZero() {
        Tensor xt = Tensor.uniform(Shape.of(4, 3), -1f, 1f, rng).transpose(0, 1);   // (3, 4), not contiguous
        Tensor w = Tensor.uniform(Shape.of(4, 5), -1f, 1f, rng);
        Tensor b = Tensor.uniform(Shape.of(5), -1f, 1f, rng);
        Variable y = LinearAlgebra.affine(Variable.constant(xt), Variable.constant(w), Variable.constant(b), true);
        assertTrue(y.value().allClose(xt.contiguous().matmul(w).add(b).relu(), 1e-6f, 1e-6f));
        Variable bias = Variable.parameter(Tensor.zeros(3));
        LinearAlgebra.affine(Variable.constant(Tensor.zeros(2, 4)), Variable.parameter(Tensor.uniform(Shape.of(4, 3),
                -1f, 1f, rng)), bias, true).backward(Tensor.ones(2, 3));
        assertTrue(bias.grad().allClose(Tensor.zeros(3), 0f, 0f), "relu'(0) = 0, as x > 0 says");
    }

    /** ReLU's scratch comes from the pool and goes back: steps that reuse it get the same gradients. */
    @Test
    void pooledScratchIsReusedSafely() {
        org.seq4j.tensor.BufferPool pool = new org.seq4j.tensor.BufferPool();
        Tensor x = Tensor.uniform(Shape.of(3, 4, 5), -1f, 1f, rng);
        Tensor w = Tensor.uniform(Shape.of(5, 6), -1f, 1f, rng);
        Tensor[] first = null;
        for (int step = 0; step < 3; step++) {
            Variable xv = Variable.parameter(x);
            Variable wv = Variable.parameter(w);
            LinearAlgebra.affine(xv, wv, null, true, pool).sum().backward();
            Tensor[] g = {xv.grad(), wv.grad()};
            if (first == null) {
                first = g;
            }
            for (int i = 0; i < 2; i++) {
                assertTrue(g[i].allClose(first[i], 0f, 0f), "step " + step + " gradient " + i);
            }
        }
    }

    @Test
    void finiteDifferences() {
        // inputs away from the ReLU kink: x·W + b stays clear of 0 by more than the step
        GradCheck.check(v -> LinearAlgebra.affine(v.get(0), v.get(1), v.get(2), true),
                List.of(Tensor.of(new float[] {1, 2, -1, 0.5f, 1.5f, -2}, 2, 3),
                        Tensor.of(new float[] {0.5f, -1, 0.25f, 1, 0.5f, -0.5f}, 3, 2),
                        Tensor.of(new float[] {0.3f, -0.2f}, 2)));
        GradCheck.check(v -> LinearAlgebra.affine(v.get(0), v.get(1), v.get(2), false),
                List.of(Tensor.uniform(Shape.of(2, 3, 4), -1f, 1f, rng), Tensor.uniform(Shape.of(4, 5), -1f, 1f, rng),
                        Tensor.uniform(Shape.of(5), -1f, 1f, rng)));
    }
}
