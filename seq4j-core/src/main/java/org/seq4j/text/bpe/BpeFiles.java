package org.seq4j.text.bpe;

import org.seq4j.text.Utf8Lines;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes byte-level BPE files: OpenAI's {@code encoder.json} + {@code vocab.bpe}, Hugging Face's
 * {@code vocab.json} + {@code merges.txt} (the same formats), and a Hugging Face {@code tokenizer.json}.
 * Every error names the file (and line for merges): a broken file never loads as a silently different tokenizer.
 */
public final class BpeFiles {
    /** GPT-2's only special token. */
    public static final String END_OF_TEXT = "<|endoftext|>";

    private static final String VERSION_HEADER = "#version";

    private BpeFiles() {
    }

    /** A tokenizer from a vocabulary JSON and a merges file; {@code <|endoftext|>} is special if the vocab has it. */
    public static BpeTokenizer load(Path vocabJson, Path mergesTxt) throws IOException {
        Map<String, Integer> vocab = readVocab(vocabJson);
        List<Merge> merges = readMerges(mergesTxt);
        List<String> special = vocab.containsKey(END_OF_TEXT) ? List.of(END_OF_TEXT) : List.of();
        return build(vocab, merges, special, vocabJson + " / " + mergesTxt);
    }

    /** A tokenizer from a Hugging Face {@code tokenizer.json} with a {@code BPE} model. */
    public static BpeTokenizer loadTokenizerJson(Path tokenizerJson) throws IOException {
        JsonNode root = readJson(tokenizerJson);
        JsonNode model = root.path("model");
        if (!"BPE".equals(model.path("type").asText())) {
            throw new IOException(tokenizerJson + ": model.type is '" + model.path("type").asText()
                    + "', expected 'BPE'");
        }
        Map<String, Integer> vocab = vocabFrom(model.path("vocab"), tokenizerJson + " model.vocab");
        List<Merge> merges = new ArrayList<>();
        JsonNode list = model.path("merges");
        if (!list.isArray()) {
            throw new IOException(tokenizerJson + ": model.merges is missing or not an array");
        }
        for (int i = 0; i < list.size(); i++) {
            merges.add(mergeFrom(list.get(i), tokenizerJson + " model.merges[" + i + "]"));
        }
        List<String> special = new ArrayList<>();
        for (JsonNode added : root.path("added_tokens")) {
            String content = added.path("content").asText();
            vocab.putIfAbsent(content, added.path("id").asInt());
            if (added.path("special").asBoolean(false)) {
                special.add(content);
            }
        }
        return build(vocab, merges, special, tokenizerJson.toString());
    }

    /** A token → id JSON object ({@code encoder.json} / {@code vocab.json}). */
    public static Map<String, Integer> readVocab(Path vocabJson) throws IOException {
        return vocabFrom(readJson(vocabJson), vocabJson.toString());
    }

    /** A merges file: an optional {@code #version} first line, then one {@code "left right"} pair per line. */
    public static List<Merge> readMerges(Path mergesTxt) throws IOException {
        List<Merge> merges = new ArrayList<>();
        List<String> lines = Utf8Lines.read(mergesTxt);
        int last = lines.size();
        while (last > 0 && lines.get(last - 1).isEmpty()) {
            last--; // trailing blank lines are the end of the file, not merges
        }
        for (int i = 0; i < last; i++) {
            String line = lines.get(i);
            if (i == 0 && line.startsWith(VERSION_HEADER)) {
                continue;
            }
            int space = line.indexOf(' ');
            if (space <= 0 || space == line.length() - 1 || line.indexOf(' ', space + 1) >= 0) {
                throw new IOException(mergesTxt + ":" + (i + 1) + ": expected 'left right', got '" + line + "'");
            }
            merges.add(new Merge(line.substring(0, space), line.substring(space + 1)));
        }
        return merges;
    }

    /** Writes {@code vocab.json} (ids in order) and {@code merges.txt} (with the {@code #version: 0.2} header). */
    public static void write(BpeTokenizer tokenizer, Path vocabJson, Path mergesTxt) throws IOException {
        Map<Integer, String> byId = new TreeMap<>();
        tokenizer.vocab().forEach((t, id) -> byId.put(id, t));
        Map<String, Integer> ordered = new LinkedHashMap<>();
        byId.forEach((id, t) -> ordered.put(t, id));
        new ObjectMapper().writeValue(vocabJson.toFile(), ordered);
        try (BufferedWriter out = Files.newBufferedWriter(mergesTxt, StandardCharsets.UTF_8)) {
            out.write(VERSION_HEADER + ": 0.2\n");
            for (Merge m : tokenizer.merges()) {
                out.write(m.toString());
                out.write('\n');
            }
        }
    }

    private static BpeTokenizer build(Map<String, Integer> vocab, List<Merge> merges, List<String> special,
                                      String source) throws IOException {
        try {
            return new BpeTokenizer(vocab, merges, special);
        } catch (IllegalArgumentException e) {
            throw new IOException(source + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode readJson(Path file) throws IOException {
        try {
            return new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": malformed JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
        }
    }

    private static Map<String, Integer> vocabFrom(JsonNode node, String source) throws IOException {
        if (node == null || !node.isObject()) {
            throw new IOException(source + ": expected a JSON object mapping tokens to ids");
        }
        Map<String, Integer> vocab = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode id = e.getValue();
            if (!id.isInt() || id.asInt() < 0) {
                throw new IOException(source + ": token '" + e.getKey() + "' has id " + id
                        + ", expected a non-negative integer");
            }
            vocab.put(e.getKey(), id.asInt());
        }
        return vocab;
    }

    private static Merge mergeFrom(JsonNode node, String source) throws IOException {
        if (node.isArray() && node.size() == 2 && node.get(0).isTextual() && node.get(1).isTextual()) {
            return new Merge(node.get(0).asText(), node.get(1).asText());
        }
        if (node.isTextual()) {
            String[] parts = node.asText().split(" ", -1);
            if (parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty()) {
                return new Merge(parts[0], parts[1]);
            }
        }
        throw new IOException(source + ": expected \"left right\" or [left, right], got " + node);
    }
}
