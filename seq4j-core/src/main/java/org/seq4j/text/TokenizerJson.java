package org.seq4j.text;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Keras' tokenizer JSON ({@code tokenizer.to_json()} / {@code tokenizer_from_json}):
 * {@code {"class_name": "Tokenizer", "config": {...}}} where the five maps are themselves JSON <em>strings</em>
 * (Keras double-encodes them) and integer keys are strings. Reading also accepts the maps as plain objects.
 */
final class TokenizerJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> KNOWN_KEYS = Set.of("num_words", "filters", "lower", "split", "char_level",
            "oov_token", "document_count", "word_counts", "word_docs", "index_docs", "index_word", "word_index",
            "analyzer");

    private TokenizerJson() {
    }

    static String write(Tokenizer t) {
        TokenizerOptions o = t.options();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("num_words", o.numWords());
        config.put("filters", o.filters());
        config.put("lower", o.lower());
        config.put("split", o.split());
        config.put("char_level", o.charLevel());
        config.put("oov_token", o.oovToken());
        config.put("document_count", t.documentCount());
        config.put("word_counts", PythonJson.dict(t.wordCounts()));
        config.put("word_docs", PythonJson.dict(t.wordDocs()));
        config.put("index_docs", PythonJson.dict(t.indexDocs()));
        config.put("index_word", PythonJson.dict(t.indexWord()));
        config.put("word_index", PythonJson.dict(t.wordIndex()));
        return "{\"class_name\": \"Tokenizer\", \"config\": " + PythonJson.dict(config) + "}";
    }

    static Tokenizer read(String json, String source) {
        JsonNode root = parse(json, source, "file");
        if (!root.isObject() || !root.path("config").isObject()) {
            throw new TextFormatException(source, 0, "not a Keras tokenizer: expected {\"class_name\": "
                    + "\"Tokenizer\", \"config\": {...}}");
        }
        String className = root.path("class_name").asText("Tokenizer");
        if (!className.equals("Tokenizer")) {
            throw new TextFormatException(source, 0, "class_name is '" + className + "', expected 'Tokenizer'");
        }
        JsonNode c = root.get("config");
        c.fieldNames().forEachRemaining(k -> {
            if (!KNOWN_KEYS.contains(k)) {
                throw new TextFormatException(source, 0, "unknown tokenizer config key '" + k + "'");
            }
        });
        if (c.hasNonNull("analyzer")) {
            throw new TextFormatException(source, 0, "a custom 'analyzer' cannot be loaded");
        }
        TokenizerOptions d = TokenizerOptions.defaults();
        TokenizerOptions options;
        try {
            options = new TokenizerOptions(
                    c.hasNonNull("num_words") ? integer(c, "num_words", source) : null,
                    c.has("filters") ? string(c, "filters", source) : d.filters(),
                    c.has("lower") ? bool(c, "lower", source) : d.lower(),
                    c.has("split") ? string(c, "split", source) : d.split(),
                    c.has("char_level") ? bool(c, "char_level", source) : d.charLevel(),
                    c.hasNonNull("oov_token") ? string(c, "oov_token", source) : null);
        } catch (TextFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new TextFormatException(source, 0, e.getMessage(), e);
        }
        int documentCount = c.has("document_count") ? integer(c, "document_count", source) : 0;
        Map<String, Integer> wordCounts = map(c, "word_counts", source, k -> k);
        Map<String, Integer> wordDocs = map(c, "word_docs", source, k -> k);
        Map<Integer, Integer> indexDocs = map(c, "index_docs", source, k -> intKey(k, "index_docs", source));
        Map<String, Integer> wordIndex = map(c, "word_index", source, k -> k);
        Map<Integer, String> indexWord = indexWord(c, source);
        checkInverse(wordIndex, indexWord, source);
        return new Tokenizer(options, documentCount, wordCounts, wordDocs, indexDocs, wordIndex, indexWord);
    }

    private static JsonNode parse(String json, String source, String what) {
        try {
            return MAPPER.readTree(json);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new TextFormatException(source, line, "malformed JSON in " + what + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /** A Keras map: a JSON string holding a JSON object (as Keras writes it), or an object; absent = empty. */
    private static JsonNode object(JsonNode c, String key, String source) {
        JsonNode n = c.get(key);
        if (n == null || n.isNull()) {
            return MAPPER.createObjectNode();
        }
        JsonNode obj = n.isTextual() ? parse(n.asText(), source, "'" + key + "'") : n;
        if (!obj.isObject()) {
            throw new TextFormatException(source, 0, "'" + key + "' must be a JSON object, got " + obj.getNodeType());
        }
        return obj;
    }

    private static <K> Map<K, Integer> map(JsonNode c, String key, String source, Function<String, K> keyOf) {
        Map<K, Integer> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : object(c, key, source).properties()) {
            JsonNode v = e.getValue();
            if (!v.canConvertToInt() || !v.isIntegralNumber() || v.intValue() < 0) {
                throw new TextFormatException(source, 0, "'" + key + "' entry \"" + e.getKey()
                        + "\" must be a non-negative integer, got " + v);
            }
            out.put(keyOf.apply(e.getKey()), v.intValue());
        }
        return out;
    }

    private static Map<Integer, String> indexWord(JsonNode c, String source) {
        Map<Integer, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : object(c, "index_word", source).properties()) {
            if (!e.getValue().isTextual()) {
                throw new TextFormatException(source, 0, "'index_word' entry \"" + e.getKey()
                        + "\" must be a string, got " + e.getValue());
            }
            out.put(intKey(e.getKey(), "index_word", source), e.getValue().asText());
        }
        return out;
    }

    /** Keras derives index_word from word_index; a file where they disagree would decode to the wrong words. */
    private static void checkInverse(Map<String, Integer> wordIndex, Map<Integer, String> indexWord, String source) {
        for (Map.Entry<String, Integer> e : wordIndex.entrySet()) {
            String back = indexWord.get(e.getValue());
            if (!e.getKey().equals(back)) {
                throw new TextFormatException(source, 0, "word_index maps \"" + e.getKey() + "\" to "
                        + e.getValue() + " but index_word maps " + e.getValue() + " to "
                        + (back == null ? "nothing" : "\"" + back + "\""));
            }
        }
        if (indexWord.size() != wordIndex.size()) {
            throw new TextFormatException(source, 0, "index_word has " + indexWord.size()
                    + " entries but word_index has " + wordIndex.size());
        }
    }

    private static int intKey(String k, String field, String source) {
        try {
            return Integer.parseInt(k);
        } catch (NumberFormatException e) {
            throw new TextFormatException(source, 0, "'" + field + "' key \"" + k + "\" is not an integer", e);
        }
    }

    private static int integer(JsonNode c, String key, String source) {
        JsonNode n = c.get(key);
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new TextFormatException(source, 0, "'" + key + "' must be an integer, got " + n);
        }
        return n.intValue();
    }

    private static String string(JsonNode c, String key, String source) {
        JsonNode n = c.get(key);
        if (!n.isTextual()) {
            throw new TextFormatException(source, 0, "'" + key + "' must be a string, got " + n);
        }
        return n.asText();
    }

    private static boolean bool(JsonNode c, String key, String source) {
        JsonNode n = c.get(key);
        if (!n.isBoolean()) {
            throw new TextFormatException(source, 0, "'" + key + "' must be true or false, got " + n);
        }
        return n.booleanValue();
    }
}
