package org.seq4j.text.bpe;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * GPT-2's byte-level BPE: text is split by {@link Gpt2PreTokenizer}, each piece is UTF-8 encoded, its bytes become
 * {@link ByteUnicode} characters, and adjacent tokens are merged lowest rank first until no ranked pair is left.
 * Lossless: {@code decode(encode(s)).equals(s)} for every valid string.
 *
 * <p>Special tokens ({@code <|endoftext|>}) written in the text are recognised by {@link #encode} (as the Hugging
 * Face tokenizer does) and treated as ordinary text by {@link #encodeOrdinary} (as OpenAI's {@code encoder.py} does).
 * Thread-safe; pieces already seen are served from a bounded cache.
 */
public final class BpeTokenizer {
    /** 2^17 cached pieces: a book's vocabulary fits; a bigger corpus evicts its rare words. */
    private static final int CACHE_LOG2_SLOTS = 17;

    private final String[] tokens;
    private final Map<String, Integer> ids;
    private final MergeTable merges;
    private final BpeMerger merger;
    private final int[] byteIds = new int[256];
    private final Map<String, Integer> specials;
    private final boolean[] isSpecial;
    private final byte[][] tokenBytes;
    private final PieceCache cache = new PieceCache(CACHE_LOG2_SLOTS);

    /**
     * @param vocab   token → id; must hold all 256 byte characters and every merge result
     * @param merges  merges in priority order (first = merged first)
     * @param special special tokens (each must be in {@code vocab}), matched in the text by {@link #encode}
     */
    public BpeTokenizer(Map<String, Integer> vocab, List<Merge> merges, List<String> special) {
        this.ids = Map.copyOf(vocab);
        this.tokens = invert(vocab);
        for (int b = 0; b < 256; b++) {
            Integer id = vocab.get(String.valueOf(ByteUnicode.charOf(b)));
            if (id == null) {
                throw new IllegalArgumentException("vocabulary lacks the byte token for byte " + b
                        + " ('" + ByteUnicode.charOf(b) + "'): not a byte-level BPE vocabulary");
            }
            byteIds[b] = id;
        }
        this.merges = buildMerges(vocab, merges);
        this.merger = new BpeMerger(this.merges, byteIds);
        Map<String, Integer> sp = new HashMap<>();
        for (String s : special) {
            Integer id = vocab.get(s);
            if (id == null) {
                throw new IllegalArgumentException("special token " + s + " is not in the vocabulary");
            }
            sp.put(s, id);
        }
        this.specials = Map.copyOf(sp);
        this.isSpecial = new boolean[tokens.length];
        sp.values().forEach(id -> isSpecial[id] = true);
        this.tokenBytes = new byte[tokens.length][];
        for (int id = 0; id < tokens.length; id++) {
            tokenBytes[id] = tokens[id] == null ? null : bytesOf(tokens[id]);
        }
    }

    /** Token ids of {@code text}; special tokens written in it become their single id. */
    public int[] encode(String text) {
        IntList out = new IntList();
        int from = 0;
        while (from < text.length()) {
            int[] hit = nextSpecial(text, from);
            int end = hit == null ? text.length() : hit[0];
            encodeRange(text, from, end, out);
            if (hit == null) {
                break;
            }
            out.add(hit[2]);
            from = hit[1];
        }
        return out.toArray();
    }

    /** Token ids of {@code text} with special tokens treated as ordinary text. */
    public int[] encodeOrdinary(String text) {
        IntList out = new IntList();
        encodeRange(text, 0, text.length(), out);
        return out.toArray();
    }

    /** The text of {@code ids}; invalid UTF-8 (ids that cut a character) gives U+FFFD per maximal invalid part. */
    public String decode(int[] ids) {
        return decode(ids, false);
    }

    /** The text of {@code ids} without the special tokens ({@code skip_special_tokens=True}). */
    public String decodeSkippingSpecial(int[] ids) {
        return decode(ids, true);
    }

    private String decode(int[] ids, boolean skipSpecial) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(ids.length * 4);
        for (int i = 0; i < ids.length; i++) {
            int id = ids[i];
            if (id < 0 || id >= tokens.length || tokens[id] == null) {
                throw new IllegalArgumentException("decode: token id " + id + " at position " + i
                        + " is not in the vocabulary (ids 0.." + (tokens.length - 1) + ")");
            }
            if (!(skipSpecial && isSpecial[id])) {
                bytes.writeBytes(tokenBytes[id]);
            }
        }
        return Utf8Lossy.decode(bytes.toByteArray(), bytes.size());
    }

    /** The byte-level token string of {@code id} ({@code Ġworld}). */
    public String token(int id) {
        if (id < 0 || id >= tokens.length || tokens[id] == null) {
            throw new IllegalArgumentException("token id " + id + " is not in the vocabulary");
        }
        return tokens[id];
    }

    /** The id of a byte-level token string, or -1. */
    public int id(String token) {
        Integer id = ids.get(token);
        return id == null ? -1 : id;
    }

    /** One more than the largest id. */
    public int vocabSize() {
        return tokens.length;
    }

    public int mergeCount() {
        return merges.size();
    }

    /** The merges in rank order (for writing a merges file). */
    public List<Merge> merges() {
        List<Merge> list = new ArrayList<>(merges.size());
        for (int r = 0; r < merges.size(); r++) {
            list.add(new Merge(tokens[merges.left(r)], tokens[merges.right(r)]));
        }
        return list;
    }

    /** The vocabulary as token → id. */
    public Map<String, Integer> vocab() {
        return ids;
    }

    /** For tests: the two merge algorithms side by side. */
    BpeMerger merger() {
        return merger;
    }

    private void encodeRange(String text, int from, int to, IntList out) {
        Gpt2PreTokenizer.scan(text, from, to, (s, e) -> out.addAll(encodePiece(text, s, e)));
    }

    private int[] encodePiece(String text, int start, int end) {
        int hash = PieceCache.hash(text, start, end);
        int[] cached = cache.get(text, start, end, hash);
        if (cached != null) {
            return cached;
        }
        String piece = text.substring(start, end);
        int[] result = merger.merge(utf8(piece));
        cache.put(piece, hash, result);
        return result;
    }

    /**
     * UTF-8 with a lone surrogate as U+FFFD (what a Rust string would hold), not Java's {@code '?'}: a lone surrogate
     * cannot be encoded losslessly either way, but this way ids match the reference tokenizer.
     */
    static byte[] utf8(String piece) {
        for (int i = 0; i < piece.length(); i++) {
            if (Character.isSurrogate(piece.charAt(i))) {
                StringBuilder fixed = new StringBuilder(piece.length());
                piece.codePoints().forEach(cp -> fixed.appendCodePoint(
                        cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE ? 0xFFFD : cp));
                return fixed.toString().getBytes(StandardCharsets.UTF_8);
            }
        }
        return piece.getBytes(StandardCharsets.UTF_8);
    }

    /** The leftmost (then longest) special token at or after {@code from}: {start, end, id}, or null. */
    private int[] nextSpecial(String text, int from) {
        int[] best = null;
        for (Map.Entry<String, Integer> e : specials.entrySet()) {
            int at = text.indexOf(e.getKey(), from);
            if (at < 0) {
                continue;
            }
            int end = at + e.getKey().length();
            if (best == null || at < best[0] || (at == best[0] && end > best[1])) {
                best = new int[] {at, end, e.getValue()};
            }
        }
        return best;
    }

    /**
     * The bytes a token stands for. A token with any character outside the byte alphabet (an added token) stands for
     * its own UTF-8, as in Hugging Face's ByteLevel decoder.
     */
    private static byte[] bytesOf(String token) {
        byte[] out = new byte[token.length()];
        for (int k = 0; k < token.length(); k++) {
            int b = ByteUnicode.byteOf(token.charAt(k));
            if (b < 0) {
                return token.getBytes(StandardCharsets.UTF_8);
            }
            out[k] = (byte) b;
        }
        return out;
    }

    private static String[] invert(Map<String, Integer> vocab) {
        int max = -1;
        for (int id : vocab.values()) {
            if (id < 0) {
                throw new IllegalArgumentException("vocabulary has a negative id: " + id);
            }
            max = Math.max(max, id);
        }
        String[] tokens = new String[max + 1];
        for (Map.Entry<String, Integer> e : vocab.entrySet()) {
            if (tokens[e.getValue()] != null) {
                throw new IllegalArgumentException("vocabulary gives id " + e.getValue() + " to both "
                        + tokens[e.getValue()] + " and " + e.getKey());
            }
            tokens[e.getValue()] = e.getKey();
        }
        return tokens;
    }

    private static MergeTable buildMerges(Map<String, Integer> vocab, List<Merge> merges) {
        MergeTable table = new MergeTable(merges.size());
        for (int r = 0; r < merges.size(); r++) {
            Merge m = merges.get(r);
            Integer left = vocab.get(m.left());
            Integer right = vocab.get(m.right());
            Integer merged = vocab.get(m.left() + m.right());
            if (left == null || right == null || merged == null) {
                throw new IllegalArgumentException("merge " + (r + 1) + " (" + m + ") uses a token that is not in"
                        + " the vocabulary: " + (left == null ? m.left() : right == null ? m.right()
                        : m.left() + m.right()));
            }
            table.add(left, right, merged);
        }
        return table;
    }
}
