package org.seq4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seq4j.loss.MeanSquaredError;
import org.seq4j.loss.SparseCategoricalCrossentropy;
import org.seq4j.optim.Clipping;
import org.seq4j.optim.CosineDecay;
import org.seq4j.optim.ExponentialDecay;
import org.seq4j.tensor.IntTensor;
import org.seq4j.tensor.Tensor;

/** Save after one epoch, load, train one more: the weights equal two uninterrupted epochs, bit for bit. */
class ResumeTest {

    private static Model<IntTensor> model() {
        return Model.<IntTensor>of(Problems.bagOfWords(4)).compile(
                CompileOptions.of(SparseCategoricalCrossentropy.logits(), OptimizerSpec.adam(0.01f))
                        .metrics(MetricSpec.accuracy(), MetricSpec.perplexity()));
    }

    @Test
    void resumedTrainingIsBitIdentical(@TempDir Path dir) throws IOException {
        Dataset<IntTensor> data = Problems.keyToken(80, 3);
        FitOptions o = Problems.quiet().batchSize(16).seed(99);   // shuffled, with dropout

        Model<IntTensor> straight = model();
        History full = straight.fit(data, o.epochs(2));

        Model<IntTensor> first = model();
        first.fit(data, o.epochs(1));
        first.optimizer().setLearningRate(0.01f);                // a constant rate is saved as such
        first.save(dir.resolve("m"));
        Model<IntTensor> resumed = Model.load(dir.resolve("m"), IntTensor.class);
        assertEquals(1, resumed.epoch());
        assertEquals(first.optimizer().iterations(), resumed.optimizer().iterations());
        History rest = resumed.fit(data, o.epochs(2).initialEpoch(resumed.epoch()));

        FitTest.assertWeightsEqual(straight, resumed);
        assertEquals(full.last(), rest.last());
        assertEquals(straight.optimizer().state().keySet(), resumed.optimizer().state().keySet());
        assertEquals(2, resumed.epoch());
    }

    @Test
    void compileOptionsRoundTripThroughTheModelFile(@TempDir Path dir) throws IOException {
        CompileOptions<IntTensor> options = CompileOptions.of(SparseCategoricalCrossentropy.logits().ignoreClass(0),
                OptimizerSpec.adamW(0.01f).learningRate(CosineDecay.of(0.01f, 100).warmup(0.02f, 10))
                        .clipping(Clipping.byGlobalNorm(1f)))
                .metrics(MetricSpec.accuracy(), MetricSpec.sparseTopK(3), MetricSpec.f1(),
                        new MetricSpec.Recall(MetricSpec.Average.MACRO, 0.5f), MetricSpec.perplexity());
        Model<IntTensor> m = Model.<IntTensor>of(Problems.bagOfWords(4)).compile(options);
        m.save(dir.resolve("m"));
        assertEquals(options, Model.load(dir.resolve("m"), IntTensor.class).compileOptions());
        CompileOptions<Tensor> sgd = CompileOptions.of(MeanSquaredError.create(), OptimizerSpec.sgd(0.1f)
                .learningRate(ExponentialDecay.of(0.1f, 10, 0.5f)));
        Model.<Tensor>of(Problems.mlp(1)).compile(sgd).save(dir.resolve("s"));
        assertEquals(sgd, Model.load(dir.resolve("s"), Tensor.class).compileOptions());
    }

    @Test
    void loadChecksTheTargetType(@TempDir Path dir) throws IOException {
        model().save(dir.resolve("m"));
        assertThrows(IOException.class, () -> Model.load(dir.resolve("m"), Tensor.class));
    }

    @Test
    void anUncompiledModelSavesAndPredicts(@TempDir Path dir) throws IOException {
        Model<IntTensor> m = Model.of(Problems.bagOfWords(4));
        m.save(dir.resolve("m"));
        Model<?> back = Model.load(dir.resolve("m"));
        Tensor x = Problems.keyToken(5, 1).x().get(0);
        assertEquals(m.predict(x).toString(), back.predict(x).toString());
        assertThrows(IllegalStateException.class, back::optimizer);
    }
}
