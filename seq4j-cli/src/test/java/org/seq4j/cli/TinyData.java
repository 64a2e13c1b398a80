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

    /** A repetitive plain text a character model learns within a few epochs. */
    static Path text(Path file, int lines) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            sb.append(i % 2 == 0 ? "ROMEO: the cat sat on the mat.\n" : "JULIET: the dog ran to the log.\n");
        }
        Files.writeString(file, sb);
        return file;
    }

    private static final String[][] POS = {
        {"the", "DET"}, {"a", "DET"}, {"cat", "NOUN"}, {"dog", "NOUN"}, {"mat", "NOUN"}, {"sees", "VERB"},
        {"likes", "VERB"}, {"big", "ADJ"}, {"red", "ADJ"}};

    /** CoNLL-U sentences "DET ADJ NOUN VERB DET NOUN ." with the UPOS column filled and XPOS unused. */
    static Path conllu(Path file, int sentences, long seed) throws IOException {
        SplittableRandom rng = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < sentences; s++) {
            String[] pattern = {"DET", "ADJ", "NOUN", "VERB", "DET", "NOUN", "PUNCT"};
            sb.append("# sent_id = ").append(s).append('\n');
            for (int i = 0; i < pattern.length; i++) {
                String word = pattern[i].equals("PUNCT") ? "." : pick(rng, pattern[i]);
                sb.append(i + 1).append('\t').append(word).append('\t').append(word).append('\t')
                        .append(pattern[i]).append("\t_\t_\t0\tdep\t_\t_\n");
            }
            sb.append('\n');
        }
        Files.writeString(file, sb);
        return file;
    }

    private static String pick(SplittableRandom rng, String tag) {
        while (true) {
            String[] w = POS[rng.nextInt(POS.length)];
            if (w[1].equals(tag)) {
                return w[0];
            }
        }
    }

    /** token<TAB>tag sentences with PER and LOC entities. */
    static Path bio(Path file, int sentences, long seed) throws IOException {
        String[] people = {"Alice", "Bob", "Carol"};
        String[] places = {"Paris", "Rome", "Oslo"};
        SplittableRandom rng = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < sentences; s++) {
            sb.append(people[rng.nextInt(3)]).append("\tB-PER\n").append("Smith\tI-PER\n").append("went\tO\n")
                    .append("to\tO\n").append(places[rng.nextInt(3)]).append("\tB-LOC\n").append(".\tO\n\n");
        }
        Files.writeString(file, sb);
        return file;
    }
}
