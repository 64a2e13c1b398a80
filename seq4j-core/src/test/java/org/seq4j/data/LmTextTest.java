package org.seq4j.data;

import org.seq4j.fixtures.SharedPaths;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seq4j.tensor.Shape;

class LmTextTest {
    private static final Path SHAKESPEARE = SharedPaths.data("language_modeling/tinyshakespeare.txt");

    @TempDir
    Path tmp;

    @Test
    void tinyShakespeareCharacters() throws IOException {
        CharVocabulary vocab;
        try (IntStream chars = LmText.codePoints(SHAKESPEARE)) {
            vocab = CharVocabulary.of(chars);
        }
        assertEquals(65, vocab.size());
        assertEquals('\n', vocab.codePoint(0));
        try (IntStream chars = LmText.codePoints(SHAKESPEARE)) {
            assertEquals(1_115_394, chars.count());
        }
        try (IntStream chars = LmText.codePoints(SHAKESPEARE)) {
            // T = 64, non-overlapping targets: floor((N - 1) / 64) windows.
            long windows = Windows.sliding(vocab.encode(chars).iterator(), 64, 64).count();
            assertEquals((1_115_394 - 1) / 64, windows);
        }
        try (IntStream chars = LmText.codePoints(SHAKESPEARE)) {
            int[] first = Windows.sliding(vocab.encode(chars).iterator(), 12, 64).findFirst().orElseThrow();
            assertEquals("First Citize", vocab.decode(first).substring(0, 12));
        }
    }

    @Test
    void windowsOverlapOrSkipByStride() {
        int[] ids = IntStream.range(0, 10).toArray();
        List<int[]> overlap = Windows.sliding(IntStream.of(ids).iterator(), 3, 2).toList();
        assertEquals(4, overlap.size());
        assertArrayEquals(new int[] {2, 3, 4, 5}, overlap.get(1));
        List<int[]> gaps = Windows.sliding(IntStream.of(ids).iterator(), 2, 5).toList();
        assertEquals(2, gaps.size());
        assertArrayEquals(new int[] {5, 6, 7}, gaps.get(1));
        Windows.LmBatch batch = Windows.batch(overlap.subList(0, 2));
        assertEquals(Shape.of(2, 3), batch.inputs().shape());
        assertEquals(1, batch.targets().get(0, 0));
    }

    @Test
    void platoWordWindows() throws IOException {
        Map<String, Integer> ids = new HashMap<>();
        try (var words = LmText.words(SharedPaths.data("language_modeling/plato_republic_gutenberg1497.txt"))) {
            int[] stream = words.mapToInt(w -> ids.computeIfAbsent(w, k -> ids.size())).toArray();
            assertEquals(219_259, stream.length);
            long windows = Windows.sliding(IntStream.of(stream).iterator(), 32, 16).count();
            assertEquals((219_259 - 33) / 16 + 1, windows);
        }
    }

    @Test
    void invalidUtf8InACorpusNamesFileAndLine() throws IOException {
        Path f = tmp.resolve("corpus.txt");
        Files.write(f, new byte[] {'a', '\n', 'b', '\n', (byte) 0xC0, (byte) 0x80, '\n'});
        try (IntStream chars = LmText.codePoints(f)) {
            var e = assertThrows(UncheckedIOException.class, chars::count);
            assertTrue(e.getMessage().contains("corpus.txt:3"), e.getMessage());
        }
    }

    @Test
    void unknownCharacterIsAnError() {
        CharVocabulary vocab = CharVocabulary.of("abc".codePoints());
        assertThrows(IllegalArgumentException.class, () -> vocab.encode("abd"));
    }
}
