package org.seq4j.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.seq4j.text.SpecialTokens.Role;

/**
 * An immutable token ↔ id table with special tokens, for word- or character-level models.
 *
 * <p>Built from counts: the specials take ids 0.. in canonical order (see {@link SpecialTokens}), then the
 * tokens seen at least {@code minFrequency} times by count, descending, ties by code point order, up to
 * {@code maxSize} entries in all. Unknown tokens encode to UNK (an error if there is none); ids outside the
 * table are an error, never skipped.
 */
public final class Vocabulary {

    /** How a text is split into tokens and joined back. */
    public enum Granularity {
        /** Tokens are separated by whitespace (Python's {@code str.split()}); decoding joins with one space. */
        WORD,
        /** Every code point is a token, spaces included; decoding concatenates. */
        CHAR
    }

    /** Which sequence markers {@link #encode(String, Markers)} adds. */
    public enum Markers { NONE, BOS, EOS, BOS_EOS }

    private final List<String> tokens;
    private final Map<String, Integer> ids;
    private final SpecialTokens specials;
    private final Map<Role, Integer> specialIds;
    private final Granularity granularity;

    /**
     * A vocabulary with exactly these tokens at ids 0..n-1 (as loaded from a file). Every present special must be
     * one of the tokens; tokens must be unique.
     */
    public static Vocabulary of(List<String> tokens, SpecialTokens specials, Granularity granularity) {
        return new Vocabulary(List.copyOf(tokens), specials, granularity);
    }

    private Vocabulary(List<String> tokens, SpecialTokens specials, Granularity granularity) {
        this.tokens = tokens;
        this.specials = specials;
        this.granularity = granularity;
        this.ids = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (ids.putIfAbsent(tokens.get(i), i) != null) {
                throw new IllegalArgumentException("token '" + tokens.get(i) + "' appears at ids "
                        + ids.get(tokens.get(i)) + " and " + i);
            }
        }
        this.specialIds = new EnumMap<>(Role.class);
        specials.byRole().forEach((role, t) -> {
            Integer id = ids.get(t);
            if (id == null) {
                throw new IllegalArgumentException("special token " + role + " '" + t + "' is not in the tokens");
            }
            specialIds.put(role, id);
        });
    }

    /** From token counts (see the class comment for the order). */
    public static Vocabulary fromCounts(Map<String, Long> counts, Granularity granularity, VocabularyOptions o) {
        List<String> specialList = o.specials().present();
        List<Map.Entry<String, Long>> kept = new ArrayList<>();
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            if (e.getValue() >= o.minFrequency() && !specialList.contains(e.getKey())) {
                kept.add(e);
            }
        }
        kept.sort(Comparator.comparing((Map.Entry<String, Long> e) -> e.getValue()).reversed()
                .thenComparing(Map.Entry::getKey, Vocabulary::compareCodePoints));
        List<String> all = new ArrayList<>(specialList);
        int limit = o.maxSize() == null ? Integer.MAX_VALUE : o.maxSize();
        for (Map.Entry<String, Long> e : kept) {
            if (all.size() >= limit) {
                break;
            }
            all.add(e.getKey());
        }
        return new Vocabulary(List.copyOf(all), o.specials(), granularity);
    }

    /** Word level: counts whitespace-separated words of {@code texts} (no case folding: do that first if wanted). */
    public static Vocabulary buildWords(List<String> texts, VocabularyOptions o) {
        return fromCounts(count(texts, Granularity.WORD), Granularity.WORD, o);
    }

    /** Character level: counts the code points of {@code texts}, spaces included. */
    public static Vocabulary buildChars(List<String> texts, VocabularyOptions o) {
        return fromCounts(count(texts, Granularity.CHAR), Granularity.CHAR, o);
    }

    private static Map<String, Long> count(List<String> texts, Granularity g) {
        Map<String, Long> counts = new HashMap<>();
        for (String text : texts) {
            for (String t : split(text, g)) {
                counts.merge(t, 1L, Long::sum);
            }
        }
        return counts;
    }

    private static List<String> split(String text, Granularity g) {
        return g == Granularity.WORD ? PythonStrings.split(text) : PythonStrings.codePoints(text);
    }

    /** Unicode code point order (String.compareTo would order by UTF-16 units, which differs above U+FFFF). */
    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** The tokens of {@code text} at this vocabulary's granularity. */
    public List<String> tokenize(String text) {
        return split(text, granularity);
    }

    /** Ids of {@code text}'s tokens; unknown ones become UNK. */
    public int[] encode(String text) {
        return encode(tokenize(text));
    }

    /** Ids of {@code text}'s tokens with BOS and/or EOS around them. */
    public int[] encode(String text, Markers markers) {
        List<Integer> out = new ArrayList<>();
        if (markers == Markers.BOS || markers == Markers.BOS_EOS) {
            out.add(id(Role.BOS));
        }
        for (int id : encode(text)) {
            out.add(id);
        }
        if (markers == Markers.EOS || markers == Markers.BOS_EOS) {
            out.add(id(Role.EOS));
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Ids of the given tokens; unknown ones become UNK. */
    public int[] encode(List<String> tokenList) {
        int[] out = new int[tokenList.size()];
        for (int i = 0; i < out.length; i++) {
            Integer id = ids.get(tokenList.get(i));
            if (id == null) {
                Integer unk = specialIds.get(Role.UNK);
                if (unk == null) {
                    throw new IllegalArgumentException("token '" + tokenList.get(i) + "' at position " + i
                            + " is not in the vocabulary, which has no UNK token");
                }
                id = unk;
            }
            out[i] = id;
        }
        return out;
    }

    /** The tokens of {@code ids}, specials included. */
    public List<String> decode(int[] idSeq) {
        List<String> out = new ArrayList<>(idSeq.length);
        for (int p = 0; p < idSeq.length; p++) {
            out.add(token(idSeq[p], p));
        }
        return out;
    }

    /** Text of {@code ids}: PAD and BOS are skipped, decoding stops at the first EOS. */
    public String decodeText(int[] idSeq) {
        Integer pad = specialIds.get(Role.PAD);
        Integer bos = specialIds.get(Role.BOS);
        Integer eos = specialIds.get(Role.EOS);
        List<String> out = new ArrayList<>();
        for (int p = 0; p < idSeq.length; p++) {
            String t = token(idSeq[p], p);
            int id = idSeq[p];
            if (eos != null && id == eos) {
                break;
            }
            if ((pad == null || id != pad) && (bos == null || id != bos)) {
                out.add(t);
            }
        }
        return String.join(granularity == Granularity.WORD ? " " : "", out);
    }

    private String token(int id, int position) {
        if (id < 0 || id >= tokens.size()) {
            throw new IllegalArgumentException("id " + id + (position >= 0 ? " at position " + position : "")
                    + " is outside the vocabulary [0, " + tokens.size() + ")");
        }
        return tokens.get(id);
    }

    /** The token with this id. */
    public String token(int id) {
        return token(id, -1);
    }

    /** The id of {@code token}, or UNK's (an error if there is no UNK). */
    public int id(String token) {
        return encode(List.of(token))[0];
    }

    public boolean contains(String token) {
        return ids.containsKey(token);
    }

    /** The id of a special token; an error if the vocabulary has none in that role. */
    public int id(Role role) {
        Integer id = specialIds.get(role);
        if (id == null) {
            throw new IllegalStateException("this vocabulary has no " + role + " token");
        }
        return id;
    }

    public boolean has(Role role) {
        return specialIds.containsKey(role);
    }

    public int size() {
        return tokens.size();
    }

    /** All tokens, index = id. */
    public List<String> tokens() {
        return Collections.unmodifiableList(tokens);
    }

    public SpecialTokens specials() {
        return specials;
    }

    public Granularity granularity() {
        return granularity;
    }

    /** Writes the JSON form (see {@link VocabularyJson}). */
    public void save(Path file) throws IOException {
        VocabularyJson.save(this, file);
    }

    /** Reads the JSON form; a bad file throws {@link TextFormatException} naming the file and line. */
    public static Vocabulary load(Path file) throws IOException {
        return VocabularyJson.load(file);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary v && tokens.equals(v.tokens) && specials.equals(v.specials)
                && granularity == v.granularity;
    }

    @Override
    public int hashCode() {
        return tokens.hashCode() * 31 + specials.hashCode();
    }

    @Override
    public String toString() {
        return "Vocabulary(" + granularity + ", " + tokens.size() + " tokens, specials " + specials.byRole() + ")";
    }
}
