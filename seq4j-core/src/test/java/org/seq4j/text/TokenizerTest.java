package org.seq4j.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keras Tokenizer edge cases beyond the fixtures; expected values follow keras-preprocessing 1.1.2's code. */
class TokenizerTest {
    /** Python's json.dumps of the same Keras config (made with CPython's json module). */
    private static final String PYTHON_JSON =
            "{\"class_name\": \"Tokenizer\", \"config\": {\"num_words\": null, \"filters\": \"!\\\"#$%&()*+,-./:;"
            + "<=>?@[\\\\]^_`{|}~\\t\\n\", \"lower\": true, \"split\": \" \", \"char_level\": false, \"oov_token\":"
            + " \"<unk>\", \"document_count\": 2, \"word_counts\": \"{\\\"h\\\\u00e9llo\\\": 1, \\\"world\\\": 2, \\\""
            + "\\\\ud83d\\\\ude00\\\": 1, \\\"tab\\\\u007f\\\": 1}\", \"word_docs\": \"{\\\"h\\\\u00e9llo\\\": 1, \\\""
            + "world\\\": 2, \\\"\\\\ud83d\\\\ude00\\\": 1, \\\"tab\\\\u007f\\\": 1}\", \"index_docs\": \"{\\\"3\\\""
            + ": 1, \\\"2\\\": 2, \\\"4\\\": 1, \\\"5\\\": 1}\", \"index_word\": \"{\\\"1\\\": \\\"<unk>\\\", \\\"2"
            + "\\\": \\\"world\\\", \\\"3\\\": \\\"h\\\\u00e9llo\\\", \\\"4\\\": \\\"\\\\ud83d\\\\ude00\\\", \\\"5\\\""
            + ": \\\"tab\\\\u007f\\\"}\", \"word_index\": \"{\\\"<unk>\\\": 1, \\\"world\\\": 2, \\\"h\\\\u00e9llo\\\""
            + ": 3, \\\"\\\\ud83d\\\\ude00\\\": 4, \\\"tab\\\\u007f\\\": 5}\"}}";

    private static Tokenizer fit(TokenizerOptions o, String... texts) {
        Tokenizer t = new Tokenizer(o);
        t.fitOnTexts(List.of(texts));
        return t;
    }

    @Test
    void toJsonIsWhatPythonWrites() {
        Tokenizer t = fit(TokenizerOptions.defaults().withOovToken("<unk>"), "Héllo world \uD83D\uDE00 tab\u007f",
                "world");
        assertEquals(PYTHON_JSON, t.toJson());
        Tokenizer back = Tokenizer.fromJson(PYTHON_JSON);
        assertEquals(t.wordIndex(), back.wordIndex());
        assertEquals(List.copyOf(t.wordCounts().keySet()), List.copyOf(back.wordCounts().keySet()));
        assertArrayEquals(new int[] {3, 2, 1}, back.textsToSequences(List.of("HÉLLO world zzz")).get(0));
    }

    @Test
    void saveAndLoadFile(@TempDir Path dir) throws Exception {
        Tokenizer t = fit(TokenizerOptions.defaults().withNumWords(3), "a b b c c c");
        Path f = dir.resolve("tok.json");
        t.save(f);
        Tokenizer back = Tokenizer.load(f);
        assertEquals(t.toJson(), back.toJson());
        assertEquals(3, back.options().numWords());
    }

    @Test
    void wordSequenceKeepsApostropheAndSplitsFilters() {
        assertEquals(List.of("don't", "stop", "believing", "e", "mail"),
                Tokenizer.textToWordSequence("Don't stop-believing; e-mail!", TokenizerOptions.defaults()));
        TokenizerOptions multi = TokenizerOptions.defaults().withSplit("||");
        assertEquals(List.of("a", "b c", "d"), Tokenizer.textToWordSequence("a||b c!d", multi));
    }

    @Test
    void emptyCorpus() {
        Tokenizer t = fit(TokenizerOptions.defaults());
        assertEquals(0, t.documentCount());
        assertTrue(t.wordIndex().isEmpty());
        assertEquals(0, t.textsToSequences(List.of("anything")).get(0).length);
        assertThrows(IllegalStateException.class, () -> t.textsToMatrix(List.of("x"), MatrixMode.COUNT));
        Tokenizer bounded = fit(TokenizerOptions.defaults().withNumWords(3), "", "   ");
        assertEquals(2, bounded.documentCount());
        assertArrayEquals(new double[3], bounded.textsToMatrix(List.of(""), MatrixMode.TFIDF)[0]);
    }

    @Test
    void numWordsOneKeepsNothing() {
        Tokenizer t = fit(TokenizerOptions.defaults().withNumWords(1), "a b a");
        assertEquals(Map.of("a", 1, "b", 2), t.wordIndex());
        assertEquals(0, t.textsToSequences(List.of("a b c")).get(0).length);
        assertArrayEquals(new double[1], t.textsToMatrix(List.of("a b"), MatrixMode.COUNT)[0]);
        // With an OOV token everything at or above num_words becomes the OOV index, even OOV itself.
        Tokenizer oov = fit(TokenizerOptions.defaults().withNumWords(1).withOovToken("?"), "a b a");
        assertArrayEquals(new int[] {1, 1, 1}, oov.textsToSequences(List.of("a b c")).get(0));
        assertEquals(List.of("? ?"), oov.sequencesToTexts(List.of(new int[] {2, 3})));
    }

    @Test
    void numWordsZeroMeansUnboundedAsInPython() {
        Tokenizer t = fit(TokenizerOptions.defaults().withNumWords(0), "a b b");
        assertArrayEquals(new int[] {2, 1}, t.textsToSequences(List.of("a b")).get(0));
        assertEquals(3, t.matrixWidth());
    }

    @Test
    void oovTokenThatIsAlsoAWordTakesTheLaterIndex() {
        // dict(zip(["UNK", "a", "UNK"], [1, 2, 3])) == {"UNK": 3, "a": 2}: index 1 ends up unused.
        Tokenizer t = fit(TokenizerOptions.defaults().withLower(false).withOovToken("UNK"), "a UNK a");
        assertEquals(List.of(Map.entry("UNK", 3), Map.entry("a", 2)), List.copyOf(t.wordIndex().entrySet()));
        assertArrayEquals(new int[] {2, 3}, t.textsToSequences(List.of("a b")).get(0));
        assertEquals(List.of("UNK a"), t.sequencesToTexts(List.of(new int[] {1, 2})));
        assertEquals(3, t.matrixWidth());
    }

    @Test
    void unicodeLowerAndCharLevel() {
        Tokenizer t = fit(TokenizerOptions.defaults(), "ΟΔΟΣ İstanbul");
        // Python's str.lower: final sigma, and İ becomes i + combining dot above.
        assertEquals(List.of("οδος", "i\u0307stanbul"), List.copyOf(t.wordCounts().keySet()));
        Tokenizer c = fit(TokenizerOptions.defaults().withCharLevel(true), "a\uD83D\uDE00!");
        assertEquals(List.of("a", "\uD83D\uDE00", "!"), List.copyOf(c.wordCounts().keySet()));
    }

    @Test
    void padIdAndUnknownIdsWhenDecoding() {
        Tokenizer t = fit(TokenizerOptions.defaults(), "a b");
        assertEquals(List.of("a b"), t.sequencesToTexts(List.of(new int[] {0, 1, 0, 2})));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> t.sequencesToTexts(List.of(new int[] {1}, new int[] {2, 7})));
        assertTrue(e.getMessage().contains("id 7 at sequence 1, position 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> t.sequencesToTexts(List.of(new int[] {-1})));
        assertThrows(IllegalArgumentException.class,
                () -> t.sequencesToMatrix(List.of(new int[] {-1}), MatrixMode.BINARY));
    }

    @Test
    void tokenListsAreLoweredButNotFiltered() {
        Tokenizer t = new Tokenizer(TokenizerOptions.defaults());
        t.fitOnTokenLists(List.of(List.of("Hello,", "World", "hello,")));
        assertEquals(Map.of("hello,", 1, "world", 2), t.wordIndex());
        assertArrayEquals(new int[] {1, 2}, t.tokenListsToSequences(List.of(List.of("HELLO,", "world", "x"))).get(0));
        // At char level Keras never splits, so an empty split is accepted there.
        assertEquals(3, fit(TokenizerOptions.defaults().withCharLevel(true).withSplit(""), "aab").matrixWidth());
    }

    @Test
    void fitOnSequencesFeedsTfidf() {
        Tokenizer t = new Tokenizer(TokenizerOptions.defaults().withNumWords(3));
        t.fitOnSequences(List.of(new int[] {1, 1, 2}, new int[] {2}));
        assertEquals(2, t.documentCount());
        assertEquals(Map.of(1, 1, 2, 2), t.indexDocs());
        double[] row = t.sequencesToMatrix(List.of(new int[] {1, 1}), MatrixMode.TFIDF)[0];
        assertEquals((1 + Math.log(2)) * Math.log(1 + 2.0 / 2), row[1], 0);
    }

    @Test
    void malformedJsonNamesTheProblem(@TempDir Path dir) throws Exception {
        TextFormatException syntax = assertThrows(TextFormatException.class,
                () -> Tokenizer.fromJson("{\"class_name\": \"Tokenizer\",\n \"config\": {\"lower\": tru}}"));
        assertEquals(2, syntax.line());
        assertThrows(TextFormatException.class, () -> Tokenizer.fromJson("[1, 2]"));
        assertThrows(TextFormatException.class, () -> Tokenizer.fromJson("{\"class_name\": \"Other\", \"config\": {}}"));
        assertMessage("unknown tokenizer config key 'nb_wordz'", "{\"config\": {\"nb_wordz\": 3}}");
        assertMessage("'word_index' must be a JSON object", "{\"config\": {\"word_index\": \"[1]\"}}");
        assertMessage("malformed JSON in 'word_counts'", "{\"config\": {\"word_counts\": \"{\\\"a\\\": \"}}");
        assertMessage("'word_counts' entry \"a\" must be a non-negative integer",
                "{\"config\": {\"word_counts\": \"{\\\"a\\\": \\\"x\\\"}\"}}");
        assertMessage("'index_word' key \"one\" is not an integer",
                "{\"config\": {\"index_word\": {\"one\": \"a\"}}}");
        assertMessage("word_index maps \"a\" to 1 but index_word maps 1 to \"b\"",
                "{\"config\": {\"word_index\": {\"a\": 1}, \"index_word\": {\"1\": \"b\"}}}");
        assertMessage("'lower' must be true or false", "{\"config\": {\"lower\": \"yes\"}}");
        assertMessage("split must be a non-empty string", "{\"config\": {\"split\": \"\"}}");
        Path f = dir.resolve("broken.json");
        Files.writeString(f, "{\"config\": {\"num_words\": 1.5}}");
        TextFormatException e = assertThrows(TextFormatException.class, () -> Tokenizer.load(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    }

    private static void assertMessage(String part, String json) {
        TextFormatException e = assertThrows(TextFormatException.class, () -> Tokenizer.fromJson(json));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
