package org.seq4j.text;

/**
 * The constructor arguments of Keras' {@code Tokenizer} (keras-preprocessing 1.1.2), with its defaults.
 *
 * @param numWords  keep only ids below this when converting (so {@code numWords - 1} words, OOV included);
 *                  {@code null} (or 0, which Python treats as false) = no limit. Fitting always indexes everything.
 * @param filters   characters replaced by {@code split} before splitting (ignored when {@code charLevel})
 * @param lower     lower-case texts first (Python {@code str.lower})
 * @param split     the separator words are split on (an exact string, not a regex)
 * @param charLevel every code point is a token; no filters are applied
 * @param oovToken  if non-null, indexed as 1 and used for words outside the index (or at/above {@code numWords})
 */
public record TokenizerOptions(Integer numWords, String filters, boolean lower, String split, boolean charLevel,
                               String oovToken) {

    /** Keras' default filters: ASCII punctuation except the apostrophe, plus tab and newline. */
    public static final String DEFAULT_FILTERS = "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n";

    public TokenizerOptions {
        if (numWords != null && numWords < 0) {
            throw new IllegalArgumentException("numWords must be >= 0 or null, got " + numWords);
        }
        if (filters == null) {
            throw new IllegalArgumentException("filters must not be null (use \"\" for none)");
        }
        // Python's str.split("") raises; at char level split is never used, so Keras accepts it there.
        if (split == null || (split.isEmpty() && !charLevel)) {
            throw new IllegalArgumentException("split must be a non-empty string");
        }
    }

    /** Keras' defaults: unbounded, default filters, lower-case, split on " ", word level, no OOV token. */
    public static TokenizerOptions defaults() {
        return new TokenizerOptions(null, DEFAULT_FILTERS, true, " ", false, null);
    }

    public TokenizerOptions withNumWords(Integer n) {
        return new TokenizerOptions(n, filters, lower, split, charLevel, oovToken);
    }

    public TokenizerOptions withFilters(String f) {
        return new TokenizerOptions(numWords, f, lower, split, charLevel, oovToken);
    }

    public TokenizerOptions withLower(boolean l) {
        return new TokenizerOptions(numWords, filters, l, split, charLevel, oovToken);
    }

    public TokenizerOptions withSplit(String s) {
        return new TokenizerOptions(numWords, filters, lower, s, charLevel, oovToken);
    }

    public TokenizerOptions withCharLevel(boolean c) {
        return new TokenizerOptions(numWords, filters, lower, split, c, oovToken);
    }

    public TokenizerOptions withOovToken(String t) {
        return new TokenizerOptions(numWords, filters, lower, split, charLevel, t);
    }

    /** Python's truthiness of {@code num_words}: 0 and None both mean "no limit". */
    boolean limitsWords() {
        return numWords != null && numWords != 0;
    }
}
