package org.seq4j.text.wordpiece;

import org.seq4j.text.Utf8Lines;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a BERT WordPiece tokenizer from Google's {@code vocab.txt} (uncased settings) or a Hugging Face
 * {@code tokenizer.json}. Errors name the file, and the line for {@code vocab.txt}.
 */
public final class WordPieceFiles {
    /** BERT's special tokens, recognised in raw text when present in the vocabulary. */
    public static final List<String> BERT_SPECIALS = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]");

    private WordPieceFiles() {
    }

    /** An uncased BERT tokenizer from {@code vocab.txt} (one token per line, id = line number - 1). */
    public static WordPieceTokenizer loadVocabTxt(Path vocabTxt) throws IOException {
        Map<String, Integer> vocab = readVocabTxt(vocabTxt);
        List<String> specials = BERT_SPECIALS.stream().filter(vocab::containsKey).toList();
        return build(vocabTxt, () -> new WordPieceTokenizer(new WordPiece(vocab, WordPiece.Settings.defaults()),
                BertNormalizer.Options.uncased(), specials));
    }

    /** Token → id from {@code vocab.txt}; blank or repeated tokens are errors with their line numbers. */
    public static Map<String, Integer> readVocabTxt(Path vocabTxt) throws IOException {
        List<String> lines = Utf8Lines.read(vocabTxt);
        Map<String, Integer> vocab = new HashMap<>();
        int blankAt = -1;
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String token = lines.get(i).stripTrailing();
            if (token.isEmpty()) {
                blankAt = blankAt < 0 ? lineNo : blankAt;
                continue;
            }
            if (blankAt > 0) {
                throw new IOException(vocabTxt + ":" + blankAt + ": blank line inside the vocabulary");
            }
            Integer previous = vocab.putIfAbsent(token, i);
            if (previous != null) {
                throw new IOException(vocabTxt + ":" + lineNo + ": token '" + token + "' repeats line "
                        + (previous + 1));
            }
        }
        if (vocab.isEmpty()) {
            throw new IOException(vocabTxt + ": empty vocabulary");
        }
        return vocab;
    }

    /** A tokenizer from a Hugging Face {@code tokenizer.json} with a {@code WordPiece} model and BertNormalizer. */
    public static WordPieceTokenizer loadTokenizerJson(Path tokenizerJson) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readTree(tokenizerJson.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(tokenizerJson + ": malformed JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
        }
        JsonNode model = root == null ? null : root.path("model");
        if (model == null || !"WordPiece".equals(model.path("type").asText())) {
            throw new IOException(tokenizerJson + ": model.type is not 'WordPiece'");
        }
        Map<String, Integer> vocab = vocabFrom(model.path("vocab"), tokenizerJson);
        WordPiece.Settings settings = new WordPiece.Settings(model.path("unk_token").asText("[UNK]"),
                model.path("continuing_subword_prefix").asText("##"),
                model.path("max_input_chars_per_word").asInt(100));
        List<String> specials = new ArrayList<>();
        for (JsonNode added : root.path("added_tokens")) {
            if (added.path("special").asBoolean(false)) {
                specials.add(added.path("content").asText());
                vocab.putIfAbsent(added.path("content").asText(), added.path("id").asInt());
            }
        }
        BertNormalizer.Options normalization = normalizationFrom(root.path("normalizer"), tokenizerJson);
        return build(tokenizerJson, () -> new WordPieceTokenizer(new WordPiece(vocab, settings), normalization,
                specials));
    }

    private static BertNormalizer.Options normalizationFrom(JsonNode n, Path source) throws IOException {
        if (n.isMissingNode() || n.isNull()) {
            return new BertNormalizer.Options(false, false, false, false);
        }
        if (!"BertNormalizer".equals(n.path("type").asText())) {
            throw new IOException(source + ": normalizer type '" + n.path("type").asText()
                    + "' is not supported (only BertNormalizer)");
        }
        boolean lowercase = n.path("lowercase").asBoolean(true);
        JsonNode strip = n.path("strip_accents");
        // strip_accents null means "follow lowercase", as in the Rust library.
        boolean stripAccents = strip.isBoolean() ? strip.asBoolean() : lowercase;
        return new BertNormalizer.Options(n.path("clean_text").asBoolean(true),
                n.path("handle_chinese_chars").asBoolean(true), stripAccents, lowercase);
    }

    private static Map<String, Integer> vocabFrom(JsonNode node, Path source) throws IOException {
        if (!node.isObject()) {
            throw new IOException(source + ": model.vocab is missing or not an object");
        }
        Map<String, Integer> vocab = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getValue().isInt() || e.getValue().asInt() < 0) {
                throw new IOException(source + ": token '" + e.getKey() + "' has id " + e.getValue()
                        + ", expected a non-negative integer");
            }
            vocab.put(e.getKey(), e.getValue().asInt());
        }
        return vocab;
    }

    private interface Builder {
        WordPieceTokenizer build();
    }

    private static WordPieceTokenizer build(Path source, Builder builder) throws IOException {
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new IOException(source + ": " + e.getMessage(), e);
        }
    }
}
