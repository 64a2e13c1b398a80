package org.seq4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.seq4j.loss.MeanSquaredError;
import org.seq4j.loss.SparseCategoricalCrossentropy;
import org.seq4j.nn.Dense;
import org.seq4j.nn.Functional;
import org.seq4j.nn.Merge;
import org.seq4j.nn.Node;
import org.seq4j.tensor.IntTensor;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

class FitTest {

    private static Model<IntTensor> classifier(long seed) {
        Model<IntTensor> m = Model.of(Problems.bagOfWords(seed));
        return m.compile(CompileOptions.of(SparseCategoricalCrossentropy.logits(), OptimizerSpec.adam(0.02f))
                .metrics(MetricSpec.accuracy()));
    }

    @Test
    void learnsASeparableTokenClassifier() {
        Model<IntTensor> model = classifier(1);
        History h = model.fit(Problems.keyToken(400, 2), Problems.keyToken(100, 3),
                Problems.quiet().epochs(12).batchSize(16));
        assertEquals(12, h.logs().size());
        assertTrue(h.get("loss").get(11) < h.get("loss").get(0), h.get("loss").toString());
        assertTrue(h.last().get("val_accuracy") > 0.95, h.last().toString());
        assertEquals(List.of("loss", "accuracy", "val_loss", "val_accuracy", "lr"), List.copyOf(h.last().keySet()));
    }

    @Test
    void learnsXorWithMeanSquaredError() {
        Model<Tensor> model = Model.of(Problems.mlp(5));
        model.compile(CompileOptions.of(MeanSquaredError.create(), OptimizerSpec.adam(0.05f)));
        History h = model.fit(Problems.xor(4), Problems.quiet().epochs(150).batchSize(8));
        assertTrue(h.last().get("loss") < 0.02, h.last().toString());
        float[] p = model.predict(Problems.xor(1).x().get(0)).toArray();
        assertArrayEquals(new float[] {0, 1, 1, 0}, new float[] {Math.round(p[0]), Math.round(p[1]),
                Math.round(p[2]), Math.round(p[3])});
    }

    @Test
    void validationSplitHoldsOutTheLastRowsBeforeShuffling() {
        Dataset<IntTensor> data = Problems.keyToken(100, 4);
        Model<IntTensor> split = classifier(7);
        History h = split.fit(data, Problems.quiet().epochs(2).validationSplit(0.2));
        Model<IntTensor> explicit = classifier(7);
        explicit.fit(data.range(0, 80), Problems.quiet().epochs(2));
        assertEquals(explicit.weightValues().toString(), split.weightValues().toString());
        assertWeightsEqual(explicit, split);
        Map<String, Double> held = split.evaluate(data.range(80, 100), 32);
        assertEquals(held.get("loss"), h.last().get("val_loss"), 1e-6);
        assertEquals(held.get("accuracy"), h.last().get("val_accuracy"), 1e-9);
    }

    @Test
    void sameSeedGivesBitIdenticalWeightsAndAnotherSeedDoesNot() {
        Dataset<IntTensor> data = Problems.keyToken(96, 5);
        Model<IntTensor> a = classifier(3);
        Model<IntTensor> b = classifier(3);
        Model<IntTensor> c = classifier(3);
        a.fit(data, Problems.quiet().epochs(2).seed(11));
        b.fit(data, Problems.quiet().epochs(2).seed(11));
        c.fit(data, Problems.quiet().epochs(2).seed(12));
        assertWeightsEqual(a, b);
        assertFalse(a.weightValues().get("dense/kernel").allClose(c.weightValues().get("dense/kernel"), 0f, 0f));
    }

    @Test
    void evaluateAndPredictShapes() {
        Model<IntTensor> model = classifier(2);
        Dataset<IntTensor> data = Problems.keyToken(45, 6);   // not a multiple of the batch size
        assertEquals(Shape.of(45, 2), model.predict(data.x().get(0)).shape());
        Map<String, Double> scores = model.evaluate(data.x().get(0), data.y());
        assertEquals(List.of("loss", "accuracy"), List.copyOf(scores.keySet()));
        assertTrue(scores.get("accuracy") >= 0 && scores.get("accuracy") <= 1);
        assertTrue(model.summary().contains("global_average_pooling1d (GlobalAveragePooling1D)"), model.summary());
    }

    @Test
    void multiInputFunctionalModel() {
        SplittableRandom rng = new SplittableRandom(1);
        Node a = Node.input("a", 1);
        Node b = Node.input("b", 1);
        Node both = new Merge(Merge.Config.concatenate(-1)).on(a, b);
        Functional net = Functional.of("sum", List.of(a, b), List.of(new Dense(Dense.Config.of(2, 1), rng).on(both)));
        Model<Tensor> model = Model.of(net);
        model.compile(CompileOptions.of(MeanSquaredError.create(), OptimizerSpec.adam(0.1f)));
        float[] xa = new float[64];
        float[] xb = new float[64];
        float[] y = new float[64];
        for (int i = 0; i < 64; i++) {
            xa[i] = rng.nextFloat();
            xb[i] = rng.nextFloat();
            y[i] = 2 * xa[i] - xb[i];
        }
        List<Tensor> x = List.of(Tensor.of(xa, 64, 1), Tensor.of(xb, 64, 1));
        History h = model.fit(x, Tensor.of(y, 64, 1), Problems.quiet().epochs(60).batchSize(16));
        assertTrue(h.last().get("loss") < 1e-3, h.last().toString());
        assertEquals(Shape.of(64, 1), model.predict(x, 32).shape());
    }

    @Test
    void streamedBatchesWithStepsPerEpochContinueAcrossEpochs() {
        Dataset<IntTensor> data = Problems.keyToken(20, 8);
        List<Batch<IntTensor>> source = new ArrayList<>();
        data.batches(10, null).forEach(source::add);                     // 2 batches
        List<Integer> seen = new ArrayList<>();
        Callback counter = new Callback() {
            @Override
            public void onBatchEnd(Model<?> model, int batch, Map<String, Double> logs) {
                seen.add(batch);
            }
        };
        Model<IntTensor> model = classifier(1);
        model.fit(source, source, Problems.quiet().epochs(2).stepsPerEpoch(3).callbacks(counter));
        assertEquals(List.of(0, 1, 2, 0, 1, 2), seen);
        assertEquals(6, model.optimizer().iterations());
    }

    @Test
    void sampleAndClassWeightsScaleTheLoss() {
        Dataset<IntTensor> data = Problems.keyToken(32, 9);
        Model<IntTensor> frozen = Model.of(Problems.bagOfWords(1, 0f));   // no dropout: training loss = evaluation loss
        frozen.compile(CompileOptions.of(SparseCategoricalCrossentropy.logits(), OptimizerSpec.sgd(0f)));
        double plain = frozen.evaluate(data, 32).get("loss");
        History byClass = frozen.fit(data, Problems.quiet().batchSize(32).classWeight(Map.of(0, 3f, 1, 3f)));
        assertEquals(3 * plain, byClass.last().get("loss"), 1e-5);
        History bySample = frozen.fit(data.withSampleWeight(Tensor.full(Shape.of(32), 0.5f)),
                Problems.quiet().batchSize(32));
        assertEquals(0.5 * plain, bySample.last().get("loss"), 1e-5);
    }

    @Test
    void oneLinePerEpochOutput() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        classifier(1).fit(Problems.keyToken(40, 1), FitOptions.defaults().epochs(2).batchSize(16).validationSplit(0.25)
                .verbose(Verbosity.ONE_LINE).out(out));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\\R");
        assertEquals(4, lines.length, String.join("\n", lines));
        assertEquals("Epoch 1/2", lines[0]);
        assertTrue(lines[1].matches("2/2 - \\d+s - loss: \\d\\.\\d{4} - accuracy: \\d\\.\\d{4}"
                + " - val_loss: \\d\\.\\d{4} - val_accuracy: \\d\\.\\d{4}"), lines[1]);
        assertEquals("Epoch 2/2", lines[2]);
    }

    @Test
    void progressBarModeRedrawsInPlace() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        classifier(1).fit(Problems.keyToken(40, 1), FitOptions.defaults().batchSize(16)
                .verbose(Verbosity.PROGRESS_BAR).out(out));
        String s = bytes.toString(StandardCharsets.UTF_8);
        String first = "\r1/3 [=========>....................] - ETA: ";
        assertTrue(s.startsWith("Epoch 1/1" + System.lineSeparator() + first), s);
        assertTrue(s.matches("(?s).*\r3/3 \\[==============================\\] - \\d+s \\d+[mu]?s/step - loss: "
                + "\\d\\.\\d{4} - accuracy: \\d\\.\\d{4} *" + System.lineSeparator()), s);
    }

    static void assertWeightsEqual(Model<?> a, Model<?> b) {
        Map<String, Tensor> wa = a.weightValues();
        Map<String, Tensor> wb = b.weightValues();
        assertEquals(wa.keySet(), wb.keySet());
        wa.forEach((k, v) -> assertArrayEquals(v.toArray(), wb.get(k).toArray(), 0f, k));
    }
}
