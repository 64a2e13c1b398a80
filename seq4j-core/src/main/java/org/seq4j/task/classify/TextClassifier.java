package org.seq4j.task.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.seq4j.loss.SparseCategoricalCrossentropy;
import org.seq4j.nn.Layer;
import org.seq4j.nn.Sequential;
import org.seq4j.task.InvalidInputException;
import org.seq4j.task.TaskModelDir;
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
 * Text classification end to end: a Keras {@link Tokenizer} fitted on the training texts, label names mapped to ids
 * (sorted, numerically when every label is a number), a network from a {@link ClassifierSpec} trained with softmax
 * cross-entropy and Adam, scored by accuracy and macro precision / recall / F1. A saved classifier is a model
 * directory holding the tokenizer ({@code tokenizer.json}, Keras' format) and the labels ({@code classify.json}).
 *
 * <pre>{@code
 * LabeledTexts train = LabeledTexts.read(trainFile, "label", "text");
 * TextClassifier clf = TextClassifier.create(train, ClassifierOptions.defaults());
 * clf.fit(train, LabeledTexts.read(validFile, "label", "text"), System.out);
 * clf.save(Path.of("imdb-model"));
 * TextClassifier.load(Path.of("imdb-model")).predict(List.of("a wonderful film"));
 * }</pre>
 */
public final class TextClassifier {
    public static final String TASK = "classify";
    static final String META = "classify.json";
    static final String TOKENIZER = "tokenizer.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A predicted label and its softmax probability. */
    public record Prediction(String label, double probability) {}

    private final Model<IntTensor> model;
    private final Tokenizer tokenizer;
    private final List<String> labels;
    private final ClassifierOptions options;

    private TextClassifier(Model<IntTensor> model, Tokenizer tokenizer, List<String> labels, ClassifierOptions o) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.labels = List.copyOf(labels);
        this.options = o;
    }

    /** Fits the tokenizer and the label set on {@code train} and builds the (untrained) network. */
    public static TextClassifier create(LabeledTexts train, ClassifierOptions o) {
        Tokenizer tokenizer = new Tokenizer(TokenizerOptions.defaults().withNumWords(o.numWords()));
        tokenizer.fitOnTexts(train.texts());
        List<String> labels = Labels.sorted(train.labels());
        if (labels.size() < 2) {
            throw new InvalidInputException(train.file() + ": every row has the label '" + labels.getFirst()
                    + "'; a classifier needs at least two classes");
        }
        int vocab = Math.min(o.numWords(), tokenizer.wordIndex().size() + 1);
        Layer network = new Sequential("classifier", Shape.of(o.maxlen()),
                Networks.layers(o.spec(), vocab, labels.size(), new SplittableRandom(o.seed())));
        Model<IntTensor> model = Model.<IntTensor>of(network).compile(compileOptions(o.learningRate()));
        return new TextClassifier(model, tokenizer, labels, o);
    }

    private static CompileOptions<IntTensor> compileOptions(float lr) {
        return CompileOptions.of(SparseCategoricalCrossentropy.logits(), OptimizerSpec.adam(lr)).metrics(
                MetricSpec.accuracy(),
                new MetricSpec.Precision(MetricSpec.Average.MACRO, 0.5f),
                new MetricSpec.Recall(MetricSpec.Average.MACRO, 0.5f),
                new MetricSpec.F1Score(MetricSpec.Average.MACRO, 0.5f));
    }

    /** Trains for the options' epochs, scoring {@code valid} (may be null) after each; progress goes to {@code log}. */
    public History fit(LabeledTexts train, LabeledTexts valid, PrintStream log) {
        Dataset<IntTensor> t = encode(train);
        Dataset<IntTensor> v = valid == null ? null : encode(valid);
        FitOptions fit = FitOptions.defaults().epochs(options.epochs()).batchSize(options.batchSize())
                .seed(options.seed()).out(log);
        return v == null ? model.fit(t, fit) : model.fit(t, v, fit);
    }

    /** accuracy, precision, recall, f1 (macro over the classes) and loss (mean cross-entropy, nats). */
    public Map<String, Double> evaluate(LabeledTexts data) {
        Map<String, Double> raw = model.evaluate(encode(data), 64);
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("accuracy", raw.get("accuracy"));
        out.put("precision", raw.get("precision"));
        out.put("recall", raw.get("recall"));
        out.put("f1", raw.get("f1_score"));
        out.put("loss", raw.get("loss"));
        return out;
    }

    public List<Prediction> predict(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        Tensor logits = model.predict(List.of(ids(texts)), 64);                     // (N, C)
        float[] z = logits.contiguous().toArray();
        int c = labels.size();
        List<Prediction> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            int best = 0;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < c; k++) {
                if (z[i * c + k] > max) {
                    max = z[i * c + k];
                    best = k;
                }
            }
            double sum = 0;
            for (int k = 0; k < c; k++) {
                sum += Math.exp(z[i * c + k] - max);
            }
            out.add(new Prediction(labels.get(best), 1.0 / sum));
        }
        return out;
    }

    /** Writes the model directory atomically: network, optimizer state, tokenizer, labels and options. */
    public void save(Path dir) throws IOException {
        ObjectNode meta = JSON.createObjectNode();
        meta.putPOJO("labels", labels);
        meta.put("label_column", options.labelColumn());
        meta.put("text_column", options.textColumn());
        meta.put("maxlen", options.maxlen());
        meta.put("num_words", options.numWords());
        meta.set("spec", JSON.readTree(options.spec().toJson()));
        Map<String, String> files = new LinkedHashMap<>();
        files.put(META, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(meta) + "\n");
        files.put(TOKENIZER, tokenizer.toJson());
        TaskModelDir.save(dir, model, TASK, files);
    }

    /** A saved classifier; an error naming the directory when it holds another task's model. */
    public static TextClassifier load(Path dir) throws IOException {
        TaskModelDir.requireTask(dir, TASK);
        JsonNode meta = TaskModelDir.readJson(dir.resolve(META));
        List<String> labels = new ArrayList<>();
        meta.path("labels").forEach(n -> labels.add(n.asText()));
        ClassifierSpec spec = JSON.treeToValue(meta.path("spec"), ClassifierSpec.class);
        ClassifierOptions o = ClassifierOptions.defaults()
                .columns(meta.path("label_column").asText("label"), meta.path("text_column").asText("text"))
                .maxlen(meta.path("maxlen").asInt()).numWords(meta.path("num_words").asInt()).spec(spec);
        Tokenizer tokenizer = Tokenizer.fromJson(TaskModelDir.read(dir, TOKENIZER));
        return new TextClassifier(Model.load(dir, IntTensor.class), tokenizer, labels, o);
    }

    /** Checks that every label of {@code data} is a class of this classifier (an error names file and line). */
    public void evaluateLabels(LabeledTexts data) {
        classIds(data);
    }

    /** The embedding's rows: the words kept plus the padding id 0. */
    public int vocabularySize() {
        return Math.min(options.numWords(), tokenizer.wordIndex().size() + 1);
    }

    public Model<IntTensor> model() {
        return model;
    }

    public List<String> labels() {
        return labels;
    }

    public ClassifierOptions options() {
        return options;
    }

    /** Ids (N, maxlen) and class ids (N); a label not seen in training is an error naming its file and line. */
    private Dataset<IntTensor> encode(LabeledTexts data) {
        int[] y = classIds(data);
        return Dataset.of(ids(data.texts()), IntTensor.of(y, y.length));
    }

    private int[] classIds(LabeledTexts data) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i);
        }
        int[] y = new int[data.size()];
        for (int i = 0; i < y.length; i++) {
            Integer id = index.get(data.labels().get(i));
            if (id == null) {
                throw new InvalidInputException(data.file() + ":" + data.lines()[i] + ": label '"
                        + data.labels().get(i) + "' was not seen in training (classes: " + labels + ")");
            }
            y[i] = id;
        }
        return y;
    }

    private Tensor ids(List<String> texts) {
        PadOptions pad = PadOptions.defaults().withMaxlen(options.maxlen())
                .withPadding(PadOptions.Side.POST).withTruncating(PadOptions.Side.POST);
        return Sequences.pad(tokenizer.textsToSequences(texts), pad).toFloat();     // (N, maxlen), 0 = padding
    }
}
