package org.seq4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seq4j.loss.SparseCategoricalCrossentropy;
import org.seq4j.optim.ReduceOnPlateau;
import org.seq4j.tensor.IntTensor;
import org.seq4j.tensor.Tensor;

class CallbacksTest {
    private final Dataset<IntTensor> data = Problems.keyToken(48, 1);

    private static Model<IntTensor> model() {
        return Model.<IntTensor>of(Problems.bagOfWords(1)).compile(
                CompileOptions.of(SparseCategoricalCrossentropy.logits(), OptimizerSpec.sgd(0.1f))
                        .metrics(MetricSpec.accuracy()));
    }

    /** Puts a scripted "score" into each epoch's logs and keeps the weights of each epoch end. */
    private static final class Script implements Callback {
        final double[] scores;
        final List<Map<String, Tensor>> weights = new ArrayList<>();

        Script(double... scores) {
            this.scores = scores;
        }

        @Override
        public void onEpochEnd(Model<?> model, int epoch, Map<String, Double> logs) {
            logs.put("score", scores[epoch]);
            weights.add(model.weightValues());
        }
    }

    @Test
    void earlyStoppingStopsAfterPatienceAndRestoresTheBestWeights() {
        Script script = new Script(3, 1, 2, 2.5, 0.1, 0.1);
        EarlyStopping stop = new EarlyStopping(EarlyStopping.Config.defaults().monitor("score").patience(2)
                .restoreBestWeights(true));
        Model<IntTensor> m = model();
        History h = m.fit(data, Problems.quiet().epochs(6).batchSize(16).callbacks(script, stop));
        assertEquals(4, h.logs().size());
        assertEquals(1, stop.bestEpoch());
        assertEquals(3, stop.stoppedEpoch());
        script.weights.get(1).forEach((k, v) -> assertTrue(v.allClose(m.weightValues().get(k), 0f, 0f), k));
        assertFalse(script.weights.get(3).get("dense/kernel").allClose(m.weightValues().get("dense/kernel"), 0f, 0f));
    }

    @Test
    void minDeltaDemandsARealImprovement() {
        Script script = new Script(1, 0.95, 0.9, 0.85);
        EarlyStopping stop = new EarlyStopping(EarlyStopping.Config.defaults().monitor("score").patience(1)
                .minDelta(0.1));
        model().fit(data, Problems.quiet().epochs(4).batchSize(16).callbacks(script, stop));
        assertEquals(0, stop.bestEpoch());
        assertEquals(1, stop.stoppedEpoch());
    }

    @Test
    void checkpointSavesOnlyImprovingEpochs(@TempDir Path dir) throws IOException {
        Script script = new Script(3, 1, 2, 0.5);
        ModelCheckpoint cp = new ModelCheckpoint(ModelCheckpoint.Config.of(dir.resolve("ckpt-{epoch}"))
                .monitor("score").saveBestOnly(true));
        model().fit(data, Problems.quiet().epochs(4).batchSize(16).callbacks(script, cp));
        try (var s = Files.list(dir)) {
            assertEquals(List.of("ckpt-1", "ckpt-2", "ckpt-4"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        Model<IntTensor> second = Model.load(dir.resolve("ckpt-2"), IntTensor.class);
        assertEquals(2, second.epoch());
        script.weights.get(1).forEach((k, v) -> assertTrue(v.allClose(second.weightValues().get(k), 0f, 0f), k));
    }

    @Test
    void csvLoggerWritesKerasColumns(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("log.csv");
        model().fit(data, Problems.quiet().epochs(3).batchSize(16).validationSplit(0.25)
                .callbacks(new CSVLogger(CSVLogger.Config.of(csv))));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(4, lines.size());
        assertEquals("epoch,accuracy,loss,lr,val_accuracy,val_loss", lines.get(0));
        assertTrue(lines.get(1).startsWith("0,"), lines.get(1));
        assertTrue(lines.get(3).startsWith("2,"), lines.get(3));
        assertEquals(6, lines.get(2).split(",").length);
    }

    @Test
    void learningRateSchedulerSetsEachEpochsRate() {
        Model<IntTensor> m = model();
        History h = m.fit(data, Problems.quiet().epochs(3).batchSize(16)
                .callbacks(new LearningRateScheduler((epoch, lr) -> 0.1f / (epoch + 1))));
        assertEquals(0.1, h.get("lr").get(0), 1e-7);
        assertEquals(0.05, h.get("lr").get(1), 1e-7);
        assertEquals(0.1 / 3, h.get("lr").get(2), 1e-7);
    }

    @Test
    void reduceLrOnPlateauHalvesAfterPatience() {
        Model<IntTensor> m = model();
        Script flat = new Script(3, 3, 3);
        History h = m.fit(data, Problems.quiet().epochs(3).batchSize(16).callbacks(flat,
                new ReduceLROnPlateau("score", ReduceOnPlateau.Config.defaults().factor(0.5f).patience(1))));
        assertEquals(List.of(0.1, 0.1, 0.05), h.get("lr").stream().map(v -> Math.round(v * 1e6) / 1e6).toList());
        assertEquals(0.025f, m.optimizer().learningRate(), 1e-8);
    }
}
