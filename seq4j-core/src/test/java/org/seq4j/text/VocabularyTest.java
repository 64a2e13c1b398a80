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
import org.seq4j.text.SpecialTokens.Role;
import org.seq4j.text.Vocabulary.Granularity;
import org.seq4j.text.Vocabulary.Markers;

class VocabularyTest {

    @Test
    void specialsFirstThenByCountThenCodePoint() {
        Vocabulary v = Vocabulary.buildWords(List.of("b a c a", "c d"), VocabularyOptions.defaults());
        assertEquals(List.of("<pad>", "<unk>", "<bos>", "<eos>", "a", "c", "b", "d"), v.tokens());
        assertEquals(0, v.id(Role.PAD));
        assertEquals(1, v.id(Role.UNK));
    }

    @Test
    void tiesDoNotDependOnCountingOrder() {
        Map<String, Long> counts = Map.of("\uD83D\uDE00", 1L, "\uFF21", 1L, "z", 1L);
        Vocabulary v = Vocabulary.fromCounts(counts, Granularity.WORD,
                VocabularyOptions.defaults().withSpecials(SpecialTokens.none()));
        // Code point order: z (U+7A) < Ａ (U+FF21) < 😀 (U+1F600), although UTF-16 puts the surrogate first.
        assertEquals(List.of("z", "\uFF21", "\uD83D\uDE00"), v.tokens());
    }

    @Test
    void minFrequencyAndMaxSizeCountSpecials() {
        VocabularyOptions o = VocabularyOptions.defaults().withMinFrequency(2).withMaxSize(5);
        Vocabulary v = Vocabulary.buildWords(List.of("x x y y y z w w"), o);
        assertEquals(List.of("<pad>", "<unk>", "<bos>", "<eos>", "y"), v.tokens());
        assertThrows(IllegalArgumentException.class, () -> VocabularyOptions.defaults().withMaxSize(3));
    }

    @Test
    void specialStringsInTheTextAreNotCountedTwice() {
        Vocabulary v = Vocabulary.buildWords(List.of("<unk> a"), VocabularyOptions.defaults());
        assertEquals(List.of("<pad>", "<unk>", "<bos>", "<eos>", "a"), v.tokens());
    }

    @Test
    void encodeDecodeWords() {
        Vocabulary v = Vocabulary.buildWords(List.of("the cat sat"), VocabularyOptions.defaults());
        int[] ids = v.encode("the dog sat", Markers.BOS_EOS);
        assertArrayEquals(new int[] {2, v.id("the"), 1, v.id("sat"), 3}, ids);
        assertEquals("the <unk> sat", v.decodeText(new int[] {2, v.id("the"), 1, v.id("sat"), 3, 4, 0}));
        assertEquals(List.of("<bos>", "the"), v.decode(new int[] {2, v.id("the")}));
    }

    @Test
    void charLevelKeepsSpacesAndSupplementaryCharacters() {
        Vocabulary v = Vocabulary.buildChars(List.of("ab a\uD83D\uDE00"),
                VocabularyOptions.defaults().withSpecials(SpecialTokens.bert()));
        assertEquals(List.of("[PAD]", "[UNK]", "[MASK]", "[CLS]", "[SEP]", "a", " ", "b", "\uD83D\uDE00"), v.tokens());
        assertEquals("a \uD83D\uDE00", v.decodeText(v.encode("a \uD83D\uDE00")));
        assertEquals(1, v.encode("é")[0]);
        assertThrows(IllegalStateException.class, () -> v.id(Role.BOS));
    }

    @Test
    void errorsNameTheProblem() {
        Vocabulary v = Vocabulary.buildWords(List.of("a"), VocabularyOptions.defaults());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> v.decode(new int[] {0, 5}));
        assertTrue(range.getMessage().contains("id 5 at position 1 is outside the vocabulary [0, 5)"));
        assertThrows(IllegalArgumentException.class, () -> v.decodeText(new int[] {-1}));
        Vocabulary noUnk = Vocabulary.buildWords(List.of("a"),
                VocabularyOptions.defaults().withSpecials(SpecialTokens.none()));
        IllegalArgumentException unk = assertThrows(IllegalArgumentException.class, () -> noUnk.encode("a b"));
        assertTrue(unk.getMessage().contains("'b' at position 1"), unk.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(List.of("a", "a"), SpecialTokens.none(),
                Granularity.WORD));
        assertThrows(IllegalArgumentException.class, () -> new SpecialTokens("x", "x", null, null, null, null, null));
    }

    @Test
    void saveLoadRoundTrip(@TempDir Path dir) throws Exception {
        Vocabulary v = Vocabulary.buildChars(List.of("héllo \"wörld\"\n\uD83D\uDE00"),
                VocabularyOptions.defaults().withSpecials(SpecialTokens.defaults().withMask("<mask>")));
        Path f = dir.resolve("vocab.json");
        v.save(f);
        Vocabulary back = Vocabulary.load(f);
        assertEquals(v, back);
        assertEquals(v.id(Role.MASK), back.id(Role.MASK));
        assertEquals(Granularity.CHAR, back.granularity());
    }

    @Test
    void badFilesGiveFileAndLine(@TempDir Path dir) throws Exception {
        String head = "{\"format\": \"seq4j.vocabulary\", \"version\": 1, \"granularity\": \"word\",\n"
                + " \"specials\": {\"unk\": \"<unk>\"},\n \"tokens\": [\n";
        assertBad(dir, head + "  \"<unk>\",\n  \"a\",\n  \"a\"\n ]}", 6, "duplicate token \"a\"");
        assertBad(dir, head + "  \"<unk>\",\n  3\n ]}", 5, "token 1 must be a string");
        assertBad(dir, head + "  \"a\"\n ]}", 2, "special token UNK '<unk>' is not among the tokens");
        assertBad(dir, head + "  \"<unk>\",\n  \"a\"\n ", 0, "malformed JSON");
        assertBad(dir, "{\"format\": \"other\", \"granularity\": \"word\", \"tokens\": []}", 0, "not a vocabulary file");
        assertBad(dir, "{\"format\": \"seq4j.vocabulary\",\n\"granularity\": \"byte\"}", 2, "granularity 'byte'");
        assertBad(dir, "{\"format\": \"seq4j.vocabulary\",\n\"version\": 2}", 2, "unsupported version 2");
        assertBad(dir, "{\"specials\": {\"bogus\": \"x\"}}", 1, "unknown special token role 'bogus'");
        assertBad(dir, "{\"format\": \"seq4j.vocabulary\", \"granularity\": \"word\"}", 0, "missing \"tokens\"");
    }

    private static void assertBad(Path dir, String content, int line, String part) throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, content);
        TextFormatException e = assertThrows(TextFormatException.class, () -> Vocabulary.load(f));
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        if (line > 0) {
            assertEquals(line, e.line(), e.getMessage());
        }
    }
}
