package org.seq4j.text;

/**
 * How {@link Vocabulary} builders choose tokens.
 *
 * @param specials     the special tokens, given the first ids
 * @param minFrequency keep tokens seen at least this often (default 1 = all)
 * @param maxSize      at most this many entries <em>including</em> the specials; {@code null} = unbounded.
 *                     The most frequent tokens win; equal counts are ordered by the tokens' code points, so the
 *                     result never depends on the order the counts were collected in.
 */
public record VocabularyOptions(SpecialTokens specials, long minFrequency, Integer maxSize) {

    public VocabularyOptions {
        if (specials == null) {
            throw new IllegalArgumentException("specials must not be null (use SpecialTokens.none())");
        }
        if (minFrequency < 1) {
            throw new IllegalArgumentException("minFrequency must be >= 1, got " + minFrequency);
        }
        if (maxSize != null && maxSize < specials.present().size()) {
            throw new IllegalArgumentException("maxSize " + maxSize + " cannot hold the "
                    + specials.present().size() + " special tokens");
        }
    }

    /** Default specials ({@code <pad> <unk> <bos> <eos>}), every token, no size limit. */
    public static VocabularyOptions defaults() {
        return new VocabularyOptions(SpecialTokens.defaults(), 1, null);
    }

    public VocabularyOptions withSpecials(SpecialTokens s) {
        return new VocabularyOptions(s, minFrequency, maxSize);
    }

    public VocabularyOptions withMinFrequency(long f) {
        return new VocabularyOptions(specials, f, maxSize);
    }

    public VocabularyOptions withMaxSize(Integer m) {
        return new VocabularyOptions(specials, minFrequency, m);
    }
}
