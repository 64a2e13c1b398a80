package org.seq4j.cli;

import java.nio.file.Path;

/** The {@code seq4j} command. For now one job: {@code seq4j demo [data-dir]}, the IMDB sentiment example. */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.println("usage: seq4j demo [DATA_DIR]   train and evaluate an IMDB sentiment model");
            System.out.println("       DATA_DIR defaults to ../shared/data/sentiment");
            System.exit(args.length == 0 ? 2 : 0);
        }
        if (!args[0].equals("demo")) {
            System.err.println("seq4j: unknown command '" + args[0] + "' (try --help)");
            System.exit(2);
        }
        Path data = Path.of(args.length > 1 ? args[1] : "../shared/data/sentiment");
        try {
            double acc = new SentimentDemo(SentimentDemo.Options.defaults(data)).run();
            System.out.printf(java.util.Locale.ROOT, "validation accuracy: %.4f%n", acc);
        } catch (java.io.IOException e) {
            System.err.println("seq4j: " + e.getMessage());
            System.exit(2);
        }
    }
}
