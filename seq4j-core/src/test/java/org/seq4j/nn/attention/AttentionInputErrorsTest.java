package org.seq4j.nn.attention;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.seq4j.autograd.Variable;
import org.seq4j.nn.Context;
import org.seq4j.nn.Masked;
import org.seq4j.tensor.Tensor;

/** Bad input fails at once with a message that names the layer and the shapes involved. */
class AttentionInputErrorsTest {

    private static void fails(Executable call, String... mentions) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String m : mentions) {
            assertTrue(e.getMessage().contains(m), "message '" + e.getMessage() + "' should mention '" + m + "'");
        }
    }

    private static Masked x(int... dims) {
        return Masked.of(Variable.constant(Tensor.zeros(dims)));
    }

    private static Masked x(Tensor mask, int... dims) {
        return new Masked(Variable.constant(Tensor.zeros(dims)), mask);
    }

    @Test
    void attentionLayers() {
        Attention luong = new Attention(Attention.Config.of().name("luong"));
        Context inf = Context.inference();
        fails(() -> luong.call(List.of(x(2, 3, 4)), inf), "luong", "Attention", "got 1 inputs");
        fails(() -> luong.call(List.of(x(2, 3, 4), x(2, 5, 4), x(2, 5, 4), x(2, 5, 4)), inf), "luong", "got 4");
        fails(() -> luong.call(List.of(x(2, 3, 4), x(2, 5, 6)), inf), "luong", "depths", "(2, 3, 4)", "(2, 5, 6)");
        fails(() -> luong.call(List.of(x(2, 3, 4), x(2, 5, 4), x(2, 6, 4)), inf), "luong", "lengths", "(2, 6, 4)");
        fails(() -> luong.call(List.of(x(2, 3, 4), x(3, 5, 4)), inf), "luong", "batch", "(3, 5, 4)");
        fails(() -> luong.call(List.of(x(3, 4), x(2, 5, 4)), inf), "luong", "(B, T, d)", "(3, 4)");
        fails(() -> luong.call(List.of(x(2, 3, 4), x(Tensor.ones(2, 4), 2, 5, 4)), inf), "luong", "value mask",
                "(2, 4)", "(2, 5, 4)");
        fails(() -> luong.call(List.of(x(Tensor.ones(3, 3), 2, 3, 4), x(2, 5, 4)), inf), "luong", "query mask",
                "(3, 3)");
        AdditiveAttention bahdanau = new AdditiveAttention(AdditiveAttention.Config.of(4).name("bahdanau"),
                new SplittableRandom(0));
        fails(() -> bahdanau.call(List.of(x(2, 3, 5), x(2, 5, 5)), inf), "bahdanau", "depth 4", "(2, 3, 5)");
    }

    @Test
    void multiHeadAttention() {
        MultiHeadAttention mha = new MultiHeadAttention(MultiHeadAttention.Config.of(2, 3, 8).name("mha")
                .valueInputDim(6), new SplittableRandom(0));
        Context inf = Context.inference();
        fails(() -> mha.call(List.of(), inf), "mha", "got 0 inputs");
        fails(() -> mha.call(List.of(x(2, 3, 8), x(2, 5, 6), x(2, 5, 6), x(2, 5, 6)), inf), "mha", "got 4 inputs");
        fails(() -> mha.call(List.of(x(2, 3, 7), x(2, 5, 6)), inf), "mha", "query 8", "(2, 3, 7)");
        fails(() -> mha.call(List.of(x(2, 3, 8), x(2, 5, 8)), inf), "mha", "value 6", "(2, 5, 8)");
        fails(() -> mha.call(List.of(x(2, 3, 8), x(2, 5, 6), x(2, 4, 6)), inf), "mha", "lengths", "(2, 4, 6)");
        fails(() -> mha.call(List.of(x(2, 3, 8), x(Tensor.ones(2, 4), 2, 5, 6)), inf), "mha", "value mask",
                "(2, 4)", "(2, 5, 6)");
        fails(() -> mha.attend(List.of(x(2, 3, 8), x(2, 5, 6)), Tensor.ones(2, 3, 4), inf), "mha",
                "attention mask", "(2, 3, 4)", "(2, 3, 5)");
        fails(() -> new MultiHeadAttention(MultiHeadAttention.Config.of(0, 3, 8), new SplittableRandom(0)),
                "MultiHeadAttention", "heads 0");
    }

    @Test
    void scaledDotProductAttention() {
        Variable q = Variable.constant(Tensor.zeros(2, 3, 4));
        Variable k = Variable.constant(Tensor.zeros(2, 5, 4));
        Variable v = Variable.constant(Tensor.zeros(2, 5, 6));
        fails(() -> ScaledDotProductAttention.attend(q, Variable.constant(Tensor.zeros(2, 5, 3)), v),
                "ScaledDotProductAttention", "depths", "(2, 5, 3)");
        fails(() -> ScaledDotProductAttention.attend(q, k, Variable.constant(Tensor.zeros(2, 4, 6))),
                "ScaledDotProductAttention", "lengths", "(2, 4, 6)");
        fails(() -> ScaledDotProductAttention.attend(q, k, v,
                ScaledDotProductAttention.Options.defaults().keyPaddingMask(Tensor.ones(2, 3))),
                "ScaledDotProductAttention", "key padding mask", "(2, 3)");
        fails(() -> ScaledDotProductAttention.attend(q, k, v,
                ScaledDotProductAttention.Options.defaults().attentionMask(Tensor.ones(4, 5))),
                "ScaledDotProductAttention", "attention mask", "(4, 5)", "(2, 3, 5)");
    }

    @Test
    void positions() {
        PositionEmbedding learned = new PositionEmbedding(PositionEmbedding.Config.of(4, 6).name("wpe"),
                new SplittableRandom(0));
        fails(() -> learned.apply(Variable.constant(Tensor.zeros(2, 5, 6))), "wpe", "T ≤ 4", "(2, 5, 6)");
        fails(() -> learned.apply(Variable.constant(Tensor.zeros(2, 3, 5))), "wpe", "(2, 3, 5)");
        PositionalEncoding pe = new PositionalEncoding(PositionalEncoding.Config.of().name("pe"));
        fails(() -> pe.apply(Variable.constant(Tensor.zeros(2, 5))), "pe", "(2, 5)");
    }
}
