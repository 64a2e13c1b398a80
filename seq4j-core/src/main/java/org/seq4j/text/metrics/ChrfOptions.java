package org.seq4j.text.metrics;

/**
 * sacreBLEU's chrF arguments, with its defaults.
 *
 * @param charOrder    highest character n-gram order (6)
 * @param wordOrder    highest word n-gram order (0 = chrF; 2 = chrF++)
 * @param beta         recall weight of the F-score (2)
 * @param lowercase    lower-case first
 * @param whitespace   keep whitespace inside character n-grams (off: whitespace is removed first)
 * @param epsSmoothing sacreBLEU 1.x's scoring: average the per-order F-scores, with 1e-16 for empty orders,
 *                     instead of the F-score of the averaged precision and recall over orders that have n-grams
 */
public record ChrfOptions(int charOrder, int wordOrder, double beta, boolean lowercase, boolean whitespace,
                          boolean epsSmoothing) {

    public ChrfOptions {
        if (charOrder < 0 || wordOrder < 0 || charOrder + wordOrder == 0) {
            throw new IllegalArgumentException("need charOrder + wordOrder >= 1, got " + charOrder + " + " + wordOrder);
        }
        if (beta < 0) {
            throw new IllegalArgumentException("beta must be >= 0, got " + beta);
        }
    }

    /** chrF2 as sacreBLEU computes it by default. */
    public static ChrfOptions defaults() {
        return new ChrfOptions(6, 0, 2, false, false, false);
    }

    /** chrF++: chrF plus word unigrams and bigrams. */
    public static ChrfOptions chrfPlusPlus() {
        return defaults().withWordOrder(2);
    }

    public ChrfOptions withWordOrder(int w) {
        return new ChrfOptions(charOrder, w, beta, lowercase, whitespace, epsSmoothing);
    }

    public ChrfOptions withBeta(double b) {
        return new ChrfOptions(charOrder, wordOrder, b, lowercase, whitespace, epsSmoothing);
    }

    public ChrfOptions withLowercase(boolean l) {
        return new ChrfOptions(charOrder, wordOrder, beta, l, whitespace, epsSmoothing);
    }

    public ChrfOptions withWhitespace(boolean w) {
        return new ChrfOptions(charOrder, wordOrder, beta, lowercase, w, epsSmoothing);
    }

    public ChrfOptions withEpsSmoothing(boolean e) {
        return new ChrfOptions(charOrder, wordOrder, beta, lowercase, whitespace, e);
    }
}
