package org.seq4j.text.bpe;

import org.seq4j.fixtures.SharedPaths;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains on the first 300k characters of Tiny Shakespeare (about a second). */
class BpeTrainerTest {
    private static String corpus;
    private static BpeTokenizer trained;

    @TempDir
    Path tmp;

    @BeforeAll
    static void train() throws IOException {
        corpus = Files.readString(SharedPaths.data("language_modeling/tinyshakespeare.txt")).substring(0, 300_000);
        trained = new BpeTrainer(BpeTrainer.Options.withVocabSize(600)).train(paragraphs(corpus));
    }

    private static Stream<String> paragraphs(String text) {
        return Arrays.stream(text.split("\n\n")).map(p -> p + "\n\n");
    }

    @Test
    void fillsTheVocabularyWithMergesAndTheSpecialToken() {
        assertEquals(600, trained.vocabSize());
        assertEquals(600 - 256 - 1, trained.mergeCount());
        assertEquals(599, trained.id(BpeFiles.END_OF_TEXT));
        assertEquals(0, trained.id("!"));
    }

    @Test
    void mostFrequentPairIsMergedFirst() {
        // In Shakespeare's text a space before "t" (the, thou, to) is the most frequent byte pair.
        Merge first = trained.merges().get(0);
        assertEquals(new Merge("Ġ", "t"), first, "first merge " + first);
    }

    @Test
    void compressesAndRoundTrips() {
        String text = corpus.substring(0, 20_000);
        int[] ids = trained.encode(text);
        assertTrue(ids.length < text.length() / 2, "only " + text.length() + " chars -> " + ids.length + " tokens");
        assertEquals(text, trained.decode(ids));
        String unseen = "Zebras — naïve 日本 🎉";
        assertEquals(unseen, trained.decode(trained.encode(unseen)));
    }

    @Test
    void trainingIsDeterministic() {
        BpeTokenizer again = new BpeTrainer(BpeTrainer.Options.withVocabSize(600)).train(paragraphs(corpus));
        assertEquals(trained.merges(), again.merges());
        assertEquals(trained.vocab(), again.vocab());
    }

    @Test
    void writtenFilesLoadAsTheSameTokenizer() throws IOException {
        Path vocab = tmp.resolve("vocab.json");
        Path merges = tmp.resolve("merges.txt");
        BpeFiles.write(trained, vocab, merges);
        BpeTokenizer loaded = BpeFiles.load(vocab, merges);
        String text = corpus.substring(1000, 5000) + "<|endoftext|>";
        assertArrayEquals(trained.encode(text), loaded.encode(text));
        assertTrue(Files.readAllLines(merges).get(0).startsWith("#version"));
    }

    @Test
    void minFrequencyStopsEarly() {
        BpeTokenizer three = new BpeTrainer(new BpeTrainer.Options(1000, 3, List.of()))
                .train(Stream.of("ab ab ab cd cd"));
        assertEquals(List.of(new Merge("a", "b")), three.merges());
        // Count 2 ties are broken by token id: "c" (66) before "Ġ" (220), then "ab" (256) before "cd" (257).
        BpeTokenizer two = new BpeTrainer(new BpeTrainer.Options(1000, 2, List.of()))
                .train(Stream.of("ab ab ab cd cd"));
        assertEquals(List.of(new Merge("a", "b"), new Merge("c", "d"), new Merge("Ġ", "ab"), new Merge("Ġ", "cd")),
                two.merges());
        assertThrows(IllegalArgumentException.class, () -> new BpeTrainer.Options(100, 2, List.of()));
    }
}
