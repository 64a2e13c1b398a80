package org.seq4j.nn.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.seq4j.autograd.Variable;
import org.seq4j.nn.Context;
import org.seq4j.nn.Masked;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/**
 * What the masks promise: with a causal mask the output at step t ignores every input after t; keys padded with
 * masked positions never change the result; a fully masked row is uniform, not NaN; dropout acts only in training.
 */
class AttentionMaskingTest {
    private final SplittableRandom rng = new SplittableRandom(21);

    private Tensor rand(int... dims) {
        return Tensor.uniform(Shape.of(dims), -1f, 1f, rng);
    }

    /** x with every step after t replaced by fresh random values. */
    private Tensor perturbAfter(Tensor x, int t) {
        int steps = x.dim(1);
        Tensor head = x.narrow(1, 0, t + 1);
        int[] tail = x.shape().dims();
        tail[1] = steps - t - 1;
        return Tensor.concat(1, head, Tensor.uniform(Shape.of(tail), -3f, 3f, rng));
    }

    /** Self-attention f(x) (B, T, d): the first t+1 output steps do not move when steps after t do. */
    private void assertCausal(String what, Function<Tensor, Tensor> f, Tensor x) {
        Tensor y = f.apply(x);
        for (int t = 0; t < x.dim(1) - 1; t++) {
            Tensor y2 = f.apply(perturbAfter(x, t));
            assertArrayEquals(y.narrow(1, 0, t + 1).toArray(), y2.narrow(1, 0, t + 1).toArray(),
                    what + ": output up to step " + t + " moved when later inputs changed");
            assertFalse(java.util.Arrays.equals(y.toArray(), y2.toArray()), what + ": later outputs did not move");
        }
    }

    @Test
    void causalMaskHidesTheFuture() {
        var causal = ScaledDotProductAttention.Options.defaults().causal(true);
        assertCausal("sdpa", x -> ScaledDotProductAttention.attend(c(x), c(x), c(x), causal).output().value(),
                rand(2, 5, 4));
        Attention luong = new Attention(Attention.Config.of().useCausalMask(true).useScale(true));
        assertCausal("Attention", x -> luong.call(List.of(m(x), m(x)), Context.inference()).get(0).value().value(),
                rand(2, 5, 4));
        Attention concat = new Attention(Attention.Config.of().useCausalMask(true)
                .scoreMode(Attention.ScoreMode.CONCAT));
        assertCausal("Attention concat", x -> concat.call(List.of(m(x), m(x)), Context.inference()).get(0).value()
                .value(), rand(2, 5, 4));
        AdditiveAttention bahdanau = new AdditiveAttention(AdditiveAttention.Config.of(4).useCausalMask(true), rng);
        assertCausal("AdditiveAttention", x -> bahdanau.call(List.of(m(x), m(x)), Context.inference()).get(0)
                .value().value(), rand(2, 5, 4));
        MultiHeadAttention mha = new MultiHeadAttention(MultiHeadAttention.Config.of(2, 3, 4).useCausalMask(true),
                rng);
        assertCausal("MultiHeadAttention", x -> mha.apply(c(x)).value(), rand(2, 5, 4));
    }

    @Test
    void maskedPaddingKeysChangeNothing() {
        Tensor q = rand(2, 3, 4);
        Tensor k = rand(2, 4, 4);
        Tensor v = rand(2, 4, 5);
        Tensor kPad = Tensor.concat(1, k, rand(2, 3, 4));                  // 3 extra key steps
        Tensor vPad = Tensor.concat(1, v, rand(2, 3, 5));
        Tensor mask = Tensor.concat(1, Tensor.ones(2, 4), Tensor.zeros(2, 3));

        var plain = ScaledDotProductAttention.attend(c(q), c(k), c(v)).output().value();
        var padded = ScaledDotProductAttention.attend(c(q), c(kPad), c(vPad),
                ScaledDotProductAttention.Options.defaults().keyPaddingMask(mask)).output().value();
        assertClose("sdpa", plain, padded);

        Attention luong = new Attention(Attention.Config.of().useScale(true));
        assertClose("Attention", luong.call(List.of(m(q), m(v), m(k)), Context.inference()).get(0).value().value(),
                luong.call(List.of(m(q), new Masked(c(vPad), mask), m(kPad)), Context.inference()).get(0).value()
                        .value());

        AdditiveAttention bahdanau = new AdditiveAttention(AdditiveAttention.Config.of(4), rng);
        Tensor v4 = rand(2, 4, 4);
        Tensor v4Pad = Tensor.concat(1, v4, rand(2, 3, 4));
        assertClose("AdditiveAttention", bahdanau.call(List.of(m(q), m(v4)), Context.inference()).get(0).value()
                .value(), bahdanau.call(List.of(m(q), new Masked(c(v4Pad), mask)), Context.inference()).get(0)
                .value().value());

        MultiHeadAttention mha = new MultiHeadAttention(MultiHeadAttention.Config.of(2, 3, 4).valueInputDim(5), rng);
        assertClose("MultiHeadAttention", mha.call(List.of(m(q), m(v)), Context.inference()).get(0).value().value(),
                mha.call(List.of(m(q), new Masked(c(vPad), mask)), Context.inference()).get(0).value().value());
        Tensor keyMask = Tensor.concat(1, Tensor.ones(2, 4), Tensor.zeros(2, 3)).unsqueeze(1);   // (B, 1, Tk)
        assertClose("MultiHeadAttention attention mask",
                mha.call(List.of(m(q), m(v)), Context.inference()).get(0).value().value(),
                mha.attend(List.of(m(q), m(vPad)), keyMask, Context.inference()).output().value().value());
    }

    @Test
    void aFullyMaskedRowIsUniformNotNaN() {
        Tensor mask = Tensor.of(new float[] {1, 1, 0, 0, 0, 0, 0, 0}, 2, 4);
        var r = ScaledDotProductAttention.attend(c(rand(2, 3, 4)), c(rand(2, 4, 4)), c(rand(2, 4, 2)),
                ScaledDotProductAttention.Options.defaults().keyPaddingMask(mask));
        float[] w = r.weights().value().select(0, 1).toArray();
        for (float x : w) {
            assertEquals(0.25f, x, 1e-7f, "a fully masked row attends uniformly");
        }
        assertEquals(0f, r.weights().value().select(0, 0).narrow(1, 2, 2).abs().max().item(), "masked keys get 0");
    }

    @Test
    void queryMaskZeroesOutputRowsAndIsTheOutputMask() {
        Tensor qMask = Tensor.of(new float[] {1, 0, 1, 1, 1, 0}, 2, 3);
        Attention layer = new Attention(Attention.Config.of());
        Masked out = layer.call(List.of(new Masked(c(rand(2, 3, 4)), qMask), m(rand(2, 4, 4))),
                Context.inference()).get(0);
        assertEquals(qMask, out.mask());
        assertEquals(0f, out.value().value().select(0, 0).select(0, 1).abs().max().item());
        assertEquals(0f, out.value().value().select(0, 1).select(0, 2).abs().max().item());
    }

    @Test
    void dropoutOnAttentionWeightsOnlyInTraining() {
        MultiHeadAttention drop = new MultiHeadAttention(MultiHeadAttention.Config.of(2, 3, 4).dropout(0.5f),
                new SplittableRandom(4));
        MultiHeadAttention none = new MultiHeadAttention(MultiHeadAttention.Config.of(2, 3, 4),
                new SplittableRandom(4));
        Tensor x = rand(2, 6, 4);
        assertArrayEquals(none.apply(c(x)).value().toArray(), drop.apply(c(x)).value().toArray(),
                "dropout is the identity in inference");
        var trained = drop.attend(List.of(m(x)), null, Context.training(new SplittableRandom(8)));
        assertFalse(java.util.Arrays.equals(none.apply(c(x)).value().toArray(),
                trained.output().value().value().toArray()), "dropout acts in training");
        float[] rowSums = trained.scores().value().sum(-1).toArray();
        for (float s : rowSums) {
            assertEquals(1f, s, 1e-5f, "returned scores are the softmax before dropout");
        }
    }

    @Test
    void multiHeadAttentionWithOneHeadIsProjectedScaledDotProductAttention() {
        MultiHeadAttention mha = new MultiHeadAttention(MultiHeadAttention.Config.of(1, 4, 4).useBias(false),
                new SplittableRandom(2));
        Tensor x = rand(2, 5, 4);
        Variable wq = c(mha.weights().get("query/kernel").value().reshape(4, 4));
        Variable wk = c(mha.weights().get("key/kernel").value().reshape(4, 4));
        Variable wv = c(mha.weights().get("value/kernel").value().reshape(4, 4));
        Variable wo = c(mha.weights().get("attention_output/kernel").value().reshape(4, 4));
        Variable ref = ScaledDotProductAttention.attend(c(x).matmul(wq), c(x).matmul(wk), c(x).matmul(wv)).output()
                .matmul(wo);
        assertClose("one head", ref.value(), mha.apply(c(x)).value());
    }

    private static void assertClose(String what, Tensor expected, Tensor actual) {
        assertEquals(expected.shape(), actual.shape(), what + ": shape");
        float[] e = expected.toArray();
        float[] a = actual.toArray();
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], 1e-6f, what + ": element " + i);
        }
    }

    private static Variable c(Tensor t) {
        return Variable.constant(t);
    }

    private static Masked m(Tensor t) {
        return Masked.of(Variable.constant(t));
    }
}
