package org.seq4j.task.tag;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;
import org.seq4j.train.Verbosity;

/**
 * How a {@link SequenceTagger} is trained.
 *
 * @param epochs passes over the training sentences
 * @param batchSize sentences per batch (batches group sentences of similar length)
 * @param learningRate Adam's learning rate
 * @param clipNorm gradients are clipped to this global norm
 * @param seed one seed for weights, batch order and dropout
 * @param maxTime stop after the first epoch that ends past this much training (ZERO: no limit)
 * @param verbose fit's progress output
 * @param out where progress goes
 */
public record TaggerOptions(int epochs, int batchSize, float learningRate, float clipNorm, long seed, Duration maxTime,
                            Verbosity verbose, PrintStream out) {

    public TaggerOptions {
        Objects.requireNonNull(maxTime, "maxTime");
        if (epochs < 0 || batchSize < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("tagger options: epochs " + epochs + ", batch " + batchSize
                    + ", learning rate " + learningRate);
        }
    }

    /** 10 epochs of batch 32 at Adam 2e-3, clipped at norm 5. */
    public static TaggerOptions defaults() {
        return new TaggerOptions(10, 32, 2e-3f, 5f, 0L, Duration.ZERO, Verbosity.ONE_LINE, System.out);
    }

    public TaggerOptions epochs(int v) {
        return new TaggerOptions(v, batchSize, learningRate, clipNorm, seed, maxTime, verbose, out);
    }

    public TaggerOptions batchSize(int v) {
        return new TaggerOptions(epochs, v, learningRate, clipNorm, seed, maxTime, verbose, out);
    }

    public TaggerOptions learningRate(float v) {
        return new TaggerOptions(epochs, batchSize, v, clipNorm, seed, maxTime, verbose, out);
    }

    public TaggerOptions clipNorm(float v) {
        return new TaggerOptions(epochs, batchSize, learningRate, v, seed, maxTime, verbose, out);
    }

    public TaggerOptions seed(long v) {
        return new TaggerOptions(epochs, batchSize, learningRate, clipNorm, v, maxTime, verbose, out);
    }

    public TaggerOptions maxTime(Duration v) {
        return new TaggerOptions(epochs, batchSize, learningRate, clipNorm, seed, v, verbose, out);
    }

    public TaggerOptions verbose(Verbosity v) {
        return new TaggerOptions(epochs, batchSize, learningRate, clipNorm, seed, maxTime, v, out);
    }

    public TaggerOptions out(PrintStream v) {
        return new TaggerOptions(epochs, batchSize, learningRate, clipNorm, seed, maxTime, verbose, v);
    }
}
