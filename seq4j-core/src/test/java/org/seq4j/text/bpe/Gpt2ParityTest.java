package org.seq4j.text.bpe;

import org.seq4j.fixtures.SharedPaths;
import org.seq4j.text.TextFixtures;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of {@code text-ref/gpt2_bpe.jsonl} (made by Hugging Face tokenizers): same ids, tokens and decode,
 * through each way of loading GPT-2: the reference's {@code tokenizer.json}, {@code vocab.json} + {@code merges.txt},
 * and OpenAI's {@code encoder.json} + {@code vocab.bpe}.
 */
class Gpt2ParityTest {
    private static BpeTokenizer fromTokenizerJson;
    private static BpeTokenizer fromVocabJson;
    private static BpeTokenizer fromEncoderJson;

    @BeforeAll
    static void load() throws IOException {
        Path tiny = SharedPaths.data("pretrained/tiny-gpt2");
        fromTokenizerJson = BpeFiles.loadTokenizerJson(tiny.resolve("tokenizer.json"));
        fromVocabJson = BpeFiles.load(tiny.resolve("vocab.json"), tiny.resolve("merges.txt"));
        Path openai = SharedPaths.data("pretrained/gpt2-tokenizer");
        fromEncoderJson = BpeFiles.load(openai.resolve("encoder.json"), openai.resolve("vocab.bpe"));
    }

    @TestFactory
    Stream<DynamicTest> everyReferenceCaseFromTokenizerJson() throws IOException {
        return cases().map(c -> DynamicTest.dynamicTest(name(c), () -> check(fromTokenizerJson, c)));
    }

    @TestFactory
    Stream<DynamicTest> everyReferenceCaseFromVocabJson() throws IOException {
        return cases().map(c -> DynamicTest.dynamicTest(name(c), () -> check(fromVocabJson, c)));
    }

    @TestFactory
    Stream<DynamicTest> everyReferenceCaseFromEncoderJson() throws IOException {
        return cases().map(c -> DynamicTest.dynamicTest(name(c), () -> check(fromEncoderJson, c)));
    }

    private static Stream<JsonNode> cases() throws IOException {
        List<JsonNode> cases = TextFixtures.readLines(SharedPaths.textRef("gpt2_bpe.jsonl"));
        assertFalse(cases.isEmpty(), "no GPT-2 reference cases");
        return cases.stream();
    }

    private static void check(BpeTokenizer tokenizer, JsonNode c) {
        String text = c.get("text").asText();
        int[] ids = tokenizer.encode(text);
        assertArrayEquals(TextFixtures.ints(c.get("ids")), ids, "ids of " + text);
        for (int i = 0; i < ids.length; i++) {
            assertEquals(c.get("tokens").get(i).asText(), tokenizer.token(ids[i]), "token " + i);
        }
        // The reference decodes losslessly; a case that is not a round trip can only have dropped special tokens.
        String decoded = c.path("roundtrip").asBoolean(true) ? tokenizer.decode(ids) : tokenizer.decodeSkippingSpecial(ids);
        assertEquals(c.get("decoded").asText(), decoded);
        if (c.has("ids_no_special")) {
            assertArrayEquals(TextFixtures.ints(c.get("ids_no_special")), tokenizer.encodeOrdinary(text));
        }
    }

    private static String name(JsonNode c) {
        String text = c.get("text").asText();
        String head = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return c.path("source").asText() + ": " + head.replace("\n", "\\n");
    }
}
