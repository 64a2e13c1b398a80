package org.seq4j.cli.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.seq4j.data.DelimitedOptions;
import org.seq4j.data.DelimitedReader;
import org.seq4j.data.Row;
import org.seq4j.loss.BinaryCrossentropy;
import org.seq4j.nn.Dense;
import org.seq4j.nn.Embedding;
import org.seq4j.nn.Sequential;
import org.seq4j.nn.recurrent.LSTM;
import org.seq4j.tensor.IntTensor;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;
import org.seq4j.text.PadOptions;
import org.seq4j.text.Sequences;
import org.seq4j.text.Tokenizer;
import org.seq4j.text.TokenizerOptions;
import org.seq4j.train.CompileOptions;
import org.seq4j.train.Dataset;
import org.seq4j.train.FitOptions;
import org.seq4j.train.History;
import org.seq4j.train.MetricSpec;
import org.seq4j.train.Model;
import org.seq4j.train.OptimizerSpec;

/**
 * Keras' IMDB LSTM example, the seq4j way: the Keras Tokenizer (20,000 words) and pad_sequences (maxlen 200),
 * Embedding(20000, 64, maskZero) → LSTM(64) → Dense(1) trained on logits with binary cross-entropy and Adam, scored
 * on the movie-disjoint validation split.
 */
public final class ImdbLstm {

    public record Options(Path data, int words, int maxLen, int embed, int units, int epochs, int batch, long seed) {
        public static Options defaults(Path data) {
            return new Options(data, 20_000, 200, 64, 64, 3, 64, 1);
        }
    }

    private record Texts(List<String> texts, float[] labels) {}

    public static double run(Options o) throws IOException {
        Texts train = read(o.data().resolve("imdb_train.tsv.gz"));
        Texts valid = read(o.data().resolve("imdb_valid.tsv.gz"));
        Tokenizer tokenizer = new Tokenizer(TokenizerOptions.defaults().withNumWords(o.words()));
        tokenizer.fitOnTexts(train.texts());
        PadOptions pad = PadOptions.defaults().withMaxlen(o.maxLen());
        SplittableRandom rng = new SplittableRandom(o.seed());
        Sequential net = new Sequential("imdb_lstm", Shape.of(o.maxLen()), List.of(
                new Embedding(Embedding.Config.of(o.words(), o.embed()).maskZero(true), rng),
                new LSTM(LSTM.Config.of(o.embed(), o.units()), rng),
                new Dense(Dense.Config.of(o.units(), 1), rng)));
        System.out.print(net.summary());
        Model<Tensor> model = Model.<Tensor>of(net).compile(
                CompileOptions.of(BinaryCrossentropy.logits(), OptimizerSpec.adam(1e-3f))
                        .metrics(MetricSpec.binaryAccuracy()));
        Dataset<Tensor> trainSet = Dataset.of(ids(tokenizer, train, pad), labels(train));
        Dataset<Tensor> validSet = Dataset.of(ids(tokenizer, valid, pad), labels(valid));
        History h = model.fit(trainSet, validSet, FitOptions.defaults().epochs(o.epochs()).batchSize(o.batch())
                .seed(o.seed()));
        List<Double> acc = h.get("val_binary_accuracy");
        return acc.get(acc.size() - 1);
    }

    private static Tensor ids(Tokenizer tokenizer, Texts t, PadOptions pad) {
        IntTensor padded = Sequences.pad(tokenizer.textsToSequences(t.texts()), pad);   // (N, maxLen)
        return padded.toFloat();
    }

    private static Tensor labels(Texts t) {
        return Tensor.of(t.labels(), t.labels().length, 1);
    }

    private static Texts read(Path file) throws IOException {
        List<String> texts = new ArrayList<>();
        List<Float> labels = new ArrayList<>();
        try (DelimitedReader r = DelimitedReader.open(file, DelimitedOptions.tsv().withColumns("label", "text"))) {
            r.stream().forEach((Row row) -> {
                labels.add(Float.parseFloat(row.get(0)));
                texts.add(row.get(1).replace("<br />", " "));
            });
        }
        float[] y = new float[labels.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.get(i);
        }
        return new Texts(texts, y);
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data/sentiment");
        long t0 = System.nanoTime();
        double acc = run(Options.defaults(data));
        System.out.printf(Locale.ROOT, "validation accuracy: %.4f (%.0fs)%n", acc, (System.nanoTime() - t0) / 1e9);
    }
}
