package org.seq4j.text.wordpiece;

import org.seq4j.fixtures.SharedPaths;
import org.seq4j.text.TextFixtures;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of {@code text-ref/bert_wordpiece.jsonl} (made by Hugging Face tokenizers from tokenizer.json), once
 * with the tokenizer loaded from that {@code tokenizer.json} and once from BERT's plain {@code vocab.txt}.
 */
class BertParityTest {
    private static WordPieceTokenizer fromJson;
    private static WordPieceTokenizer fromVocabTxt;

    @BeforeAll
    static void load() throws IOException {
        fromJson = WordPieceFiles.loadTokenizerJson(
                SharedPaths.data("pretrained/all-MiniLM-L6-v2-tokenizer/tokenizer.json"));
        fromVocabTxt = WordPieceFiles.loadVocabTxt(SharedPaths.data("pretrained/bert-base-uncased-vocab/vocab.txt"));
    }

    @TestFactory
    Stream<DynamicTest> everyReferenceCaseFromTokenizerJson() throws IOException {
        return cases().map(c -> DynamicTest.dynamicTest(name(c), () -> check(fromJson, c)));
    }

    @TestFactory
    Stream<DynamicTest> everyReferenceCaseFromVocabTxt() throws IOException {
        return cases().map(c -> DynamicTest.dynamicTest(name(c), () -> check(fromVocabTxt, c)));
    }

    private static Stream<JsonNode> cases() throws IOException {
        List<JsonNode> cases = TextFixtures.readLines(SharedPaths.textRef("bert_wordpiece.jsonl"));
        assertFalse(cases.isEmpty(), "no WordPiece reference cases");
        return cases.stream();
    }

    private static void check(WordPieceTokenizer tokenizer, JsonNode c) {
        // No max_length means no truncation; "longest" padding of a single encoding pads nothing.
        int maxLength = c.path("max_length").isInt() ? c.get("max_length").asInt() : Integer.MAX_VALUE;
        EncodeOptions options = new EncodeOptions(maxLength, "max_length".equals(c.path("padding").asText())
                ? EncodeOptions.Padding.MAX_LENGTH : EncodeOptions.Padding.NONE);
        String text = c.get("text").asText();
        BertEncoding e = c.has("text_pair")
                ? tokenizer.encodePair(text, c.get("text_pair").asText(), options)
                : tokenizer.encode(text, options);
        assertArrayEquals(TextFixtures.ints(c.get("ids")), e.ids(), () -> "ids, tokens " + e.tokens());
        List<String> tokens = new ArrayList<>();
        c.get("tokens").forEach(t -> tokens.add(t.asText()));
        assertEquals(tokens, e.tokens());
        assertArrayEquals(TextFixtures.ints(c.get("type_ids")), e.typeIds(), "type ids");
        assertArrayEquals(TextFixtures.ints(c.get("attention_mask")), e.attentionMask(), "attention mask");
        assertArrayEquals(TextFixtures.ints(c.get("special_tokens_mask")), e.specialTokensMask(), "special tokens mask");
        assertEquals(c.get("truncated").asBoolean(), e.truncated(), "truncated");
        assertEquals(c.get("untruncated_length").asInt(), e.untruncatedLength(), "untruncated length");
        assertEquals(c.get("decoded").asText(), tokenizer.decode(e.ids()), "decoded");
    }

    private static String name(JsonNode c) {
        String text = c.get("text").asText();
        String head = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return c.path("source").asText() + " @" + c.path("max_length").asText() + ": " + head.replace("\n", "\\n");
    }
}
