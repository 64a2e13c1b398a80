package org.seq4j.nn.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.seq4j.autograd.GradCheck;
import org.seq4j.autograd.Variable;
import org.seq4j.nn.Context;
import org.seq4j.nn.Masked;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/**
 * The fused multi-head attention node ({@link FusedAttention}, taken by {@link MultiHeadAttention#call}) against the
 * composed path ({@link MultiHeadAttention#attend}): the same output and the same gradient for every input and
 * weight, with and without masks; plus a finite-difference check and the once-only backward.
 */
class FusedAttentionTest {
    private static final float TOL = 2e-5f;
    private final SplittableRandom rng = new SplittableRandom(21);

    private Tensor rand(int... dims) {
        return Tensor.uniform(Shape.of(dims), -1f, 1f, rng);
    }

    @Test
    void selfAttentionEqualsComposed() {
        var layer = new MultiHeadAttention(MultiHeadAttention.Config.of(4, 8, 32), new SplittableRandom(1));
        Tensor x = rand(3, 7, 32);
        assertSame(layer, l -> List.of(Masked.of(l.get(0))), List.of(x));
    }

    /** Large enough that the (b, h) pairs are split over the kernel threads. */
    @Test
    void largeSelfAttentionEqualsComposed() {
        var layer = new MultiHeadAttention(MultiHeadAttention.Config.of(4, 16, 64), new SplittableRandom(2));
        assertSame(layer, l -> List.of(Masked.of(l.get(0))), List.of(rand(4, 48, 64)));
    }

    @Test
    void crossAttentionWithMasksCausalAndOtherWidthsEqualsComposed() {
        var layer = new MultiHeadAttention(MultiHeadAttention.Config.of(3, 4, 10).valueInputDim(6).keyInputDim(5)
                .valueDim(3).outputDim(7).useCausalMask(true), new SplittableRandom(3));
        Tensor queryMask = Tensor.of(new float[] {1, 1, 0, 1, 1, 1, 1, 0}, 2, 4);
        Tensor valueMask = Tensor.of(new float[] {1, 1, 1, 0, 0, 1, 1, 1, 1, 0}, 2, 5);
        assertSame(layer, l -> List.of(new Masked(l.get(0), queryMask), new Masked(l.get(1), valueMask),
                Masked.of(l.get(2))), List.of(rand(2, 4, 10), rand(2, 5, 6), rand(2, 5, 5)));
    }

    @Test
    void withoutBiasesEqualsComposed() {
        var layer = new MultiHeadAttention(MultiHeadAttention.Config.of(2, 3, 6).useBias(false),
                new SplittableRandom(4));
        assertSame(layer, l -> List.of(Masked.of(l.get(0)), Masked.of(l.get(1))),
                List.of(rand(2, 3, 6), rand(2, 4, 6)));
    }

    @Test
    void finiteDifferences() {
        var layer = new MultiHeadAttention(MultiHeadAttention.Config.of(2, 3, 5).valueInputDim(4).useCausalMask(true),
                new SplittableRandom(5));
        Tensor valueMask = Tensor.of(new float[] {1, 1, 1, 0, 1, 1, 1, 1}, 2, 4);
        GradCheck.check(x -> fused(layer, List.of(Masked.of(x.get(0)), new Masked(x.get(1), valueMask))),
                List.of(rand(2, 3, 5), rand(2, 4, 4)));
        Tensor q = rand(2, 3, 5);
        Tensor v = rand(2, 4, 4);
        WeightGradCheck.check(layer, () -> fused(layer, List.of(Masked.of(Variable.constant(q)),
                new Masked(Variable.constant(v), valueMask))));
    }

    /**
     * Self-attention takes the packed path: Q, K and V from one GEMM, their gradients written side by side. Causal
     * rather than a padding mask: an input's mask also masks whole query rows, flat in float32 (see
     * AttentionGradCheckTest).
     */
    @Test
    void finiteDifferencesSelfAttention() {
        var layer = new MultiHeadAttention(MultiHeadAttention.Config.of(2, 3, 4).valueDim(2).useCausalMask(true),
                new SplittableRandom(8));
        GradCheck.check(x -> fused(layer, List.of(Masked.of(x.get(0)))), List.of(rand(2, 4, 4)));
        Tensor x = rand(2, 4, 4);
        WeightGradCheck.check(layer, () -> fused(layer, List.of(Masked.of(Variable.constant(x)))));
    }

    @Test
    void secondBackwardThroughTheSameGraphFails() {
        var layer = new MultiHeadAttention(MultiHeadAttention.Config.of(2, 4, 8), new SplittableRandom(6));
        Variable y = fused(layer, List.of(Masked.of(Variable.parameter(rand(2, 5, 8))))).sum();
        y.backward();
        var e = assertThrows(IllegalStateException.class, y::backward);
        assertTrue(e.getMessage().contains("only once"), e.getMessage());
    }

    @Test
    void inferenceRepeatsAndDropoutInTrainingTakesTheComposedPath() {
        var layer = new MultiHeadAttention(MultiHeadAttention.Config.of(2, 4, 8), new SplittableRandom(7));
        Tensor x = rand(2, 5, 8);
        Tensor first = layer.call(List.of(Masked.of(Variable.constant(x))), Context.inference()).get(0).value().value();
        Tensor again = layer.call(List.of(Masked.of(Variable.constant(x))), Context.inference()).get(0).value().value();
        assertArrayEquals(first.toArray(), again.toArray());
        assertTrue(ops(layer.call(List.of(Masked.of(Variable.parameter(x))), Context.training(new SplittableRandom(1)))
                .get(0).value()).contains("multi_head_attention"));
        var dropping = new MultiHeadAttention(MultiHeadAttention.Config.of(2, 4, 8).dropout(0.5f),
                new SplittableRandom(7));
        assertFalse(ops(dropping.call(List.of(Masked.of(Variable.parameter(x))),
                Context.training(new SplittableRandom(1))).get(0).value()).contains("multi_head_attention"));
    }

    private static Variable fused(MultiHeadAttention layer, List<Masked> in) {
        return layer.call(in, Context.training(new SplittableRandom(0))).get(0).value();
    }

    /**
     * Output and the gradients of a random projection of it, for every input and weight, by call (fused) and by
     * attend (composed).
     */
    private void assertSame(MultiHeadAttention layer, Function<List<Variable>, List<Masked>> inputs,
                            List<Tensor> values) {
        List<Variable> xa = values.stream().map(Variable::parameter).toList();
        List<Variable> xb = values.stream().map(Variable::parameter).toList();
        Variable fused = fused(layer, inputs.apply(xa));
        assertTrue(ops(fused).contains("multi_head_attention"), "the fused node is in the graph");
        List<Tensor> gf = grads(layer, xa, fused);
        Variable composed = layer.attend(inputs.apply(xb), null, Context.training(new SplittableRandom(0)))
                .output().value();
        assertFalse(ops(composed).contains("multi_head_attention"));
        List<Tensor> gc = grads(layer, xb, composed);
        close("output", composed.value(), fused.value());
        for (int i = 0; i < gf.size(); i++) {
            close("gradient " + i, gc.get(i), gf.get(i));
        }
    }

    private List<Tensor> grads(MultiHeadAttention layer, List<Variable> inputs, Variable out) {
        layer.trainableWeights().forEach(Variable::zeroGrad);
        Tensor r = Tensor.uniform(out.shape(), -1f, 1f, new SplittableRandom(99));
        out.mul(Variable.constant(r)).sum().backward();
        List<Tensor> g = new ArrayList<>();
        inputs.forEach(x -> g.add(x.grad()));
        layer.trainableWeights().forEach(w -> g.add(w.grad()));
        return g;
    }

    private static void close(String what, Tensor expected, Tensor actual) {
        assertEquals(expected.shape(), actual.shape(), what);
        float[] e = expected.toArray();
        float[] a = actual.toArray();
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], TOL * (1 + Math.abs(e[i])), what + " at " + i);
        }
    }

    /** Every op name in the graph behind v. */
    private static List<String> ops(Variable v) {
        List<String> names = new ArrayList<>();
        Map<Variable, Boolean> seen = new IdentityHashMap<>();
        ArrayDeque<Variable> todo = new ArrayDeque<>(List.of(v));
        while (!todo.isEmpty()) {
            Variable n = todo.pop();
            if (seen.put(n, true) == null) {
                names.add(n.opName());
                todo.addAll(n.inputs());
            }
        }
        return names;
    }
}
