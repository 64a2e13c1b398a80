package org.seq4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.seq4j.loss.MeanSquaredError;
import org.seq4j.nn.Context;
import org.seq4j.nn.Dense;
import org.seq4j.nn.Layer;
import org.seq4j.nn.Masked;
import org.seq4j.nn.Sequential;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

class NonFiniteGuardTest {

    /** A layer computing log(x): log(0) = −∞. */
    public static final class Log extends Layer {
        public record Config(String name) {}

        private final Config config;

        public Log(Config config) {
            super(config.name());
            this.config = config;
        }

        @Override
        public Config config() {
            return config;
        }

        @Override
        protected Masked forward(Masked input, Context ctx) {
            return input.with(input.value().log());
        }
    }

    @Test
    void hugeLearningRateStopsWithEpochStepAndWeightPath() {
        Model<Tensor> m = Model.<Tensor>of(Problems.mlp(1)).compile(
                CompileOptions.of(MeanSquaredError.create(), OptimizerSpec.sgd(1e30f)));
        NonFiniteException e = assertThrows(NonFiniteException.class,
                () -> m.fit(Problems.xor(8), Problems.quiet().epochs(5).batchSize(4)));
        assertEquals(1, e.epoch());
        assertTrue(e.step() >= 2, e.getMessage());
        assertTrue(e.getMessage().matches("training stopped at epoch 1, step \\d+: .*"
                + "first non-finite: .*weight 'dense(_1)?/(kernel|bias)'.*"), e.getMessage());
        // the guard runs before the optimizer step: no NaN reached the weights
        m.weightValues().values().forEach(v -> assertTrue(NonFiniteGuard.finite(v.mul(0f))));
    }

    @Test
    void logOfZeroNamesTheLayer() {
        SplittableRandom rng = new SplittableRandom(1);
        Sequential net = new Sequential("net", Shape.of(2), List.of(
                new Log(new Log.Config("log")), new Dense(Dense.Config.of(2, 1), rng)));
        Model<Tensor> m = Model.<Tensor>of(net).compile(CompileOptions.of(MeanSquaredError.create()));
        Dataset<Tensor> data = Dataset.of(Tensor.of(new float[] {1, 2, 0, 1}, 2, 2), Tensor.zeros(2, 1));
        NonFiniteException e = assertThrows(NonFiniteException.class,
                () -> m.fit(data, Problems.quiet().shuffle(false).batchSize(2)));
        assertEquals(1, e.step());
        assertTrue(e.getMessage().startsWith("training stopped at epoch 1, step 1: loss is "), e.getMessage());
        assertTrue(e.where().startsWith("output of layer 'log' (Log)"), e.getMessage());
        assertTrue(e.where().contains("gradient of weight 'dense/kernel'"), e.getMessage());
    }
}
