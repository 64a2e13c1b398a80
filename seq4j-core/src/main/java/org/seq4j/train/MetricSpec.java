package org.seq4j.train;

import org.seq4j.autograd.GradMode;
import org.seq4j.autograd.Variable;
import org.seq4j.loss.BinaryCrossentropy;
import org.seq4j.loss.CategoricalCrossentropy;
import org.seq4j.loss.Loss;
import org.seq4j.loss.SparseCategoricalCrossentropy;
import org.seq4j.tensor.IntTensor;
import org.seq4j.tensor.Tensor;

/**
 * A metric as data (what {@code compile} lists and a saved model records), built into a fresh streaming
 * {@link Metric} against the compiled loss. Names are Keras'. Thresholds are on probabilities: when the loss takes
 * logits, a threshold t is applied as logit(t) (so 0.5 becomes 0), where Keras would compare logits with 0.5.
 */
public sealed interface MetricSpec {

    /** How precision, recall and F1 combine classes. */
    enum Average { BINARY, MACRO }

    Metric create(Loss<?> loss);

    /** Keras' "accuracy": binary, sparse or categorical from the prediction and target shapes. */
    static MetricSpec accuracy() { return new Accuracy(); }
    static MetricSpec binaryAccuracy() { return new BinaryAccuracy(0.5f); }
    static MetricSpec categoricalAccuracy() { return new CategoricalAccuracy(); }
    static MetricSpec sparseCategoricalAccuracy() { return new SparseCategoricalAccuracy(); }
    static MetricSpec topK(int k) { return new TopKAccuracy(k, "top_k_categorical_accuracy"); }
    static MetricSpec sparseTopK(int k) { return new TopKAccuracy(k, "sparse_top_k_categorical_accuracy"); }
    static MetricSpec precision() { return new Precision(Average.BINARY, 0.5f); }
    static MetricSpec recall() { return new Recall(Average.BINARY, 0.5f); }
    static MetricSpec f1() { return new F1Score(Average.BINARY, 0.5f); }
    static MetricSpec perplexity() { return new Perplexity(); }

    record Accuracy() implements MetricSpec {
        public Metric create(Loss<?> loss) {
            float t = outputThreshold(0.5f, loss);
            return new MeanMetric("accuracy", (p, y) -> Correctness.auto(p, y, t));
        }
    }

    record BinaryAccuracy(float threshold) implements MetricSpec {
        public Metric create(Loss<?> loss) {
            float t = outputThreshold(threshold, loss);
            return new MeanMetric("binary_accuracy", (p, y) -> Correctness.binary(p, y, t));
        }
    }

    record CategoricalAccuracy() implements MetricSpec {
        public Metric create(Loss<?> loss) {
            return new MeanMetric("categorical_accuracy", Correctness::categorical);
        }
    }

    record SparseCategoricalAccuracy() implements MetricSpec {
        public Metric create(Loss<?> loss) {
            return new MeanMetric("sparse_categorical_accuracy", Correctness::sparse);
        }
    }

    record TopKAccuracy(int k, String name) implements MetricSpec {
        public Metric create(Loss<?> loss) {
            return new MeanMetric(name, (p, y) -> Correctness.topK(p, y, k));
        }
    }

    record Precision(Average average, float threshold) implements MetricSpec {
        public Precision macro() { return new Precision(Average.MACRO, threshold); }
        public Metric create(Loss<?> loss) {
            return new ConfusionMetric("precision", ConfusionMetric.Score.PRECISION, average,
                    outputThreshold(threshold, loss));
        }
    }

    record Recall(Average average, float threshold) implements MetricSpec {
        public Recall macro() { return new Recall(Average.MACRO, threshold); }
        public Metric create(Loss<?> loss) {
            return new ConfusionMetric("recall", ConfusionMetric.Score.RECALL, average,
                    outputThreshold(threshold, loss));
        }
    }

    record F1Score(Average average, float threshold) implements MetricSpec {
        public F1Score macro() { return new F1Score(Average.MACRO, threshold); }
        public Metric create(Loss<?> loss) {
            return new ConfusionMetric("f1_score", ConfusionMetric.Score.F1, average, outputThreshold(threshold, loss));
        }
    }

    /**
     * exp of the mean cross-entropy per token (keras-nlp {@code Perplexity}), over the real tokens when masked; on
     * logits when the compiled loss takes logits. Targets are ids, or one-hot rows.
     */
    record Perplexity() implements MetricSpec {
        public Metric create(Loss<?> loss) {
            boolean logits = fromLogits(loss);
            return new MeanMetric("perplexity", (p, y) -> crossEntropy(p, y, logits), Math::exp);
        }

        private static Tensor crossEntropy(Tensor yPred, Tensor yTrue, boolean logits) {
            try (GradMode.Scope s = GradMode.noGrad()) {
                Variable p = Variable.constant(yPred);
                if (Weights.isSparse(yTrue, yPred.shape())) {
                    Tensor ids = Weights.alignIds(yTrue, yPred.shape());
                    float[] f = ids.contiguous().toArray();
                    int[] i = new int[f.length];
                    for (int k = 0; k < f.length; k++) {
                        i[k] = (int) f[k];
                    }
                    var ce = logits ? SparseCategoricalCrossentropy.logits()
                            : SparseCategoricalCrossentropy.probabilities();
                    return ce.perSample(p, IntTensor.of(i, ids.shape().dims())).value();
                }
                var ce = logits ? CategoricalCrossentropy.logits() : CategoricalCrossentropy.probabilities();
                return ce.perSample(p, yTrue).value();
            }
        }
    }

    /** Whether the compiled loss reads logits (then metrics on probabilities must adapt). */
    static boolean fromLogits(Loss<?> loss) {
        return switch (loss) {
            case BinaryCrossentropy b -> b.fromLogits();
            case CategoricalCrossentropy c -> c.fromLogits();
            case SparseCategoricalCrossentropy s -> s.fromLogits();
            case null, default -> false;
        };
    }

    /** A probability threshold in the space the model outputs: logit(t) for a logits loss. */
    private static float outputThreshold(float t, Loss<?> loss) {
        return fromLogits(loss) ? (float) Math.log(t / (1.0 - t)) : t;
    }
}
