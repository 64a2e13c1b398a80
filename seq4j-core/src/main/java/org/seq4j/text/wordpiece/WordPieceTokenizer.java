package org.seq4j.text.wordpiece;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.seq4j.tensor.IntTensor;

/**
 * BERT's tokenizer: special tokens written in the text are kept whole, the rest is normalised
 * ({@link BertNormalizer}), split into words ({@link BertPreTokenizer}) and pieced ({@link WordPiece}); then the
 * template {@code [CLS] A [SEP] (B [SEP])} is applied with truncation and padding. Matches Hugging Face tokenizers.
 */
public final class WordPieceTokenizer {
    private final WordPiece model;
    private final BertNormalizer normalizer;
    private final List<String> specialTokens;
    private final Set<Integer> specialIds = new HashSet<>();
    private final String[] byId;
    private final int clsId;
    private final int sepId;
    private final int padId;

    /**
     * @param specialTokens tokens recognised verbatim in the raw text and dropped by {@link #decode}; must include
     *                      {@code [CLS]}, {@code [SEP]} and {@code [PAD]}
     */
    public WordPieceTokenizer(WordPiece model, BertNormalizer.Options normalization, List<String> specialTokens) {
        this.model = model;
        this.normalizer = new BertNormalizer(normalization);
        this.specialTokens = List.copyOf(specialTokens);
        Map<String, Integer> vocab = model.vocab();
        for (String s : specialTokens) {
            specialIds.add(require(vocab, s));
        }
        this.clsId = require(vocab, "[CLS]");
        this.sepId = require(vocab, "[SEP]");
        this.padId = require(vocab, "[PAD]");
        int max = vocab.values().stream().mapToInt(Integer::intValue).max().orElse(-1);
        this.byId = new String[max + 1];
        vocab.forEach((t, id) -> byId[id] = t);
    }

    /** {@code [CLS] text [SEP]}, truncated/padded per {@code options}. */
    public BertEncoding encode(String text, EncodeOptions options) {
        Pieces a = tokenize(text);
        int keep = Math.min(a.size(), options.maxLength() - 2);
        return assemble(a, keep, null, 0, options);
    }

    /** {@code [CLS] a [SEP] b [SEP]} with Hugging Face's closed-form {@code longest_first} truncation. */
    public BertEncoding encodePair(String textA, String textB, EncodeOptions options) {
        Pieces a = tokenize(textA);
        Pieces b = tokenize(textB);
        int budget = options.maxLength() - 3;
        int keepA = a.size();
        int keepB = b.size();
        if (keepA + keepB > budget) {
            boolean aShorter = a.size() <= b.size();
            int n1 = aShorter ? a.size() : b.size();
            int n2 = aShorter ? b.size() : a.size();
            int longKeep = Math.min(n2, Math.max(n1, budget - n1));
            int shortKeep = n1;
            if (shortKeep + longKeep > budget) {
                shortKeep = budget / 2;
                longKeep = budget / 2 + budget % 2;
            }
            keepA = aShorter ? shortKeep : longKeep;
            keepB = aShorter ? longKeep : shortKeep;
        }
        return assemble(a, keepA, b, keepB, options);
    }

    /** The word pieces of {@code text} without the template (ids and strings). */
    public Pieces tokenize(String text) {
        Pieces out = new Pieces(new ArrayList<>(), new ArrayList<>());
        int from = 0;
        while (from <= text.length()) {
            int[] hit = nextSpecial(text, from);
            int end = hit == null ? text.length() : hit[0];
            if (end > from) {
                for (String word : BertPreTokenizer.split(normalizer.normalize(text.substring(from, end)))) {
                    model.tokenize(word, out.ids(), out.tokens());
                }
            }
            if (hit == null) {
                break;
            }
            out.ids().add(hit[2]);
            out.tokens().add(byId[hit[2]]);
            from = hit[1];
        }
        return out;
    }

    /** Word pieces of a text: parallel lists of ids and vocabulary strings. */
    public record Pieces(List<Integer> ids, List<String> tokens) {
        public int size() {
            return ids.size();
        }
    }

    /**
     * Text of {@code ids} with special tokens (including {@code [UNK]}) dropped: {@code ##} pieces are glued to the
     * previous token, other tokens are separated by a space, and the Hugging Face cleanup
     * ({@code " ." -> "."} and friends) is applied per token.
     */
    public String decode(int[] ids) {
        StringBuilder out = new StringBuilder();
        boolean first = true;
        String prefix = model.settings().continuingPrefix();
        for (int i = 0; i < ids.length; i++) {
            int id = ids[i];
            if (id < 0 || id >= byId.length || byId[id] == null) {
                throw new IllegalArgumentException("decode: token id " + id + " at position " + i
                        + " is not in the vocabulary (ids 0.." + (byId.length - 1) + ")");
            }
            if (specialIds.contains(id)) {
                continue;
            }
            String token = byId[id];
            if (!first && token.startsWith(prefix)) {
                token = token.substring(prefix.length());
            } else if (!first) {
                token = " " + token;
            }
            out.append(cleanup(token));
            first = false;
        }
        return out.toString();
    }

    /**
     * A batch as (B, T) tensors, every row padded to {@code options.maxLength()} so the rows line up.
     */
    public BertBatch encodeBatch(List<String> texts, EncodeOptions options) {
        EncodeOptions padded = EncodeOptions.padTo(options.maxLength());
        int[][] ids = new int[texts.size()][];
        int[][] types = new int[texts.size()][];
        int[][] mask = new int[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            BertEncoding e = encode(texts.get(i), padded);
            ids[i] = e.ids();
            types[i] = e.typeIds();
            mask[i] = e.attentionMask();
        }
        return new BertBatch(IntTensor.of(ids), IntTensor.of(types), IntTensor.of(mask));
    }

    /** Model inputs for a batch: each (B, T). */
    public record BertBatch(IntTensor inputIds, IntTensor tokenTypeIds, IntTensor attentionMask) {
    }

    public int vocabSize() {
        return byId.length;
    }

    /** The vocabulary string of {@code id}. */
    public String token(int id) {
        if (id < 0 || id >= byId.length || byId[id] == null) {
            throw new IllegalArgumentException("token id " + id + " is not in the vocabulary");
        }
        return byId[id];
    }

    private BertEncoding assemble(Pieces a, int keepA, Pieces b, int keepB, EncodeOptions options) {
        int untruncated = a.size() + 2 + (b == null ? 0 : b.size() + 1);
        int length = keepA + 2 + (b == null ? 0 : keepB + 1);
        int total = options.padding() == EncodeOptions.Padding.MAX_LENGTH ? Math.max(length, options.maxLength()) : length;
        int[] ids = new int[total];
        int[] types = new int[total];
        int[] mask = new int[total];
        int[] special = new int[total];
        List<String> tokens = new ArrayList<>(total);
        int p = 0;
        p = put(ids, types, special, tokens, p, clsId, 0, 1);
        for (int i = 0; i < keepA; i++) {
            p = put(ids, types, special, tokens, p, a.ids().get(i), 0, 0);
        }
        p = put(ids, types, special, tokens, p, sepId, 0, 1);
        if (b != null) {
            for (int i = 0; i < keepB; i++) {
                p = put(ids, types, special, tokens, p, b.ids().get(i), 1, 0);
            }
            p = put(ids, types, special, tokens, p, sepId, 1, 1);
        }
        Arrays.fill(mask, 0, p, 1);
        while (p < total) {
            p = put(ids, types, special, tokens, p, padId, 0, 1);
        }
        return new BertEncoding(ids, List.copyOf(tokens), types, mask, special, length < untruncated, untruncated);
    }

    private int put(int[] ids, int[] types, int[] special, List<String> tokens, int p, int id, int type, int isSpecial) {
        ids[p] = id;
        types[p] = type;
        special[p] = isSpecial;
        tokens.add(byId[id]);
        return p + 1;
    }

    /** The leftmost (then longest) special token at or after {@code from}: {start, end, id}, or null. */
    private int[] nextSpecial(String text, int from) {
        int[] best = null;
        for (String s : specialTokens) {
            int at = text.indexOf(s, from);
            if (at >= 0 && (best == null || at < best[0] || (at == best[0] && at + s.length() > best[1]))) {
                best = new int[] {at, at + s.length(), model.vocab().get(s)};
            }
        }
        return best;
    }

    /** Hugging Face's {@code cleanup}, applied to one token at a time (so {@code " ' s"} survives across tokens). */
    private static String cleanup(String token) {
        return token.replace(" .", ".").replace(" ?", "?").replace(" !", "!").replace(" ,", ",")
                .replace(" ' ", "'").replace(" n't", "n't").replace(" 'm", "'m").replace(" do not", " don't")
                .replace(" 's", "'s").replace(" 've", "'ve").replace(" 're", "'re");
    }

    private static int require(Map<String, Integer> vocab, String token) {
        Integer id = vocab.get(token);
        if (id == null) {
            throw new IllegalArgumentException("special token " + token + " is not in the vocabulary");
        }
        return id;
    }
}
