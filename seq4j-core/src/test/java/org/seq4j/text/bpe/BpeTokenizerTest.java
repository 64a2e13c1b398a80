package org.seq4j.text.bpe;

import org.seq4j.fixtures.SharedPaths;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BpeTokenizerTest {
    private static BpeTokenizer gpt2;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() throws IOException {
        Path dir = SharedPaths.data("pretrained/gpt2-tokenizer");
        gpt2 = BpeFiles.load(dir.resolve("encoder.json"), dir.resolve("vocab.bpe"));
    }

    @Test
    void lastSpaceOfARunJoinsTheNextWord() {
        assertArrayEquals(new int[] {64, 220, 220, 275}, gpt2.encode("a   b"));
        assertEquals(List.of("a", "  ", " b"), Gpt2PreTokenizer.split("a   b"));
        assertEquals(List.of("a", "  "), Gpt2PreTokenizer.split("a  "));
    }

    @Test
    void contractionsAreCaseSensitiveAndAsciiOnly() {
        assertEquals(List.of("IT", "'", "S"), Gpt2PreTokenizer.split("IT'S"));
        assertEquals(List.of("it", "'s"), Gpt2PreTokenizer.split("it's"));
        assertEquals(List.of("don", "’", "t"), Gpt2PreTokenizer.split("don’t"));
    }

    @Test
    void unicodeWhitespaceAndSupplementaryLetters() {
        assertEquals(List.of("a", " ", "\u0085", "b"), Gpt2PreTokenizer.split("a \u0085b"));
        assertEquals(List.of("a", "\uFEFF", "b"), Gpt2PreTokenizer.split("a\uFEFFb"));
        assertEquals(List.of(" \uD835\uDC00\uD835\uDC01"), Gpt2PreTokenizer.split(" 𝐀𝐁"));
    }

    @Test
    void endOfTextIsSpecialUnlessEncodedAsOrdinaryText() {
        String text = "Hi<|endoftext|>there";
        int[] ids = gpt2.encode(text);
        assertTrue(contains(ids, 50256));
        assertTrue(!contains(gpt2.encodeOrdinary(text), 50256));
        assertEquals(text, gpt2.decode(ids));
        assertEquals(text, gpt2.decode(gpt2.encodeOrdinary(text)));
        assertEquals("Hithere", gpt2.decodeSkippingSpecial(ids));
    }

    @Test
    void roundTripsArbitraryText() {
        String text = "Ünïcödé\t\r\n 🎉👩‍👩‍👧 ½ ١٢٣  end  ";
        assertEquals(text, gpt2.decode(gpt2.encode(text)));
    }

    @Test
    void loneSurrogateEncodesAsReplacementCharacter() {
        assertArrayEquals(gpt2.encode("a\uFFFDb"), gpt2.encode("a\uD800b"));
        assertEquals("😀", gpt2.decode(gpt2.encode("😀")));
    }

    @Test
    void tokenizerJsonGivesTheSameTokenizer() throws IOException {
        BpeTokenizer hf = BpeFiles.loadTokenizerJson(SharedPaths.data("pretrained/tiny-gpt2/tokenizer.json"));
        String text = "Hello, world! It's 2024 <|endoftext|> ok";
        assertArrayEquals(gpt2.encode(text), hf.encode(text));
        assertEquals(gpt2.mergeCount(), hf.mergeCount());
    }

    @Test
    void decodeRejectsIdsOutsideTheVocabulary() {
        var e = assertThrows(IllegalArgumentException.class, () -> gpt2.decode(new int[] {15496, 50257}));
        assertTrue(e.getMessage().contains("50257") && e.getMessage().contains("position 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> gpt2.decode(new int[] {-1}));
    }

    @Test
    void malformedVocabJsonNamesTheFile() throws IOException {
        Path vocab = write("vocab.json", "{\"a\": 0, \"b\": ");
        var e = assertThrows(IOException.class, () -> BpeFiles.readVocab(vocab));
        assertTrue(e.getMessage().contains("vocab.json") && e.getMessage().contains("malformed JSON"), e.getMessage());
        Path notIds = write("ids.json", "{\"a\": \"zero\"}");
        assertThrows(IOException.class, () -> BpeFiles.readVocab(notIds));
        Path array = write("array.json", "[1, 2]");
        assertThrows(IOException.class, () -> BpeFiles.readVocab(array));
    }

    @Test
    void malformedMergesNameFileAndLine() throws IOException {
        Path merges = write("merges.txt", "#version: 0.2\nĠ t\nbroken\n");
        var e = assertThrows(IOException.class, () -> BpeFiles.readMerges(merges));
        assertTrue(e.getMessage().contains("merges.txt:3"), e.getMessage());
        Path bytes = tmp.resolve("bad-utf8.txt");
        Files.write(bytes, new byte[] {'a', ' ', 'b', '\n', (byte) 0xC3, ' ', 'x', '\n'});
        var u = assertThrows(IOException.class, () -> BpeFiles.readMerges(bytes));
        assertTrue(u.getMessage().contains("invalid UTF-8"), u.getMessage());
    }

    @Test
    void mergeOfUnknownTokensIsRejectedAtLoad() throws IOException {
        Path dir = SharedPaths.data("pretrained/gpt2-tokenizer");
        Path merges = write("merges.txt", "#version: 0.2\nĠ t\nzzzqqq xxyy\n");
        var e = assertThrows(IOException.class, () -> BpeFiles.load(dir.resolve("encoder.json"), merges));
        assertTrue(e.getMessage().contains("merge 2"), e.getMessage());
        Path tiny = write("tiny.json", "{\"a\": 0, \"b\": 1}");
        var v = assertThrows(IOException.class, () -> BpeFiles.load(tiny, merges));
        assertTrue(v.getMessage().contains("byte token"), v.getMessage());
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(tmp.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static boolean contains(int[] ids, int id) {
        for (int x : ids) {
            if (x == id) {
                return true;
            }
        }
        return false;
    }
}
