package org.seq4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.seq4j.loss.BinaryCrossentropy;
import org.seq4j.loss.MeanSquaredError;
import org.seq4j.loss.SparseCategoricalCrossentropy;
import org.seq4j.tensor.Tensor;

/** Every metric against values worked out by hand. */
class MetricsTest {
    private static final double EPS = 1e-6;
    private static final MeanSquaredError NO_LOGITS = MeanSquaredError.create();

    private static Metric metric(MetricSpec spec) {
        return spec.create(NO_LOGITS);
    }

    @Test
    void binaryAccuracyThresholdsAtHalfAndStreamsAcrossBatches() {
        Metric m = metric(MetricSpec.binaryAccuracy());
        // 0.7>0.5=1 vs 1 ok; 0.4→0 vs 1 wrong; 0.2→0 vs 0 ok
        m.update(Tensor.of(new float[] {0.7f, 0.4f, 0.2f}, 3, 1), Tensor.of(new float[] {1, 1, 0}, 3), null);
        assertEquals(2.0 / 3, m.result(), EPS);
        m.update(Tensor.of(new float[] {0.9f}, 1, 1), Tensor.of(new float[] {0}, 1), null);
        assertEquals(2.0 / 4, m.result(), EPS);
        m.reset();
        assertEquals(0, m.result(), EPS);
    }

    @Test
    void autoAccuracyUsesLogitThresholdForALogitsLoss() {
        Metric m = MetricSpec.accuracy().create(BinaryCrossentropy.logits());
        // logits 0.3 → positive (sigmoid > 0.5); −0.1 → negative
        m.update(Tensor.of(new float[] {0.3f, -0.1f}, 2, 1), Tensor.of(new float[] {1, 0}, 2, 1), null);
        assertEquals(1.0, m.result(), EPS);
        assertEquals("accuracy", m.name());
    }

    @Test
    void autoAccuracyPicksSparseOrCategoricalFromTargets() {
        Tensor pred = Tensor.of(new float[] {0.1f, 0.7f, 0.2f, 0.5f, 0.3f, 0.2f}, 2, 3); // argmax 1, 0
        Metric sparse = metric(MetricSpec.accuracy());
        sparse.update(pred, Tensor.of(new float[] {1, 2}, 2), null);
        assertEquals(0.5, sparse.result(), EPS);
        Metric categorical = metric(MetricSpec.accuracy());
        categorical.update(pred, Tensor.of(new float[] {0, 1, 0, 1, 0, 0}, 2, 3), null);
        assertEquals(1.0, categorical.result(), EPS);
    }

    @Test
    void weightsAndMasksCountOnlyWhatTheyWeigh() {
        Metric m = metric(MetricSpec.sparseCategoricalAccuracy());
        Tensor pred = Tensor.of(new float[] {0.9f, 0.1f, 0.2f, 0.8f, 0.6f, 0.4f}, 3, 2); // argmax 0, 1, 0
        // correct, wrong, correct with weights 1, 3, 0 → 1 / 4
        m.update(pred, Tensor.of(new float[] {0, 0, 0}, 3), Tensor.of(new float[] {1, 3, 0}, 3));
        assertEquals(0.25, m.result(), EPS);
    }

    @Test
    void sequenceMaskOnPerStepAccuracy() {
        Metric m = metric(MetricSpec.sparseCategoricalAccuracy());
        // (1, 3, 2): argmax 0, 1, 1; ids 0, 0, 1; step 2 is padding → 1 of 2 real steps right
        Tensor pred = Tensor.of(new float[] {0.9f, 0.1f, 0.2f, 0.8f, 0.3f, 0.7f}, 1, 3, 2);
        m.update(pred, Tensor.of(new float[] {0, 0, 1}, 1, 3), Tensor.of(new float[] {1, 1, 0}, 1, 3));
        assertEquals(0.5, m.result(), EPS);
    }

    @Test
    void topKCountsTargetsAmongTheKHighest() {
        Tensor pred = Tensor.of(new float[] {0.5f, 0.3f, 0.2f, 0.1f, 0.2f, 0.7f}, 2, 3);
        Metric m = metric(MetricSpec.sparseTopK(2));
        // row 0: id 2 is 3rd → no; row 1: id 1 is 2nd → yes
        m.update(pred, Tensor.of(new float[] {2, 1}, 2), null);
        assertEquals(0.5, m.result(), EPS);
        assertEquals("sparse_top_k_categorical_accuracy", m.name());
    }

    @Test
    void binaryPrecisionRecallF1() {
        // predictions > 0.5: 1 1 0 1 0 ; truth: 1 0 1 1 0 → TP 2, FP 1, FN 1
        Tensor pred = Tensor.of(new float[] {0.9f, 0.6f, 0.4f, 0.8f, 0.1f}, 5, 1);
        Tensor truth = Tensor.of(new float[] {1, 0, 1, 1, 0}, 5, 1);
        for (MetricSpec s : new MetricSpec[] {MetricSpec.precision(), MetricSpec.recall(), MetricSpec.f1()}) {
            Metric m = metric(s);
            m.update(pred, truth, null);
            assertEquals(2.0 / 3, m.result(), EPS, m.name());
        }
    }

    @Test
    void macroPrecisionRecallF1OverClasses() {
        // predicted 0 0 1 2 2, truth 0 1 1 2 0
        // class 0: TP1 FP1 FN1 → P .5 R .5 F .5;  class 1: TP1 FP0 FN1 → P 1 R .5 F 2/3;
        // class 2: TP1 FP1 FN0 → P .5 R 1 F 2/3
        Tensor pred = Tensor.of(new float[] {
                9, 0, 0,  9, 0, 0,  0, 9, 0,  0, 0, 9,  0, 0, 9}, 5, 3);
        Tensor ids = Tensor.of(new float[] {0, 1, 1, 2, 0}, 5);
        Metric p = metric(new MetricSpec.Precision(MetricSpec.Average.MACRO, 0.5f));
        Metric r = metric(new MetricSpec.Recall(MetricSpec.Average.MACRO, 0.5f));
        Metric f = metric(new MetricSpec.F1Score(MetricSpec.Average.MACRO, 0.5f));
        for (Metric m : new Metric[] {p, r, f}) {
            m.update(pred, ids, null);
        }
        assertEquals((0.5 + 1 + 0.5) / 3, p.result(), EPS);
        assertEquals((0.5 + 0.5 + 1) / 3, r.result(), EPS);
        assertEquals((0.5 + 2.0 / 3 + 2.0 / 3) / 3, f.result(), EPS);
    }

    @Test
    void perplexityIsExpOfMeanTokenCrossEntropyOverRealTokens() {
        // probabilities of the true tokens: 0.5, 0.25, (padding)
        Tensor pred = Tensor.of(new float[] {0.5f, 0.5f, 0.75f, 0.25f, 0.1f, 0.9f}, 1, 3, 2);
        Tensor ids = Tensor.of(new float[] {0, 1, 0}, 1, 3);
        Metric m = MetricSpec.perplexity().create(SparseCategoricalCrossentropy.probabilities());
        m.update(pred, ids, Tensor.of(new float[] {1, 1, 0}, 1, 3));
        double meanCe = (-Math.log(0.5) - Math.log(0.25)) / 2;
        assertEquals(Math.exp(meanCe), m.result(), 1e-4);
    }

    @Test
    void perplexityOnLogits() {
        Tensor logits = Tensor.of(new float[] {0f, 0f, 0f, 0f}, 1, 4);    // uniform over 4 → perplexity 4
        Metric m = MetricSpec.perplexity().create(SparseCategoricalCrossentropy.logits());
        m.update(logits, Tensor.of(new float[] {3}, 1), null);
        assertEquals(4.0, m.result(), 1e-4);
    }
}
