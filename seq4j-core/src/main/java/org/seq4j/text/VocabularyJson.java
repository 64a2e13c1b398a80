package org.seq4j.text;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.seq4j.text.SpecialTokens.Role;

/**
 * The vocabulary file: UTF-8 JSON with one token per line, so a problem can be pointed at by line number.
 * <pre>
 * {"format": "seq4j.vocabulary", "version": 1, "granularity": "word",
 *  "specials": {"pad": "&lt;pad&gt;", "unk": "&lt;unk&gt;"},
 *  "tokens": [
 *   "&lt;pad&gt;",
 *   ...
 *  ]}
 * </pre>
 * Read with Jackson's streaming parser rather than a tree, because only the parser knows line numbers.
 */
final class VocabularyJson {
    static final String FORMAT = "seq4j.vocabulary";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = new JsonFactory();

    private VocabularyJson() {
    }

    static void save(Vocabulary v, Path file) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("{\"format\": \"").append(FORMAT).append("\", \"version\": 1, \"granularity\": \"")
                .append(v.granularity().name().toLowerCase(Locale.ROOT)).append("\",\n \"specials\": {");
        boolean first = true;
        for (Map.Entry<Role, String> e : v.specials().byRole().entrySet()) {
            b.append(first ? "" : ", ").append('"').append(e.getKey().name().toLowerCase(Locale.ROOT))
                    .append("\": ").append(MAPPER.writeValueAsString(e.getValue()));
            first = false;
        }
        b.append("},\n \"tokens\": [\n");
        List<String> tokens = v.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            b.append("  ").append(MAPPER.writeValueAsString(tokens.get(i))).append(i + 1 < tokens.size() ? ",\n" : "\n");
        }
        b.append(" ]}\n");
        Files.writeString(file, b);
    }

    static Vocabulary load(Path file) throws IOException {
        String source = file.toString();
        String format = null;
        Vocabulary.Granularity granularity = null;
        Map<Role, String> specials = new EnumMap<>(Role.class);
        Map<Role, Integer> specialLines = new EnumMap<>(Role.class);
        List<String> tokens = null;
        try (JsonParser p = FACTORY.createParser(file.toFile())) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT, source, "the file must be a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "format" -> format = text(p, value, source, field);
                    case "version" -> {
                        if (value != JsonToken.VALUE_NUMBER_INT || p.getIntValue() != 1) {
                            throw error(p, source, "unsupported version " + p.getText() + " (this reader knows 1)");
                        }
                    }
                    case "granularity" -> granularity = granularity(p, text(p, value, source, field), source);
                    case "specials" -> {
                        expect(p, value, JsonToken.START_OBJECT, source, "'specials' must be an object");
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            Role role = role(p, source);
                            specials.put(role, text(p, p.nextToken(), source, "special " + p.currentName()));
                            specialLines.put(role, line(p));
                        }
                    }
                    case "tokens" -> tokens = tokens(p, value, source);
                    default -> throw error(p, source, "unknown field '" + field + "'");
                }
            }
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new TextFormatException(source, line, "malformed JSON: " + e.getOriginalMessage(), e);
        }
        if (!FORMAT.equals(format)) {
            throw new TextFormatException(source, 0, "not a vocabulary file: \"format\" is "
                    + (format == null ? "missing" : "'" + format + "'") + ", expected '" + FORMAT + "'");
        }
        if (tokens == null || granularity == null) {
            throw new TextFormatException(source, 0, "missing \"" + (tokens == null ? "tokens" : "granularity") + "\"");
        }
        for (Map.Entry<Role, String> e : specials.entrySet()) {
            if (!tokens.contains(e.getValue())) {
                throw new TextFormatException(source, specialLines.get(e.getKey()), "special token "
                        + e.getKey() + " '" + e.getValue() + "' is not among the tokens");
            }
        }
        try {
            return Vocabulary.of(tokens, SpecialTokens.of(specials), granularity);
        } catch (IllegalArgumentException e) {
            throw new TextFormatException(source, 0, e.getMessage(), e);
        }
    }

    /** The token array; a duplicate is reported at the line of its second occurrence. */
    private static List<String> tokens(JsonParser p, JsonToken start, String source) throws IOException {
        expect(p, start, JsonToken.START_ARRAY, source, "'tokens' must be an array of strings");
        List<String> tokens = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            String token = text(p, t, source, "token " + tokens.size());
            Integer earlier = firstLine.putIfAbsent(token, line(p));
            if (earlier != null) {
                throw error(p, source, "duplicate token " + MAPPER.writeValueAsString(token) + " (id "
                        + tokens.size() + "; first seen on line " + earlier + ")");
            }
            tokens.add(token);
        }
        return tokens;
    }

    private static Vocabulary.Granularity granularity(JsonParser p, String s, String source) {
        return switch (s) {
            case "word" -> Vocabulary.Granularity.WORD;
            case "char" -> Vocabulary.Granularity.CHAR;
            default -> throw error(p, source, "granularity '" + s + "' is neither 'word' nor 'char'");
        };
    }

    private static Role role(JsonParser p, String source) throws IOException {
        String name = p.currentName();
        for (Role r : Role.values()) {
            if (r.name().toLowerCase(Locale.ROOT).equals(name)) {
                return r;
            }
        }
        throw error(p, source, "unknown special token role '" + name + "' (known: pad, unk, bos, eos, mask, cls, sep)");
    }

    private static String text(JsonParser p, JsonToken t, String source, String what) throws IOException {
        if (t != JsonToken.VALUE_STRING) {
            throw error(p, source, what + " must be a string, got " + (t == null ? "end of file" : p.getText()));
        }
        return p.getText();
    }

    private static void expect(JsonParser p, JsonToken got, JsonToken want, String source, String problem) {
        if (got != want) {
            throw error(p, source, problem);
        }
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    private static TextFormatException error(JsonParser p, String source, String problem) {
        return new TextFormatException(source, line(p), problem);
    }
}
