package org.seq4j.text.metrics;

/**
 * sacreBLEU's BLEU arguments.
 *
 * @param tokenizer      how lines are tokenized (default 13a)
 * @param smoothing      zero-precision smoothing (default exp)
 * @param smoothValue    the value for floor / add-k; {@code null} = the method's default
 * @param lowercase      lower-case hypothesis and references first
 * @param effectiveOrder leave orders with no hypothesis n-grams out of the mean (sentence BLEU's default)
 * @param maxNgramOrder  highest n-gram order (4)
 */
public record BleuOptions(BleuTokenizer tokenizer, Smoothing smoothing, Double smoothValue, boolean lowercase,
                          boolean effectiveOrder, int maxNgramOrder) {

    public BleuOptions {
        if (tokenizer == null || smoothing == null) {
            throw new IllegalArgumentException("tokenizer and smoothing must be set");
        }
        if (maxNgramOrder < 1) {
            throw new IllegalArgumentException("maxNgramOrder must be >= 1, got " + maxNgramOrder);
        }
    }

    /** {@code sacrebleu.corpus_bleu} defaults: 13a, exp, mixed case, no effective order. */
    public static BleuOptions corpusDefaults() {
        return new BleuOptions(BleuTokenizer.THIRTEEN_A, Smoothing.EXP, null, false, false, 4);
    }

    /** {@code sacrebleu.sentence_bleu} defaults: as corpus, but with effective order. */
    public static BleuOptions sentenceDefaults() {
        return corpusDefaults().withEffectiveOrder(true);
    }

    public BleuOptions withTokenizer(BleuTokenizer t) {
        return new BleuOptions(t, smoothing, smoothValue, lowercase, effectiveOrder, maxNgramOrder);
    }

    public BleuOptions withSmoothing(Smoothing s, Double value) {
        return new BleuOptions(tokenizer, s, value, lowercase, effectiveOrder, maxNgramOrder);
    }

    public BleuOptions withLowercase(boolean l) {
        return new BleuOptions(tokenizer, smoothing, smoothValue, l, effectiveOrder, maxNgramOrder);
    }

    public BleuOptions withEffectiveOrder(boolean e) {
        return new BleuOptions(tokenizer, smoothing, smoothValue, lowercase, e, maxNgramOrder);
    }

    /** The smoothing value in effect. */
    double effectiveSmoothValue() {
        return smoothValue != null ? smoothValue : smoothing.defaultValue() == null ? 0 : smoothing.defaultValue();
    }
}
