package org.seq4j.task.lm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seq4j.data.CharVocabulary;
import org.seq4j.text.SpecialTokens;
import org.seq4j.text.Vocabulary;
import org.seq4j.text.bpe.BpeTokenizer;
import org.seq4j.text.bpe.Merge;

/** The JSON form of a {@link TextCodec}, kept in the model file's metadata. */
final class CodecJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CodecJson() {
    }

    /** The JSON form: {"level": ..., and the level's table}. */
    static String toJson(TextCodec codec) {
        ObjectNode root = JSON.createObjectNode();
        root.put("level", codec.level().name().toLowerCase());
        switch (codec) {
            case TextCodec.Chars c -> {
                var arr = root.putArray("code_points");
                for (int id = 0; id < c.size(); id++) {
                    arr.add(c.vocabulary().codePoint(id));
                }
            }
            case TextCodec.Words w -> {
                var arr = root.putArray("tokens");
                w.vocabulary().tokens().forEach(arr::add);
            }
            case TextCodec.Bpe b -> {
                ObjectNode vocab = root.putObject("vocab");
                b.tokenizer().vocab().forEach(vocab::put);
                var merges = root.putArray("merges");
                b.tokenizer().merges().forEach(m -> merges.add(m.left() + " " + m.right()));
                var specials = root.putArray("specials");
                b.tokenizer().vocab().keySet().stream().filter(t -> t.startsWith("<|") && t.endsWith("|>"))
                        .sorted().forEach(specials::add);
            }
        }
        return root.toString();
    }

    /** Reads {@link #toJson}; {@code source} names where the JSON came from in errors. */
    static TextCodec fromJson(String json, String source) throws IOException {
        try {
            JsonNode root = JSON.readTree(json);
            String level = root.path("level").asText();
            return switch (level) {
                case "char" -> {
                    List<Integer> cps = new ArrayList<>();
                    root.path("code_points").forEach(n -> cps.add(n.asInt()));
                    yield new TextCodec.Chars(CharVocabulary.of(cps.stream().mapToInt(Integer::intValue)));
                }
                case "word" -> {
                    List<String> tokens = new ArrayList<>();
                    root.path("tokens").forEach(n -> tokens.add(n.asText()));
                    yield new TextCodec.Words(Vocabulary.of(tokens, TextCodec.Words.SPECIALS,
                            Vocabulary.Granularity.WORD));
                }
                case "bpe" -> {
                    Map<String, Integer> vocab = new LinkedHashMap<>();
                    root.path("vocab").fields().forEachRemaining(e -> vocab.put(e.getKey(), e.getValue().asInt()));
                    List<Merge> merges = new ArrayList<>();
                    for (JsonNode m : root.path("merges")) {
                        String[] lr = m.asText().split(" ", 2);
                        merges.add(new Merge(lr[0], lr[1]));
                    }
                    List<String> specials = new ArrayList<>();
                    root.path("specials").forEach(n -> specials.add(n.asText()));
                    yield new TextCodec.Bpe(new BpeTokenizer(vocab, merges, specials));
                }
                default -> throw new IOException("unknown tokenizer level '" + level + "'");
            };
        } catch (IOException | RuntimeException e) {
            throw new IOException(source + ": unreadable language-model tokenizer: " + e.getMessage(), e);
        }
    }
}
