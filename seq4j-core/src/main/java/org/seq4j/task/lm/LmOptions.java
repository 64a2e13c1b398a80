package org.seq4j.task.lm;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;
import org.seq4j.train.Verbosity;

/**
 * How a {@link LanguageModel} is trained, with defaults for char-level Tiny Shakespeare.
 *
 * @param level token level (default LmLevel.CHAR)
 * @param seqLen window length T (inputs; targets are shifted by one) (default 100)
 * @param stride a training window starts every {@code stride} tokens (T: non-overlapping) (default 100)
 * @param batchSize windows per batch (default 64)
 * @param epochs passes over the training windows (default 10)
 * @param learningRate Adam's learning rate (default 3e-3f)
 * @param clipNorm gradients are clipped to this global norm (exploding gradients are the RNN's risk) (default 5f)
 * @param seed one seed for weights, shuffling and dropout (default 0L)
 * @param validationFraction the last fraction of the text, held out (the protocol: 10 %) (default 0.1)
 * @param vocabSize word level: at most this many words (with {@code <unk>}); bpe: the trained vocabulary size (default
 *        10 000)
 * @param bpe bpe level: train a tokenizer on the training text or load GPT-2's files (default BpeSource.train())
 * @param maxTime stop after the first epoch that ends past this much training (ZERO: no limit) (default Duration.ZERO)
 * @param verbose fit's progress output (default Verbosity.ONE_LINE)
 * @param out where progress goes (default System.out)
 */
public record LmOptions(LmLevel level, int seqLen, int stride, int batchSize, int epochs, float learningRate,
                        float clipNorm, long seed, double validationFraction, int vocabSize, BpeSource bpe,
                        Duration maxTime, Verbosity verbose, PrintStream out) {

    public LmOptions {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(bpe, "bpe");
        Objects.requireNonNull(maxTime, "maxTime");
        if (seqLen < 1 || stride < 1 || batchSize < 1 || epochs < 0 || vocabSize < 2 || !(learningRate > 0)
                || !(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("lm options: seqLen " + seqLen + ", stride " + stride + ", batch "
                    + batchSize + ", epochs " + epochs + ", vocabSize " + vocabSize + ", learning rate "
                    + learningRate + ", validation fraction " + validationFraction);
        }
    }

    public static LmOptions defaults() {
        return new LmOptions(LmLevel.CHAR, 100, 100, 64, 10, 3e-3f, 5f, 0L, 0.1, 10_000, BpeSource.train(),
                Duration.ZERO, Verbosity.ONE_LINE, System.out);
    }

    public LmOptions level(LmLevel v) {
        return new LmOptions(v, seqLen, stride, batchSize, epochs, learningRate, clipNorm, seed, validationFraction,
                vocabSize, bpe, maxTime, verbose, out);
    }

    public LmOptions seqLen(int v) {
        return new LmOptions(level, v, stride, batchSize, epochs, learningRate, clipNorm, seed, validationFraction,
                vocabSize, bpe, maxTime, verbose, out);
    }

    public LmOptions stride(int v) {
        return new LmOptions(level, seqLen, v, batchSize, epochs, learningRate, clipNorm, seed, validationFraction,
                vocabSize, bpe, maxTime, verbose, out);
    }

    public LmOptions batchSize(int v) {
        return new LmOptions(level, seqLen, stride, v, epochs, learningRate, clipNorm, seed, validationFraction,
                vocabSize, bpe, maxTime, verbose, out);
    }

    public LmOptions epochs(int v) {
        return new LmOptions(level, seqLen, stride, batchSize, v, learningRate, clipNorm, seed, validationFraction,
                vocabSize, bpe, maxTime, verbose, out);
    }

    public LmOptions learningRate(float v) {
        return new LmOptions(level, seqLen, stride, batchSize, epochs, v, clipNorm, seed, validationFraction,
                vocabSize, bpe, maxTime, verbose, out);
    }

    public LmOptions clipNorm(float v) {
        return new LmOptions(level, seqLen, stride, batchSize, epochs, learningRate, v, seed, validationFraction,
                vocabSize, bpe, maxTime, verbose, out);
    }

    public LmOptions seed(long v) {
        return new LmOptions(level, seqLen, stride, batchSize, epochs, learningRate, clipNorm, v, validationFraction,
                vocabSize, bpe, maxTime, verbose, out);
    }

    public LmOptions validationFraction(double v) {
        return new LmOptions(level, seqLen, stride, batchSize, epochs, learningRate, clipNorm, seed, v, vocabSize,
                bpe, maxTime, verbose, out);
    }

    public LmOptions vocabSize(int v) {
        return new LmOptions(level, seqLen, stride, batchSize, epochs, learningRate, clipNorm, seed,
                validationFraction, v, bpe, maxTime, verbose, out);
    }

    public LmOptions bpe(BpeSource v) {
        return new LmOptions(level, seqLen, stride, batchSize, epochs, learningRate, clipNorm, seed,
                validationFraction, vocabSize, v, maxTime, verbose, out);
    }

    public LmOptions maxTime(Duration v) {
        return new LmOptions(level, seqLen, stride, batchSize, epochs, learningRate, clipNorm, seed,
                validationFraction, vocabSize, bpe, v, verbose, out);
    }

    public LmOptions verbose(Verbosity v) {
        return new LmOptions(level, seqLen, stride, batchSize, epochs, learningRate, clipNorm, seed,
                validationFraction, vocabSize, bpe, maxTime, v, out);
    }

    public LmOptions out(PrintStream v) {
        return new LmOptions(level, seqLen, stride, batchSize, epochs, learningRate, clipNorm, seed,
                validationFraction, vocabSize, bpe, maxTime, verbose, v);
    }
}
