package org.seq4j.nn.attention;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.seq4j.autograd.GradCheck;
import org.seq4j.autograd.Variable;
import org.seq4j.nn.Context;
import org.seq4j.nn.Masked;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/**
 * Finite-difference checks of every attention layer with respect to its inputs and its weights, with masks that
 * leave every query at least one key (a fully masked row is flat in float32 at −1e9, while the additive form, as in
 * Keras, still passes it a gradient).
 */
class AttentionGradCheckTest {
    private final SplittableRandom rng = new SplittableRandom(11);

    private Tensor rand(int... dims) {
        return Tensor.uniform(Shape.of(dims), -1f, 1f, rng);
    }

    private static final Tensor VALUE_MASK = Tensor.of(new float[] {1, 1, 1, 0, 1, 1, 0, 0}, 2, 4);
    private static final Tensor QUERY_MASK = Tensor.of(new float[] {1, 1, 0, 1, 1, 1}, 2, 3);

    @Test
    void scaledDotProductAttentionWithHeadsCausalAndPadding() {
        var o = ScaledDotProductAttention.Options.defaults().causal(true)
                .keyPaddingMask(Tensor.of(new float[] {1, 1, 1, 0, 1, 1, 0, 1}, 2, 4));
        GradCheck.check(x -> ScaledDotProductAttention.attend(x.get(0), x.get(1), x.get(2), o).output(),
                List.of(rand(2, 2, 3, 4), rand(2, 2, 4, 4), rand(2, 2, 4, 3)));
    }

    @Test
    void attentionDotScaleCausalMasksAndKey() {
        Attention layer = new Attention(Attention.Config.of().useScale(true).useCausalMask(true));
        layer.setWeight("scale", Tensor.scalar(0.7f));
        Tensor q = rand(2, 3, 4);
        Tensor v = rand(2, 4, 5);
        Tensor k = rand(2, 4, 4);
        GradCheck.check(x -> run(layer, x.get(0), x.get(1), x.get(2)), List.of(q, v, k));
        WeightGradCheck.check(layer, () -> run(layer, Variable.constant(q), Variable.constant(v), Variable.constant(k)));
    }

    @Test
    void attentionConcatScale() {
        Attention layer = new Attention(Attention.Config.of().useScale(true).scoreMode(Attention.ScoreMode.CONCAT));
        layer.setWeight("scale", Tensor.scalar(0.8f));
        layer.setWeight("concat_score_weight", Tensor.scalar(1.3f));
        Tensor q = rand(2, 3, 4);
        Tensor v = rand(2, 4, 4);
        GradCheck.check(x -> run(layer, x.get(0), x.get(1), null), List.of(q, v));
        WeightGradCheck.check(layer, () -> run(layer, Variable.constant(q), Variable.constant(v), null));
    }

    @Test
    void additiveAttentionWithMasks() {
        AdditiveAttention layer = new AdditiveAttention(AdditiveAttention.Config.of(4), new SplittableRandom(3));
        Tensor q = rand(2, 3, 4);
        Tensor v = rand(2, 4, 4);
        GradCheck.check(x -> run(layer, x.get(0), x.get(1), null), List.of(q, v));
        WeightGradCheck.check(layer, () -> run(layer, Variable.constant(q), Variable.constant(v), null));
    }

    @Test
    void multiHeadCrossAttentionCausalWithMasks() {
        var config = MultiHeadAttention.Config.of(2, 3, 4).valueInputDim(5).keyInputDim(3).valueDim(2).outputDim(6)
                .useCausalMask(true);
        MultiHeadAttention layer = new MultiHeadAttention(config, new SplittableRandom(5));
        Tensor q = rand(2, 3, 4);
        Tensor v = rand(2, 4, 5);
        Tensor k = rand(2, 4, 3);
        GradCheck.check(x -> mha(layer, x.get(0), x.get(1), x.get(2)), List.of(q, v, k));
        WeightGradCheck.check(layer, () -> mha(layer, Variable.constant(q), Variable.constant(v),
                Variable.constant(k)));
    }

    @Test
    void multiHeadSelfAttention() {
        MultiHeadAttention layer = new MultiHeadAttention(MultiHeadAttention.Config.of(3, 2, 4),
                new SplittableRandom(6));
        Tensor x0 = rand(2, 3, 4);
        GradCheck.check(x -> layer.apply(x.get(0)), List.of(x0));
        WeightGradCheck.check(layer, () -> layer.apply(Variable.constant(x0)));
    }

    @Test
    void positionalEncodingAndPositionEmbedding() {
        PositionalEncoding pe = new PositionalEncoding(PositionalEncoding.Config.of());
        GradCheck.check(x -> pe.apply(x.get(0)), List.of(rand(2, 3, 4)));
        PositionEmbedding learned = new PositionEmbedding(PositionEmbedding.Config.of(5, 4), new SplittableRandom(1));
        Tensor x0 = rand(2, 3, 4);
        GradCheck.check(x -> learned.apply(x.get(0)), List.of(x0));
        WeightGradCheck.check(learned, () -> learned.apply(Variable.constant(x0)).tanh());
    }

    /** Query (B=2, Tq=3) with QUERY_MASK, value (B=2, Tv=4) with VALUE_MASK, optional key. */
    private static Variable run(BaseDenseAttention layer, Variable q, Variable v, Variable k) {
        List<Masked> in = k == null
                ? List.of(new Masked(q, QUERY_MASK), new Masked(v, VALUE_MASK))
                : List.of(new Masked(q, QUERY_MASK), new Masked(v, VALUE_MASK), Masked.of(k));
        return layer.attend(in, Context.inference()).output().value();
    }

    private static Variable mha(MultiHeadAttention layer, Variable q, Variable v, Variable k) {
        // no query mask here: in MultiHeadAttention it masks whole rows of the scores
        List<Masked> in = List.of(Masked.of(q), new Masked(v, VALUE_MASK), Masked.of(k));
        return layer.attend(in, null, Context.inference()).output().value();
    }
}
