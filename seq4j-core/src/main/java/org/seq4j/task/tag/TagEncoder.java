package org.seq4j.task.tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.seq4j.data.TaggedSentence;
import org.seq4j.tensor.IntTensor;
import org.seq4j.tensor.Tensor;
import org.seq4j.text.SpecialTokens;
import org.seq4j.text.Vocabulary;
import org.seq4j.text.VocabularyOptions;

/**
 * Tokens → padded id tensors (id 0 is padding, so Embedding(maskZero) masks it; 1 is {@code <unk>}), and tag ids
 * ↔ tags. Words are normalised first: digits become 0 (numbers are tagged by form, not value) and, with
 * {@link Casing#LOWER}, lower-cased. The optional feature is the word's shape and last three letters.
 */
final class TagEncoder {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SpecialTokens SPECIALS = SpecialTokens.none().withPad("<pad>").withUnk("<unk>");

    private final Casing casing;
    private final Vocabulary words;
    private final Vocabulary features;      // null with WordFeatures.WORDS
    private final List<String> tags;
    private final Map<String, Integer> tagIds = new HashMap<>();

    private TagEncoder(Casing casing, Vocabulary words, Vocabulary features, List<String> tags) {
        this.casing = casing;
        this.words = words;
        this.features = features;
        this.tags = List.copyOf(tags);
        for (int i = 0; i < tags.size(); i++) {
            tagIds.put(tags.get(i), i);
        }
    }

    /** Vocabularies and the tag set (sorted) of the training sentences. */
    static TagEncoder build(List<TaggedSentence> train, TaggerSpec spec) {
        Map<String, Long> wordCounts = new HashMap<>();
        Map<String, Long> featureCounts = new HashMap<>();
        TreeSet<String> tagSet = new TreeSet<>();
        for (TaggedSentence s : train) {
            for (String token : s.tokens()) {
                wordCounts.merge(normalise(token, spec.casing()), 1L, Long::sum);
                featureCounts.merge(feature(token), 1L, Long::sum);
            }
            tagSet.addAll(s.tags());
        }
        VocabularyOptions o = VocabularyOptions.defaults().withSpecials(SPECIALS);
        Vocabulary w = Vocabulary.fromCounts(wordCounts, Vocabulary.Granularity.WORD,
                o.withMinFrequency(spec.minFrequency()));
        Vocabulary f = spec.features() == WordFeatures.WORDS ? null
                : Vocabulary.fromCounts(featureCounts, Vocabulary.Granularity.WORD, o);
        return new TagEncoder(spec.casing(), w, f, new ArrayList<>(tagSet));
    }

    static String normalise(String token, Casing casing) {
        StringBuilder b = new StringBuilder(token.length());
        token.codePoints().forEach(c -> b.appendCodePoint(Character.isDigit(c) ? '0' : c));
        return casing == Casing.LOWER ? b.toString().toLowerCase(Locale.ROOT) : b.toString();
    }

    /** Shape class and the last three (lower-cased, digit-folded) characters: "Xx|ent", "XX|nyc", "d|000". */
    static String feature(String token) {
        if (token.isEmpty()) {
            return "p|";
        }
        boolean letter = token.codePoints().anyMatch(Character::isLetter);
        boolean digit = token.codePoints().anyMatch(Character::isDigit);
        boolean upperFirst = Character.isUpperCase(token.codePointAt(0));
        boolean allUpper = letter && token.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase);
        String shape = allUpper && token.length() > 1 ? "XX" : upperFirst ? "Xx" : letter ? "x" : digit ? "d" : "p";
        String n = normalise(token, Casing.LOWER);
        int from = n.offsetByCodePoints(n.length(), -Math.min(3, n.codePointCount(0, n.length())));
        return shape + "|" + n.substring(from);
    }

    /** One id tensor per network input, each (B, T) with T the longest sentence, zero-padded. */
    List<Tensor> inputs(List<List<String>> sentences) {
        int t = Math.max(1, sentences.stream().mapToInt(List::size).max().orElse(1));
        float[] w = new float[sentences.size() * t];
        float[] f = new float[w.length];
        for (int b = 0; b < sentences.size(); b++) {
            List<String> s = sentences.get(b);
            for (int i = 0; i < s.size(); i++) {
                w[b * t + i] = words.id(normalise(s.get(i), casing));
                if (features != null) {
                    f[b * t + i] = features.id(feature(s.get(i)));
                }
            }
        }
        Tensor wt = Tensor.of(w, sentences.size(), t);     // (B, T)
        return features == null ? List.of(wt) : List.of(wt, Tensor.of(f, sentences.size(), t));
    }

    /** Tag ids (B, T), padding positions 0 (they are masked out of the loss). */
    IntTensor targets(List<List<String>> tagSeqs) {
        int t = Math.max(1, tagSeqs.stream().mapToInt(List::size).max().orElse(1));
        int[] ids = new int[tagSeqs.size() * t];
        for (int b = 0; b < tagSeqs.size(); b++) {
            List<String> s = tagSeqs.get(b);
            for (int i = 0; i < s.size(); i++) {
                ids[b * t + i] = tagIds.get(s.get(i));
            }
        }
        return IntTensor.of(ids, tagSeqs.size(), t);
    }

    boolean isUnknown(String token) {
        return !words.contains(normalise(token, casing));
    }

    int inputCount() {
        return features == null ? 1 : 2;
    }

    int wordCount() {
        return words.size();
    }

    int featureCount() {
        return features == null ? 0 : features.size();
    }

    List<String> tags() {
        return tags;
    }

    String tag(int id) {
        return tags.get(id);
    }

    String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("casing", casing.name());
        words.tokens().forEach(root.putArray("words")::add);
        if (features != null) {
            features.tokens().forEach(root.putArray("features")::add);
        }
        tags.forEach(root.putArray("tags")::add);
        return root.toString();
    }

    static TagEncoder fromJson(String json, String source) throws IOException {
        try {
            JsonNode root = JSON.readTree(json);
            Casing casing = Casing.valueOf(root.path("casing").asText());
            Vocabulary w = Vocabulary.of(strings(root.path("words")), SPECIALS, Vocabulary.Granularity.WORD);
            Vocabulary f = root.has("features")
                    ? Vocabulary.of(strings(root.path("features")), SPECIALS, Vocabulary.Granularity.WORD) : null;
            return new TagEncoder(casing, w, f, strings(root.path("tags")));
        } catch (IOException | RuntimeException e) {
            throw new IOException(source + ": unreadable tagger vocabularies: " + e.getMessage(), e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
