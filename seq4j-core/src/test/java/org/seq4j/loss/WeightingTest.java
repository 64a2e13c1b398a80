package org.seq4j.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.seq4j.autograd.Variable;
import org.seq4j.tensor.IntTensor;
import org.seq4j.tensor.Tensor;

/** Reductions, sample weights, sequence masks and ignore_class, against values worked out by hand. */
class WeightingTest {
    /** Per-sample losses 1, 2, 3, 4 as a (2, 2) "sequence" loss: MSE of a (2, 2, 1) prediction against zeros. */
    private static final Tensor PRED = Tensor.of(new float[] {1f, (float) Math.sqrt(2), (float) Math.sqrt(3), 2f}, 2, 2, 1);
    private static final Tensor ZERO = Tensor.zeros(2, 2, 1);

    private static float reduce(Reduction r, Weighting w) {
        return new MeanSquaredError(r).compute(Variable.constant(PRED), ZERO, w).value().item();
    }

    @Test
    void reductions() {
        assertEquals(2.5f, reduce(Reduction.SUM_OVER_BATCH_SIZE, Weighting.none()), 1e-5f);
        assertEquals(10f, reduce(Reduction.SUM, Weighting.none()), 1e-5f);
        assertEquals(2.5f, reduce(Reduction.MEAN_WITH_SAMPLE_WEIGHT, Weighting.none()), 1e-5f);
        Tensor none = new MeanSquaredError(Reduction.NONE).compute(Variable.constant(PRED), ZERO).value();
        assertEquals(4f, none.get(1, 1), 1e-5f);
    }

    @Test
    void sampleWeightPerSequenceScalesEveryStep() {
        Weighting w = Weighting.of(Tensor.of(new float[] {2f, 0f}, 2)); // (B,) weight for a (B, T) loss
        assertEquals((2 * 1 + 2 * 2) / 4f, reduce(Reduction.SUM_OVER_BATCH_SIZE, w), 1e-5f);
        assertEquals((2 * 1 + 2 * 2) / 2f, reduce(Reduction.MEAN_WITH_SAMPLE_WEIGHT, w), 1e-5f); // ÷ Σ_b w_b
        assertEquals(6f, reduce(Reduction.SUM, w), 1e-5f);
    }

    @Test
    void maskAveragesOverValidSteps() {
        Weighting m = Weighting.masked(Tensor.of(new float[] {1f, 1f, 1f, 0f}, 2, 2));
        assertEquals((1 + 2 + 3) / 3f, reduce(Reduction.SUM_OVER_BATCH_SIZE, m), 1e-5f);
        assertEquals(6f, reduce(Reduction.SUM, m), 1e-5f);
        Weighting both = m.withSampleWeight(Tensor.of(new float[] {1f, 3f}, 2));
        assertEquals((1 + 2 + 3 * 3) / 3f, reduce(Reduction.SUM_OVER_BATCH_SIZE, both), 1e-5f);
        assertEquals((1 + 2 + 9) / 5f, reduce(Reduction.MEAN_WITH_SAMPLE_WEIGHT, both), 1e-5f);
    }

    @Test
    void allMaskedGivesZero() {
        Weighting m = Weighting.masked(Tensor.zeros(2, 2));
        assertEquals(0f, reduce(Reduction.SUM_OVER_BATCH_SIZE, m), 0f);
        assertEquals(0f, reduce(Reduction.MEAN_WITH_SAMPLE_WEIGHT, m), 0f);
        assertNull(Weighting.none().weightsFor(org.seq4j.tensor.Shape.of(2), Reduction.SUM));
    }

    @Test
    void maskedGradientReachesOnlyValidSteps() {
        Variable x = Variable.parameter(PRED);
        MeanSquaredError.create().compute(x, ZERO, Weighting.masked(Tensor.of(new float[] {1f, 0f, 1f, 0f}, 2, 2)))
                .backward();
        // d/dx of (x0² + x2²)/2 = x
        assertEquals(1f, x.grad().get(0, 0, 0), 1e-5f);
        assertEquals(0f, x.grad().get(0, 1, 0), 0f);
        assertEquals((float) Math.sqrt(3), x.grad().get(1, 0, 0), 1e-5f);
    }

    @Test
    void sequenceCrossEntropyWithMaskIsTheMeanOverValidSteps() {
        Tensor logits = Tensor.uniform(org.seq4j.tensor.Shape.of(2, 3, 4), -2f, 2f, new java.util.SplittableRandom(5));
        IntTensor ids = IntTensor.of(new int[] {1, 2, 3, 0, 1, 2}, 2, 3);
        Tensor mask = Tensor.of(new float[] {1f, 1f, 0f, 1f, 0f, 0f}, 2, 3);
        var loss = SparseCategoricalCrossentropy.logits();
        Tensor steps = loss.perSample(Variable.constant(logits), ids).value();                // (2, 3)
        float expected = (steps.get(0, 0) + steps.get(0, 1) + steps.get(1, 0)) / 3f;
        assertEquals(expected, loss.compute(Variable.constant(logits), ids, Weighting.masked(mask)).value().item(),
                1e-5f);
    }

    @Test
    void ignoreClassMasksPositions() {
        // two sequences of two steps, uniform logits over 4 classes: each valid step costs log 4
        Variable logits = Variable.parameter(Tensor.zeros(2, 2, 4));
        IntTensor ids = IntTensor.of(new int[] {1, 0, 3, 0}, 2, 2); // 0 = padding
        var loss = SparseCategoricalCrossentropy.logits().ignoreClass(0);
        Tensor perSample = loss.perSample(logits, ids).value();
        assertEquals(0f, perSample.get(0, 1), 0f);
        assertEquals((float) Math.log(4), perSample.get(1, 0), 1e-6f);
        Variable reduced = loss.compute(logits, ids);
        assertEquals((float) Math.log(4), reduced.value().item(), 1e-5f);
        reduced.backward();
        assertEquals(0f, logits.grad().get(0, 1, 2), 0f);
        assertEquals((0.25f - 1f) / 2f, logits.grad().get(0, 0, 1), 1e-5f);
    }

    @Test
    void labelsAlignAndMismatchesAreNamed() {
        // (B,) labels for a (B, 1) prediction, as a sigmoid classifier gives
        Tensor p = Tensor.of(new float[] {0.5f, 0.5f}, 2, 1);
        float bce = BinaryCrossentropy.probabilities().compute(Variable.constant(p), Tensor.of(new float[] {1f, 0f}, 2))
                .value().item();
        assertEquals((float) Math.log(2), bce, 1e-6f);
        assertThrows(IllegalArgumentException.class,
                () -> MeanSquaredError.create().compute(Variable.constant(Tensor.zeros(2, 3)), Tensor.zeros(3, 2)));
        assertThrows(IllegalArgumentException.class,
                () -> SparseCategoricalCrossentropy.logits().compute(Variable.constant(Tensor.zeros(2, 3)),
                        IntTensor.of(new int[] {0, 1, 2}, 3)));
    }

    @Test
    void labelSmoothingMatchesKeras() {
        // Keras: BCE(y=[1], p=[0.9], ls=0.2) uses t = 0.9; CCE(ls=0.3, C=3) uses t = [0.8, 0.1, 0.1]
        float bce = BinaryCrossentropy.probabilities().labelSmoothing(0.2f)
                .compute(Variable.constant(Tensor.of(new float[] {0.9f}, 1, 1)), Tensor.of(new float[] {1f}, 1, 1))
                .value().item();
        assertEquals(-(0.9 * Math.log(0.9) + 0.1 * Math.log(0.1)), bce, 1e-5);
        float cce = CategoricalCrossentropy.probabilities().labelSmoothing(0.3f)
                .compute(Variable.constant(Tensor.of(new float[] {0.6f, 0.3f, 0.1f}, 1, 3)),
                        Tensor.of(new float[] {1f, 0f, 0f}, 1, 3)).value().item();
        assertEquals(-(0.8 * Math.log(0.6) + 0.1 * Math.log(0.3) + 0.1 * Math.log(0.1)), cce, 1e-5);
    }

    @Test
    void clipsProbabilitiesLikeKeras() {
        // p = 0 and p = 1 are clipped to 1e-7 and 1 − 1e-7: finite losses, −log(1e-7) ≈ 16.118
        float bce = BinaryCrossentropy.probabilities()
                .compute(Variable.constant(Tensor.of(new float[] {0f, 1f}, 1, 2)), Tensor.of(new float[] {1f, 1f}, 1, 2))
                .value().item();
        assertEquals((16.118095f + 0f) / 2f, bce, 1e-3f);
    }

    @Test
    void huberHandValues() {
        // e = 0.5 (quadratic: 0.125) and e = 3 (linear: 3 − 0.5 = 2.5), δ = 1
        float h = Huber.create().compute(Variable.constant(Tensor.of(new float[] {0.5f, 3f}, 1, 2)), Tensor.zeros(1, 2))
                .value().item();
        assertEquals((0.125f + 2.5f) / 2f, h, 1e-6f);
    }
}
