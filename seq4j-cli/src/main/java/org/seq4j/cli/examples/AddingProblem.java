package org.seq4j.cli.examples;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.seq4j.loss.MeanSquaredError;
import org.seq4j.nn.Dense;
import org.seq4j.nn.Layer;
import org.seq4j.nn.Sequential;
import org.seq4j.nn.recurrent.GRU;
import org.seq4j.nn.recurrent.LSTM;
import org.seq4j.nn.recurrent.SimpleRNN;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;
import org.seq4j.train.CompileOptions;
import org.seq4j.train.Dataset;
import org.seq4j.train.FitOptions;
import org.seq4j.train.History;
import org.seq4j.train.Model;
import org.seq4j.train.OptimizerSpec;
import org.seq4j.train.Verbosity;

/**
 * The adding problem (Hochreiter & Schmidhuber 1997): each step carries a random value in [0, 1) and a marker; the
 * two marked values (one in each half of the sequence) must be summed at the end. Predicting the mean sum, 1, scores
 * MSE = 2·(1/12) ≈ 0.167, and a network that cannot carry information across ~T/2 steps stays there: LSTM and GRU
 * learn it, a SimpleRNN does not.
 */
public final class AddingProblem {

    /** Sequence length, data and training sizes; {@link #quick()} is the test suite's small version. */
    public record Options(int length, int train, int valid, int units, int epochs, int batch, float learningRate,
                          long seed) {
        public static Options defaults() {
            return new Options(100, 10_000, 1_000, 64, 20, 64, 3e-3f, 1);
        }

        public static Options quick() {
            return new Options(20, 2_000, 400, 16, 12, 32, 1e-2f, 1);
        }
    }

    public enum Cell { SIMPLE_RNN, LSTM, GRU }

    /** Inputs (n, T, 2) [value, marker] and targets (n, 1). */
    public static Dataset<Tensor> data(int n, int length, RandomGenerator rng) {
        float[] x = new float[n * length * 2];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            int first = rng.nextInt(length / 2);
            int second = length / 2 + rng.nextInt(length - length / 2);
            for (int t = 0; t < length; t++) {
                float v = rng.nextFloat();
                x[(i * length + t) * 2] = v;
                if (t == first || t == second) {
                    x[(i * length + t) * 2 + 1] = 1f;
                    y[i] += v;
                }
            }
        }
        return Dataset.of(Tensor.of(x, n, length, 2), Tensor.of(y, n, 1));
    }

    /** Trains one cell type and returns the validation MSE after each epoch. */
    public static List<Double> run(Cell cell, Options o, Verbosity verbosity) {
        SplittableRandom rng = new SplittableRandom(o.seed());
        Dataset<Tensor> train = data(o.train(), o.length(), rng);
        Dataset<Tensor> valid = data(o.valid(), o.length(), rng);
        Layer rnn = switch (cell) {
            case SIMPLE_RNN -> new SimpleRNN(SimpleRNN.Config.of(2, o.units()), rng);
            case LSTM -> new LSTM(LSTM.Config.of(2, o.units()), rng);
            case GRU -> new GRU(GRU.Config.of(2, o.units()), rng);
        };
        Sequential net = new Sequential(cell.name().toLowerCase(Locale.ROOT), Shape.of(o.length(), 2),
                List.of(rnn, new Dense(Dense.Config.of(o.units(), 1), rng)));
        Model<Tensor> model = Model.<Tensor>of(net).compile(
                CompileOptions.of(MeanSquaredError.create(), OptimizerSpec.adam(o.learningRate())));
        History h = model.fit(train, valid, FitOptions.defaults().epochs(o.epochs()).batchSize(o.batch())
                .seed(o.seed()).verbose(verbosity));
        return h.get("val_loss");
    }

    public static void main(String[] args) {
        Options o = args.length > 0 && args[0].equals("--quick") ? Options.quick() : Options.defaults();
        System.out.printf(Locale.ROOT, "adding problem: T=%d, %d train / %d valid sequences, %d units, %d epochs;"
                + " baseline (predict 1) MSE = 0.167%n", o.length(), o.train(), o.valid(), o.units(), o.epochs());
        for (Cell c : Cell.values()) {
            long t0 = System.nanoTime();
            List<Double> mse = run(c, o, Verbosity.SILENT);
            System.out.printf(Locale.ROOT, "%-10s val MSE by epoch: %s  final %.4f  (%.0fs)%n", c,
                    mse.stream().map(v -> String.format(Locale.ROOT, "%.3f", v)).toList(), mse.get(mse.size() - 1),
                    (System.nanoTime() - t0) / 1e9);
        }
    }
}
