package org.seq4j.text.bpe;

import org.seq4j.fixtures.SharedPaths;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GPT-2's loop and the priority-queue merger agree, and long pieces stay fast enough to finish. */
class BpeMergerTest {
    private static BpeTokenizer gpt2;

    @BeforeAll
    static void load() throws IOException {
        Path dir = SharedPaths.data("pretrained/gpt2-tokenizer");
        gpt2 = BpeFiles.load(dir.resolve("encoder.json"), dir.resolve("vocab.bpe"));
    }

    private static void assertSame(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(gpt2.merger().loop(bytes), gpt2.merger().heap(bytes), text);
    }

    @Test
    void agreeOnEveryPieceOfTheReferenceTexts() throws IOException {
        for (JsonNode c : org.seq4j.text.TextFixtures.readLines(SharedPaths.textRef("gpt2_bpe.jsonl"))) {
            String text = c.get("text").asText();
            Gpt2PreTokenizer.split(text).forEach(BpeMergerTest::assertSame);
            assertSame(text); // the whole text as one piece, spaces and all
        }
    }

    @Test
    void agreeOnShakespeareWithoutSpaces() throws IOException {
        String text = Files.readString(SharedPaths.data("language_modeling/tinyshakespeare.txt")).substring(0, 20_000);
        for (int start = 0; start + 300 < text.length(); start += 300) {
            assertSame(text.substring(start, start + 300));
        }
    }

    @Test
    void agreeOnRandomBytes() {
        SplittableRandom random = new SplittableRandom(7);
        for (int t = 0; t < 200; t++) {
            byte[] bytes = new byte[random.nextInt(1, 200)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (random.nextBoolean() ? 'a' + random.nextInt(6) : random.nextInt(256));
            }
            assertArrayEquals(gpt2.merger().loop(bytes), gpt2.merger().heap(bytes));
        }
    }

    @Test
    void hugePiecesRoundTrip() {
        String dashes = "-".repeat(200_000);
        assertEquals(dashes, gpt2.decode(gpt2.encode(dashes)));
        String word = "abc".repeat(50_000);
        assertEquals(word, gpt2.decode(gpt2.encode(word)));
    }
}
