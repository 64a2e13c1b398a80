package org.seq4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Small files the tests train on: a separable sentiment table and a seasonal series. */
final class TinyData {
    private TinyData() {}

    /** label \t text rows whose sentiment words decide the label. */
    static Path sentiment(Path file, int rows, long seed) throws IOException {
        String[] good = {"great", "wonderful", "moving"};
        String[] bad = {"awful", "boring", "dull"};
        String[] filler = {"the", "film", "was", "a", "plot", "actor", "scene", "and"};
        SplittableRandom rng = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder("label\ttext\n");
        for (int i = 0; i < rows; i++) {
            int label = rng.nextInt(2);
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 10; w++) {
                String[] pool = w % 3 == 0 ? (label == 1 ? good : bad) : filler;
                text.append(pool[rng.nextInt(pool.length)]).append(' ');
            }
            sb.append(label == 1 ? "pos" : "neg").append('\t').append(text.toString().trim()).append('\n');
        }
        Files.writeString(file, sb);
        return file;
    }

    /** month,value rows of a trending series with a 12-step season. */
    static Path series(Path file, int steps) throws IOException {
        StringBuilder sb = new StringBuilder("month,value\n");
        for (int t = 0; t < steps; t++) {
            double v = 100 + 2 * t + 20 * Math.sin(2 * Math.PI * t / 12);
            sb.append("m").append(t).append(',').append(String.format(java.util.Locale.ROOT, "%.3f", v)).append('\n');
        }
        Files.writeString(file, sb);
        return file;
    }
}
