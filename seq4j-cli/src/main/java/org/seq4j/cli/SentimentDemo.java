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
import org.seq4j.autograd.GradMode;
import org.seq4j.autograd.Variable;
import org.seq4j.tensor.IntTensor;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/**
 * The first end-to-end job, built on the tensor engine and autograd alone: IMDB sentiment with a fastText-style
 * model (Joulin et al. 2016), trained from scratch and scored on the movie-disjoint validation split.
 *
 * <pre>
 *   e = Embedding(ids)                  // (B, T, E), id 0 is padding
 *   h = Σ_t mask·e / Σ_t mask           // (B, E) mean over the real tokens
 *   z = h·W + b                         // (B, 1) logit
 *   loss = mean(softplus(z) − y·z)      // binary cross-entropy from logits
 * </pre>
 *
 * Optimised with Adam (Kingma & Ba), written out here until the optim package lands.
 */
final class SentimentDemo {
    record Options(Path data, int vocab, int maxLen, int embed, int epochs, int batch, float lr, long seed) {
        static Options defaults(Path data) {
            return new Options(data, 20_000, 400, 32, 3, 64, 5e-3f, 1);
        }
    }

    private record Example(int[] ids, float label) {}

    private final Options o;

    SentimentDemo(Options options) {
        this.o = options;
    }

    double run() throws IOException {
        long t0 = System.nanoTime();
        List<String[]> trainRows = readTsv(o.data().resolve("imdb_train.tsv.gz"));
        List<String[]> validRows = readTsv(o.data().resolve("imdb_valid.tsv.gz"));
        Map<String, Integer> vocab = buildVocab(trainRows);
        List<Example> train = encode(trainRows, vocab);
        List<Example> valid = encode(validRows, vocab);
        System.out.printf(Locale.ROOT, "IMDB: %d train, %d valid reviews, vocabulary %d%n",
                train.size(), valid.size(), vocab.size() + 1);

        SplittableRandom rng = new SplittableRandom(o.seed());
        Variable table = Variable.parameter(Tensor.uniform(Shape.of(vocab.size() + 1, o.embed()), -0.05f, 0.05f, rng));
        Variable w = Variable.parameter(Tensor.uniform(Shape.of(o.embed(), 1), -0.1f, 0.1f, rng));
        Variable b = Variable.parameter(Tensor.zeros(1));
        List<Variable> params = List.of(table, w, b);
        Adam adam = new Adam(params, o.lr());
        double acc = 0;
        for (int epoch = 1; epoch <= o.epochs(); epoch++) {
            shuffle(train, rng);
            double lossSum = 0;
            int steps = 0;
            for (int s = 0; s < train.size(); s += o.batch()) {
                List<Example> batch = train.subList(s, Math.min(train.size(), s + o.batch()));
                Variable loss = loss(forward(table, w, b, batch), labels(batch));
                for (Variable p : params) {
                    p.zeroGrad();
                }
                loss.backward();
                adam.step();
                lossSum += loss.value().item();
                steps++;
            }
            acc = accuracy(table, w, b, valid);
            System.out.printf(Locale.ROOT, "epoch %d/%d - loss: %.4f - val_accuracy: %.4f - %.1fs%n", epoch,
                    o.epochs(), lossSum / steps, acc, (System.nanoTime() - t0) / 1e9);
        }
        return acc;
    }

    private Variable forward(Variable table, Variable w, Variable b, List<Example> batch) {
        IntTensor ids = padded(batch);                                          // (B, T)
        Tensor mask = ids.toFloat().gt(0f).unsqueeze(-1);                       // (B, T, 1)
        Variable e = table.indexSelect(0, ids);                                 // (B, T, E)
        Variable summed = e.mul(Variable.constant(mask)).sum(1);                // (B, E)
        Tensor counts = mask.sum(1).maximum(Tensor.scalar(1f));                 // (B, 1)
        Variable h = summed.div(Variable.constant(counts));                     // (B, E)
        return h.matmul(w).add(b);                                              // (B, 1)
    }

    /** mean(softplus(z) − y·z), with softplus(z) = max(z, 0) + log(1 + e^−|z|) so that nothing overflows. */
    private static Variable loss(Variable z, Tensor y) {
        Variable softplus = z.relu().add(z.abs().neg().exp().add(1f).log());
        return softplus.sub(z.mul(Variable.constant(y))).mean();
    }

    private double accuracy(Variable table, Variable w, Variable b, List<Example> data) {
        int correct = 0;
        try (GradMode.Scope s = GradMode.noGrad()) {
            for (int i = 0; i < data.size(); i += 256) {
                List<Example> batch = data.subList(i, Math.min(data.size(), i + 256));
                float[] z = forward(table, w, b, batch).value().toArray();
                for (int j = 0; j < z.length; j++) {
                    correct += (z[j] > 0) == (batch.get(j).label() > 0.5f) ? 1 : 0;
                }
            }
        }
        return (double) correct / data.size();
    }

    private IntTensor padded(List<Example> batch) {
        int len = 1;
        for (Example e : batch) {
            len = Math.max(len, e.ids().length);
        }
        int[][] rows = new int[batch.size()][len];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(batch.get(i).ids(), 0, rows[i], 0, batch.get(i).ids().length);
        }
        return IntTensor.of(rows);
    }

    private static Tensor labels(List<Example> batch) {
        float[] y = new float[batch.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = batch.get(i).label();
        }
        return Tensor.of(y, y.length, 1);
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

    private List<Example> encode(List<String[]> rows, Map<String, Integer> vocab) {
        List<Example> out = new ArrayList<>(rows.size());
        for (String[] r : rows) {
            int[] ids = java.util.Arrays.stream(words(r[r.length - 1])).filter(vocab::containsKey)
                    .mapToInt(vocab::get).limit(o.maxLen()).toArray();
            out.add(new Example(ids, Float.parseFloat(r[0])));
        }
        return out;
    }

    private static void shuffle(List<Example> list, SplittableRandom rng) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            Example t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
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

    /** Adam with bias correction, Keras' epsilon placement (ε added to √v̂). */
    private static final class Adam {
        private final List<Variable> params;
        private final Tensor[] m;
        private final Tensor[] v;
        private final float lr;
        private int t;

        Adam(List<Variable> params, float lr) {
            this.params = params;
            this.lr = lr;
            this.m = new Tensor[params.size()];
            this.v = new Tensor[params.size()];
            for (int i = 0; i < m.length; i++) {
                m[i] = Tensor.zeros(params.get(i).shape());
                v[i] = Tensor.zeros(params.get(i).shape());
            }
        }

        void step() {
            t++;
            float c1 = (float) (1 - Math.pow(0.9, t));
            float c2 = (float) (1 - Math.pow(0.999, t));
            for (int i = 0; i < m.length; i++) {
                Tensor g = params.get(i).grad();
                m[i] = m[i].mul(0.9f).add(g.mul(0.1f));
                v[i] = v[i].mul(0.999f).add(g.square().mul(0.001f));
                Tensor update = m[i].div(c1).div(v[i].div(c2).sqrt().add(1e-7f)).mul(lr);
                params.get(i).assign(params.get(i).value().sub(update));
            }
        }
    }
}
