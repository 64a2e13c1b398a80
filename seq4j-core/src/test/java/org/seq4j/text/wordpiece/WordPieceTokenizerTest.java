package org.seq4j.text.wordpiece;

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
import org.seq4j.tensor.Shape;

class WordPieceTokenizerTest {
    private static WordPieceTokenizer bert;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() throws IOException {
        bert = WordPieceFiles.loadVocabTxt(SharedPaths.data("pretrained/bert-base-uncased-vocab/vocab.txt"));
    }

    private static List<String> tokens(String text) {
        return bert.tokenize(text).tokens();
    }

    @Test
    void normalisesAccentsCaseAndInvisibleCharacters() {
        assertEquals(List.of("cafe", "naive", "resume"), tokens("Café naïve RÉSUMÉ"));
        assertEquals(List.of("zero", "##wi", "##dt", "##h"), tokens("zero\u200bwidth"));
        assertEquals(List.of("istanbul"), tokens("İstanbul"));
        assertEquals(List.of("ab"), tokens("a\ue000b")); // private use (Co) is deleted
        assertEquals(List.of("ab"), tokens("a\ud800b")); // a lone surrogate, like U+FFFD
        assertEquals(List.of("[UNK]"), tokens("a\u0378b")); // unassigned (Cn) is kept, as in the Rust library
    }

    @Test
    void splitsPunctuationIncludingAsciiSymbolsButNotOtherSymbols() {
        assertEquals(List.of("a", "$", "b", "^", "c"), tokens("a$b^c"));
        assertEquals(List.of("[UNK]"), tokens("a☃b"));
        assertEquals(List.of("[", "mask", "]"), tokens("[mask]"));
        assertEquals(List.of("is", "[MASK]", "."), tokens("is [MASK]."));
    }

    @Test
    void splitsCjkIdeographsButNotKana() {
        assertEquals(3, tokens("中文字").size());
    }

    @Test
    void overlongWordIsUnknownWithoutTrying() {
        assertEquals(List.of("[UNK]"), tokens("a".repeat(101)));
        assertTrue(tokens("a".repeat(100)).size() > 1);
    }

    @Test
    void vocabTxtAndTokenizerJsonAgree() throws IOException {
        WordPieceTokenizer json = WordPieceFiles.loadTokenizerJson(
                SharedPaths.data("pretrained/all-MiniLM-L6-v2-tokenizer/tokenizer.json"));
        String text = "The quick brown fox, doesn't JUMP over 3.14 lazy dögs! 東京";
        assertArrayEquals(json.encode(text, EncodeOptions.defaults()).ids(),
                bert.encode(text, EncodeOptions.defaults()).ids());
    }

    @Test
    void truncatesAndPadsAndBatches() {
        BertEncoding e = bert.encode("one two three four five six", EncodeOptions.padTo(5));
        assertEquals(List.of("[CLS]", "one", "two", "three", "[SEP]"), e.tokens());
        assertTrue(e.truncated());
        assertEquals(8, e.untruncatedLength());
        BertEncoding p = bert.encode("hi", EncodeOptions.padTo(6));
        assertArrayEquals(new int[] {1, 1, 1, 0, 0, 0}, p.attentionMask());
        var batch = bert.encodeBatch(List.of("hello world", "hi"), EncodeOptions.truncateTo(8));
        assertEquals(Shape.of(2, 8), batch.inputIds().shape());
        assertEquals(0, batch.attentionMask().get(1, 3));
    }

    @Test
    void pairsGetSegmentIds() {
        BertEncoding e = bert.encodePair("a b", "c", EncodeOptions.defaults());
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1}, e.typeIds());
        assertEquals("a b c", bert.decode(e.ids()));
    }

    @Test
    void decodeRejectsIdsOutsideTheVocabulary() {
        var e = assertThrows(IllegalArgumentException.class, () -> bert.decode(new int[] {101, 30522}));
        assertTrue(e.getMessage().contains("30522"), e.getMessage());
    }

    @Test
    void badVocabFilesAreRejectedWithFileAndLine() throws IOException {
        Path dup = Files.writeString(tmp.resolve("dup.txt"), "[PAD]\n[UNK]\nhello\nhello\n");
        var d = assertThrows(IOException.class, () -> WordPieceFiles.readVocabTxt(dup));
        assertTrue(d.getMessage().contains("dup.txt:4"), d.getMessage());
        Path blank = Files.writeString(tmp.resolve("blank.txt"), "[PAD]\n\nhello\n");
        var b = assertThrows(IOException.class, () -> WordPieceFiles.readVocabTxt(blank));
        assertTrue(b.getMessage().contains("blank.txt:2"), b.getMessage());
        Path utf = tmp.resolve("utf.txt");
        Files.write(utf, new byte[] {'a', '\n', (byte) 0xFF, '\n'});
        var u = assertThrows(IOException.class, () -> WordPieceFiles.readVocabTxt(utf));
        assertTrue(u.getMessage().contains("utf.txt:2") && u.getMessage().contains("UTF-8"), u.getMessage());
        Path noCls = Files.writeString(tmp.resolve("nocls.txt"), "[PAD]\n[UNK]\nhello\n");
        assertThrows(IOException.class, () -> WordPieceFiles.loadVocabTxt(noCls));
    }

    @Test
    void malformedTokenizerJsonIsRejected() throws IOException {
        Path broken = Files.writeString(tmp.resolve("tokenizer.json"), "{\"model\": {\"type\": \"WordPiece\",",
                StandardCharsets.UTF_8);
        var e = assertThrows(IOException.class, () -> WordPieceFiles.loadTokenizerJson(broken));
        assertTrue(e.getMessage().contains("tokenizer.json") && e.getMessage().contains("malformed"), e.getMessage());
        Path bpe = SharedPaths.data("pretrained/tiny-gpt2/tokenizer.json");
        assertThrows(IOException.class, () -> WordPieceFiles.loadTokenizerJson(bpe));
    }
}
