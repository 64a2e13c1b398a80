package org.seq4j.text.wordpiece;

import java.util.List;
import java.util.Map;

/**
 * WordPiece: each word is cut greedily into the longest vocabulary entries from the left, pieces after the first
 * carrying the {@code ##} prefix. If any position has no match, or the word is longer than
 * {@code maxInputCharsPerWord} code points, the whole word becomes the unknown token.
 */
public final class WordPiece {
    private final Map<String, Integer> vocab;
    private final Settings settings;
    private final int unkId;

    /**
     * @param unkToken             the token for words that cannot be pieced ({@code [UNK]})
     * @param continuingPrefix     prefix of a non-initial piece ({@code ##})
     * @param maxInputCharsPerWord longer words are unknown without trying (100 in Hugging Face, 200 in Google's code)
     */
    public record Settings(String unkToken, String continuingPrefix, int maxInputCharsPerWord) {
        public static Settings defaults() {
            return new Settings("[UNK]", "##", 100);
        }
    }

    public WordPiece(Map<String, Integer> vocab, Settings settings) {
        vocab.forEach((token, id) -> {
            if (id == null || id < 0) {
                throw new IllegalArgumentException("token '" + token + "' has id " + id + ", expected >= 0");
            }
        });
        this.vocab = Map.copyOf(vocab);
        this.settings = settings;
        Integer unk = vocab.get(settings.unkToken());
        if (unk == null) {
            throw new IllegalArgumentException("unknown token " + settings.unkToken() + " is not in the vocabulary");
        }
        this.unkId = unk;
    }

    /** Appends the piece ids and piece strings of {@code word}. */
    public void tokenize(String word, List<Integer> ids, List<String> tokens) {
        int[] cps = word.codePoints().toArray();
        if (cps.length > settings.maxInputCharsPerWord()) {
            ids.add(unkId);
            tokens.add(settings.unkToken());
            return;
        }
        int mark = ids.size();
        int start = 0;
        while (start < cps.length) {
            int end = cps.length;
            String found = null;
            while (start < end) {
                String piece = new String(cps, start, end - start);
                if (start > 0) {
                    piece = settings.continuingPrefix() + piece;
                }
                if (vocab.containsKey(piece)) {
                    found = piece;
                    break;
                }
                end--;
            }
            if (found == null) {
                ids.subList(mark, ids.size()).clear();
                tokens.subList(mark, tokens.size()).clear();
                ids.add(unkId);
                tokens.add(settings.unkToken());
                return;
            }
            ids.add(vocab.get(found));
            tokens.add(found);
            start = end;
        }
    }

    public Settings settings() {
        return settings;
    }

    public Map<String, Integer> vocab() {
        return vocab;
    }
}
