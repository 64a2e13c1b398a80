package org.seq4j.data;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The characters of a corpus, sorted by code point and numbered from 0 (char-rnn / nanoGPT style). A character the
 * vocabulary has not seen is an error, never a silent substitute.
 */
public final class CharVocabulary {
    private final int[] chars;

    private CharVocabulary(int[] sortedDistinct) {
        this.chars = sortedDistinct;
    }

    /** The distinct code points of {@code text}. */
    public static CharVocabulary of(IntStream codePoints) {
        return new CharVocabulary(codePoints.distinct().sorted().toArray());
    }

    public int size() {
        return chars.length;
    }

    public int id(int codePoint) {
        int i = Arrays.binarySearch(chars, codePoint);
        if (i < 0) {
            throw new IllegalArgumentException("character U+" + Integer.toHexString(codePoint).toUpperCase()
                    + " is not in the vocabulary");
        }
        return i;
    }

    /** The code point of {@code id}. */
    public int codePoint(int id) {
        if (id < 0 || id >= chars.length) {
            throw new IllegalArgumentException("id " + id + " is outside the vocabulary (size " + chars.length + ")");
        }
        return chars[id];
    }

    public IntStream encode(IntStream codePoints) {
        return codePoints.map(this::id);
    }

    public int[] encode(String text) {
        return encode(text.codePoints()).toArray();
    }

    public String decode(int[] ids) {
        StringBuilder out = new StringBuilder(ids.length);
        for (int id : ids) {
            out.appendCodePoint(codePoint(id));
        }
        return out.toString();
    }
}
