package org.seq4j.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.seq4j.loss.BinaryCrossentropy;
import org.seq4j.nn.Dense;
import org.seq4j.nn.Embedding;
import org.seq4j.nn.GlobalAveragePooling1D;
import org.seq4j.nn.Sequential;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;
import org.seq4j.train.CompileOptions;
import org.seq4j.train.Dataset;
import org.seq4j.train.FitOptions;
import org.seq4j.train.History;
import org.seq4j.train.MetricSpec;
import org.seq4j.train.Model;
import org.seq4j.train.OptimizerSpec;

/**
 * The first end-to-end job: IMDB sentiment with a fastText-style model (Joulin et al. 2016), trained from scratch
 * with {@link Model#fit} and scored on the movie-disjoint validation split.
 *
 * <pre>
 *   e = Embedding(ids)                  // (B, T, E), id 0 is padding (maskZero)
 *   h = Σ_t mask·e / Σ_t mask           // (B, E) GlobalAveragePooling1D over the real tokens
 *   z = h·W + b                         // (B, 1) logit
 *   loss = BinaryCrossentropy(logits)   // Adam
 * </pre>
 */
final class SentimentDemo {
    record Options(Path data, int vocab, int maxLen, int embed, int epochs, int batch, float lr, long seed) {
        static Options defaults(Path data) {
            return new Options(data, 20_000, 400, 32, 3, 64, 5e-3f, 1);
        }
    }

    private final Options o;

    SentimentDemo(Options options) {
        this.o = options;
    }

    /** Trains and returns the last epoch's validation accuracy. */
    double run() throws IOException {
        long t0 = System.nanoTime();
        List<String[]> trainRows = readTsv(o.data().resolve("imdb_train.tsv.gz"));
        List<String[]> validRows = readTsv(o.data().resolve("imdb_valid.tsv.gz"));
        Map<String, Integer> vocab = buildVocab(trainRows);
        Dataset<Tensor> train = encode(trainRows, vocab);
        Dataset<Tensor> valid = encode(validRows, vocab);
        System.out.printf(Locale.ROOT, "IMDB: %d train, %d valid reviews, vocabulary %d%n",
                train.size(), valid.size(), vocab.size() + 1);

        SplittableRandom rng = new SplittableRandom(o.seed());
        Sequential network = new Sequential("fasttext", Shape.of(o.maxLen()), List.of(
                new Embedding(Embedding.Config.of(vocab.size() + 1, o.embed()).maskZero(true), rng),
                new GlobalAveragePooling1D(GlobalAveragePooling1D.Config.defaults()),
                new Dense(Dense.Config.of(o.embed(), 1), rng)));
        Model<Tensor> model = Model.<Tensor>of(network).compile(
                CompileOptions.of(BinaryCrossentropy.logits(), OptimizerSpec.adam(o.lr()))
                        .metrics(MetricSpec.accuracy()));
        History history = model.fit(train, valid, FitOptions.defaults()
                .epochs(o.epochs()).batchSize(o.batch()).seed(o.seed()));
        System.out.printf(Locale.ROOT, "trained in %.1fs%n", (System.nanoTime() - t0) / 1e9);
        return history.last().get("val_accuracy");
    }

    /** Lower-cased word tokens; the reviews' HTML line breaks and punctuation separate words. */
    static String[] words(String text) {
        return text.toLowerCase(Locale.ROOT).replace("<br />", " ").split("[^\\p{L}\\p{N}']+");
    }

    private Map<String, Integer> buildVocab(List<String[]> rows) {
        Map<String, Integer> counts = new HashMap<>();
        for (String[] r : rows) {
            for (String word : words(r[r.length - 1])) {
                if (!word.isEmpty()) {
                    counts.merge(word, 1, Integer::sum);
                }
            }
        }
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Integer> vocab = new HashMap<>();
        for (int i = 0; i < Math.min(o.vocab() - 1, sorted.size()); i++) {
            vocab.put(sorted.get(i).getKey(), i + 1); // 0 is padding
        }
        return vocab;
    }

    /** Ids padded with 0 (post) and truncated to maxLen, (N, maxLen); labels (N, 1). */
    private Dataset<Tensor> encode(List<String[]> rows, Map<String, Integer> vocab) {
        float[] x = new float[rows.size() * o.maxLen()];
        float[] y = new float[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            int[] ids = java.util.Arrays.stream(words(r[r.length - 1])).filter(vocab::containsKey)
                    .mapToInt(vocab::get).limit(o.maxLen()).toArray();
            for (int t = 0; t < ids.length; t++) {
                x[i * o.maxLen() + t] = ids[t];
            }
            y[i] = Float.parseFloat(r[0]);
        }
        return Dataset.of(Tensor.of(x, rows.size(), o.maxLen()), Tensor.of(y, rows.size(), 1));
    }

    /** Rows of a gzip TSV with a header, split on TAB; lines end only at \n (reviews contain U+0085). */
    private static List<String[]> readTsv(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException("missing data file " + file + " (../shared must sit beside the checkout)");
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            String header = r.readLine();
            int cols = header.split("\t", -1).length;
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split("\t", cols);
                if (f.length == cols) {
                    rows.add(f);
                }
            }
        }
        return rows;
    }
}
