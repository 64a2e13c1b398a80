package org.seq4j.data;

import org.seq4j.fixtures.SharedPaths;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BioReaderTest {
    @TempDir
    Path tmp;

    private static int[] count(Path file, BioReader.Options options) throws IOException {
        try (var sentences = BioReader.read(file, options)) {
            List<TaggedSentence> all = sentences.toList();
            return new int[] {all.size(), all.stream().mapToInt(TaggedSentence::size).sum()};
        }
    }

    @Test
    void wnut17TrainAndDev() throws IOException {
        Path dir = SharedPaths.data("tagging/wnut17");
        assertEquals(List.of(3_394, 62_730), List.of(count(dir.resolve("wnut17train.conll"), BioReader.Options.wnut())[0],
                count(dir.resolve("wnut17train.conll"), BioReader.Options.wnut())[1]));
        int[] dev = count(dir.resolve("emerging.dev.conll"), BioReader.Options.wnut());
        assertEquals(1_009, dev[0]);
        assertEquals(15_733, dev[1]);
        try (var sentences = BioReader.read(dir.resolve("wnut17train.conll"), BioReader.Options.wnut())) {
            TaggedSentence first = sentences.findFirst().orElseThrow();
            assertEquals(List.of("@paulwalk", "It", "'s"), first.tokens().subList(0, 3));
            assertTrue(first.tags().stream().allMatch(BioReader::isBio));
        }
    }

    @Test
    void universalNerIob2() throws IOException {
        Path file = SharedPaths.data("tagging/uner_english_ewt/en_ewt-ud-dev.iob2");
        int[] n = count(file, BioReader.Options.iob2());
        assertEquals(2_001, n[0]);
        assertEquals(25_149, n[1]);
        try (var sentences = BioReader.read(file, BioReader.Options.iob2())) {
            assertEquals(List.of("where", "can", "I"), sentences.findFirst().orElseThrow().tokens().subList(0, 3));
        }
    }

    @Test
    void badTagNamesFileAndLine() throws IOException {
        Path f = Files.writeString(tmp.resolve("bad.conll"), "Paris\tB-location\n\nis\tO\nnice\tX-thing\n");
        try (var sentences = BioReader.read(f, BioReader.Options.wnut())) {
            var e = assertThrows(IllegalArgumentException.class, sentences::toList);
            assertTrue(e.getMessage().contains("bad.conll:4") && e.getMessage().contains("X-thing"), e.getMessage());
        }
    }
}
