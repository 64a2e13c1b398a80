package org.seq4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.seq4j.autograd.GradMode;
import org.seq4j.autograd.Variable;
import org.seq4j.loss.SparseCategoricalCrossentropy;
import org.seq4j.nn.Dense;
import org.seq4j.nn.Embedding;
import org.seq4j.nn.Sequential;
import org.seq4j.tensor.IntTensor;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/**
 * A per-step model (Embedding(maskZero) → Dense on every step) on padded sequences: the mask the network produces
 * makes the loss and metrics those of the unpadded sequences.
 */
class MaskedSequenceTest {
    private static final int[][] SEQS = {{3, 1, 4, 1, 5}, {9, 2}, {6, 5, 3}, {5}};
    private static final int T = 5;
    private static final int CLASSES = 4;

    private static Sequential net(boolean maskZero) {
        SplittableRandom rng = new SplittableRandom(8);
        return new Sequential("tagger", Shape.of(T), List.of(
                new Embedding(Embedding.Config.of(10, 6).maskZero(maskZero), rng),
                new Dense(Dense.Config.of(6, CLASSES), rng)));
    }

    private static int target(int token) {
        return token % CLASSES;
    }

    /** Padded ids (B, T) and per-step targets (B, T), with a junk target 3 at the padding. */
    private static Dataset<IntTensor> padded() {
        float[] x = new float[SEQS.length * T];
        int[] y = new int[SEQS.length * T];
        java.util.Arrays.fill(y, 3);
        for (int i = 0; i < SEQS.length; i++) {
            for (int t = 0; t < SEQS[i].length; t++) {
                x[i * T + t] = SEQS[i][t];
                y[i * T + t] = target(SEQS[i][t]);
            }
        }
        return Dataset.of(Tensor.of(x, SEQS.length, T), IntTensor.of(y, SEQS.length, T));
    }

    @Test
    void maskedLossAndAccuracyEqualThoseOfTheUnpaddedSequences() {
        Sequential net = net(true);
        Model<IntTensor> model = Model.<IntTensor>of(net).compile(
                CompileOptions.of(SparseCategoricalCrossentropy.logits()).metrics(MetricSpec.accuracy()));
        Map<String, Double> scores = model.evaluate(padded(), 32);

        double ceSum = 0;
        int correct = 0;
        int tokens = 0;
        try (GradMode.Scope s = GradMode.noGrad()) {
            for (int[] seq : SEQS) {
                float[] x = new float[seq.length];
                int[] y = new int[seq.length];
                for (int t = 0; t < seq.length; t++) {
                    x[t] = seq[t];
                    y[t] = target(seq[t]);
                }
                Variable logits = net.apply(Variable.constant(Tensor.of(x, 1, seq.length)));   // (1, len, C)
                Tensor ce = SparseCategoricalCrossentropy.logits().perSample(logits, IntTensor.of(y, 1, seq.length))
                        .value();
                ceSum += ce.sum().item();
                int[] argmax = logits.value().argmax(-1).toArray();
                for (int t = 0; t < seq.length; t++) {
                    correct += argmax[t] == y[t] ? 1 : 0;
                }
                tokens += seq.length;
            }
        }
        assertEquals(ceSum / tokens, scores.get("loss"), 1e-6);
        assertEquals((double) correct / tokens, scores.get("accuracy"), 1e-12);

        Model<IntTensor> unmasked = Model.<IntTensor>of(net(false)).compile(
                CompileOptions.of(SparseCategoricalCrossentropy.logits()));
        assertNotEquals(scores.get("loss"), unmasked.evaluate(padded(), 32).get("loss"), 1e-4);
    }

    @Test
    void maskedGradientsEqualThoseOfTheUnpaddedTokenMean() {
        Sequential net = net(true);
        Dataset<IntTensor> data = padded();
        Scoring<IntTensor> scoring = new Scoring<>(SparseCategoricalCrossentropy.logits(), List.of(), Map.of());
        Batch<IntTensor> batch = new Batch<>(data.x(), data.y(), null);
        scoring.lossOf(net, batch, org.seq4j.nn.Context.inference()).backward();
        Map<String, Tensor> padded = new java.util.LinkedHashMap<>();
        net.weights().forEach((k, v) -> {
            padded.put(k, v.grad());
            v.zeroGrad();
        });

        int tokens = java.util.Arrays.stream(SEQS).mapToInt(a -> a.length).sum();
        Variable total = null;
        for (int[] seq : SEQS) {
            float[] x = new float[seq.length];
            int[] y = new int[seq.length];
            for (int t = 0; t < seq.length; t++) {
                x[t] = seq[t];
                y[t] = target(seq[t]);
            }
            Variable logits = net.apply(Variable.constant(Tensor.of(x, 1, seq.length)));
            IntTensor ids = IntTensor.of(y, 1, seq.length);
            Variable ce = SparseCategoricalCrossentropy.logits().perSample(logits, ids).sum();
            total = total == null ? ce : total.add(ce);
        }
        total.mul(1f / tokens).backward();
        net.weights().forEach((k, v) -> assertTrue(padded.get(k).allClose(v.grad(), 1e-5f, 1e-6f), k));
    }

    @Test
    void maskedTrainingLearnsTheTagger() {
        Model<IntTensor> model = Model.<IntTensor>of(net(true)).compile(
                CompileOptions.of(SparseCategoricalCrossentropy.logits(), OptimizerSpec.adam(0.05f))
                        .metrics(MetricSpec.accuracy()));
        History h = model.fit(padded(), Problems.quiet().epochs(60).batchSize(4));
        assertEquals(1.0, h.last().get("accuracy"), 1e-12);
    }
}
