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

class ParallelCorpusTest {
    @TempDir
    Path tmp;

    @Test
    void tatoebaFrenchPairs() throws IOException {
        try (var pairs = ParallelCorpus.tsv(SharedPaths.data("translation/fra_eng.tsv.gz"), "eng", "fra")) {
            List<SentencePair> all = pairs.toList();
            assertEquals(128_882, all.size());
            assertEquals("Go.", all.get(0).source());
            assertEquals("Va !", all.get(0).target());
        }
    }

    @Test
    void tatoebaHindiPairsIgnoreTheAttributionColumn() throws IOException {
        try (var pairs = ParallelCorpus.tsv(SharedPaths.data("translation/hin_eng.tsv"), "eng", "hin")) {
            List<SentencePair> all = pairs.toList();
            assertEquals(2_507, all.size());
            assertEquals(new SentencePair("Wow!", "वाह!", 2), all.get(0));
        }
    }

    @Test
    void multi30kAlignedFiles() throws IOException {
        Path dir = SharedPaths.data("translation/multi30k");
        try (var pairs = ParallelCorpus.aligned(dir.resolve("val.en.gz"), dir.resolve("val.de.gz"))) {
            List<SentencePair> all = pairs.toList();
            assertEquals(1_014, all.size());
            assertEquals("A group of men are loading cotton onto a truck", all.get(0).source());
            assertEquals("Eine Gruppe von Männern lädt Baumwolle auf einen Lastwagen", all.get(0).target());
        }
    }

    @Test
    void misalignedFilesAreAnError() throws IOException {
        Path en = Files.writeString(tmp.resolve("x.en"), "a\nb\nc\n");
        Path de = Files.writeString(tmp.resolve("x.de"), "a\nb\n");
        try (var pairs = ParallelCorpus.aligned(en, de)) {
            var e = assertThrows(IllegalArgumentException.class, pairs::toList);
            assertTrue(e.getMessage().contains("x.de ends after 2 lines"), e.getMessage());
        }
    }
}
