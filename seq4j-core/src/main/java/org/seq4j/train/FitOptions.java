package org.seq4j.train;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * Keras {@code fit} arguments with Keras' defaults, as a record with withers.
 * <ul>
 *   <li>{@code seed}: one seed for everything random in training. Epoch e draws its shuffle and its dropout from a
 *       generator seeded by (seed, e), not from one long stream, so that a run resumed at epoch e (after
 *       {@code Model.load}) sees exactly the batches and dropout masks of an uninterrupted run;</li>
 *   <li>{@code validationSplit}: the last fraction of the rows, before shuffling. Validation data of its own goes
 *       to {@code Model.fit(train, validation, options)} instead, so that it is typed like the training data;</li>
 *   <li>{@code stepsPerEpoch}: for streamed batches; 0 means one pass over the source per epoch;</li>
 *   <li>{@code classWeight}: class id → weight, multiplied into the sample weights (which travel with the rows,
 *       in {@link Dataset#sampleWeight()} or {@link Batch#sampleWeight()});</li>
 *   <li>{@code out}: where progress goes (System.out by default; tests capture it).</li>
 * </ul>
 */
public record FitOptions(int epochs, int batchSize, boolean shuffle, long seed, double validationSplit,
                         List<Callback> callbacks, Verbosity verbose, PrintStream out, int initialEpoch,
                         int stepsPerEpoch, Map<Integer, Float> classWeight) {

    public FitOptions {
        if (epochs < 0 || initialEpoch < 0 || batchSize <= 0 || stepsPerEpoch < 0) {
            throw new IllegalArgumentException("fit: epochs " + epochs + ", initial epoch " + initialEpoch
                    + ", batch size " + batchSize + ", steps per epoch " + stepsPerEpoch);
        }
        if (!(validationSplit >= 0 && validationSplit < 1)) {
            throw new IllegalArgumentException("fit: validation split must be in [0, 1), got " + validationSplit);
        }
        callbacks = List.copyOf(callbacks);
        classWeight = Map.copyOf(classWeight);
    }

    /** Keras: 1 epoch, batch 32, shuffled, no validation, progress on System.out. */
    public static FitOptions defaults() {
        return new FitOptions(1, 32, true, 0L, 0.0, List.of(), Verbosity.AUTO, System.out, 0, 0, Map.of());
    }

    public FitOptions epochs(int e) {
        return new FitOptions(e, batchSize, shuffle, seed, validationSplit, callbacks, verbose, out, initialEpoch,
                stepsPerEpoch, classWeight);
    }

    public FitOptions batchSize(int b) {
        return new FitOptions(epochs, b, shuffle, seed, validationSplit, callbacks, verbose, out, initialEpoch,
                stepsPerEpoch, classWeight);
    }

    public FitOptions shuffle(boolean s) {
        return new FitOptions(epochs, batchSize, s, seed, validationSplit, callbacks, verbose, out, initialEpoch,
                stepsPerEpoch, classWeight);
    }

    public FitOptions seed(long s) {
        return new FitOptions(epochs, batchSize, shuffle, s, validationSplit, callbacks, verbose, out, initialEpoch,
                stepsPerEpoch, classWeight);
    }

    public FitOptions validationSplit(double v) {
        return new FitOptions(epochs, batchSize, shuffle, seed, v, callbacks, verbose, out, initialEpoch,
                stepsPerEpoch, classWeight);
    }

    public FitOptions callbacks(Callback... c) {
        return new FitOptions(epochs, batchSize, shuffle, seed, validationSplit, List.of(c), verbose, out,
                initialEpoch, stepsPerEpoch, classWeight);
    }

    public FitOptions verbose(Verbosity v) {
        return new FitOptions(epochs, batchSize, shuffle, seed, validationSplit, callbacks, v, out, initialEpoch,
                stepsPerEpoch, classWeight);
    }

    public FitOptions out(PrintStream o) {
        return new FitOptions(epochs, batchSize, shuffle, seed, validationSplit, callbacks, verbose, o, initialEpoch,
                stepsPerEpoch, classWeight);
    }

    public FitOptions initialEpoch(int e) {
        return new FitOptions(epochs, batchSize, shuffle, seed, validationSplit, callbacks, verbose, out, e,
                stepsPerEpoch, classWeight);
    }

    public FitOptions stepsPerEpoch(int s) {
        return new FitOptions(epochs, batchSize, shuffle, seed, validationSplit, callbacks, verbose, out,
                initialEpoch, s, classWeight);
    }

    public FitOptions classWeight(Map<Integer, Float> w) {
        return new FitOptions(epochs, batchSize, shuffle, seed, validationSplit, callbacks, verbose, out,
                initialEpoch, stepsPerEpoch, w);
    }
}
