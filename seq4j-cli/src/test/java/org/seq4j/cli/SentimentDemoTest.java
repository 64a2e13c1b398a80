package org.seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo job end to end on a tiny corpus whose sentiment words decide the label: it must learn them. */
class SentimentDemoTest {

    @Test
    void learnsATinySeparableCorpus(@TempDir Path dir) throws IOException {
        write(dir.resolve("imdb_train.tsv.gz"), 400, 1);
        write(dir.resolve("imdb_valid.tsv.gz"), 100, 2);
        SentimentDemo.Options o = new SentimentDemo.Options(dir, 100, 50, 8, 4, 16, 2e-2f, 3);
        PrintStream saved = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        double acc;
        try {
            acc = new SentimentDemo(o).run();
        } finally {
            System.setOut(saved);
        }
        assertTrue(acc > 0.95, "validation accuracy " + acc);
    }

    private static void write(Path file, int rows, long seed) throws IOException {
        String[] good = {"great", "wonderful", "moving"};
        String[] bad = {"awful", "boring", "dull"};
        String[] filler = {"the", "film", "was", "a", "plot", "actor", "scene", "and"};
        SplittableRandom rng = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder("label\ttext\n");
        for (int i = 0; i < rows; i++) {
            int label = rng.nextInt(2);
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 12; w++) {
                String[] pool = w % 4 == 0 ? (label == 1 ? good : bad) : filler;
                text.append(pool[rng.nextInt(pool.length)]).append(' ');
            }
            sb.append(label).append('\t').append(text.toString().trim()).append('\n');
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
