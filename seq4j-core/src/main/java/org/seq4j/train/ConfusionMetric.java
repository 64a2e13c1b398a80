package org.seq4j.train;

import org.seq4j.tensor.Tensor;

/**
 * Precision, recall and F1 from weighted confusion counts.
 * <ul>
 *   <li>BINARY (Keras {@code Precision}/{@code Recall}): every element is a decision, positive when ŷ &gt; threshold,
 *       actually positive when y &gt; 0.5; P = TP/(TP+FP), R = TP/(TP+FN), F1 = 2PR/(P+R), 0 where undefined;</li>
 *   <li>MACRO (multi-class, scikit-learn's {@code average='macro'}): the predicted class is argmax ŷ; per class c,
 *       P_c, R_c, F1_c as above; the result is their mean over the classes that occur in the targets or the
 *       predictions.</li>
 * </ul>
 */
final class ConfusionMetric implements Metric {

    enum Score { PRECISION, RECALL, F1 }

    private final String name;
    private final Score score;
    private final MetricSpec.Average average;
    private final float threshold;
    private double[] tp = new double[0];
    private double[] fp = new double[0];
    private double[] fn = new double[0];

    ConfusionMetric(String name, Score score, MetricSpec.Average average, float threshold) {
        this.name = name;
        this.score = score;
        this.average = average;
        this.threshold = threshold;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void update(Tensor yPred, Tensor yTrue, Tensor weight) {
        int[] predicted;
        int[] actual;
        int classes;
        Tensor w;
        if (average == MetricSpec.Average.BINARY) {
            Tensor t = Weights.alignDense(yTrue, yPred.shape());
            predicted = ints(yPred.gt(threshold));
            actual = ints(t.gt(0.5f));
            classes = 2;
            w = weight == null ? null : Weights.expandTo(weight.unsqueeze(-1), yPred.shape());
        } else {
            classes = yPred.dim(-1);
            predicted = ints(yPred.argmax(-1).toFloat());
            Tensor ids = Weights.isSparse(yTrue, yPred.shape())
                    ? Weights.alignIds(yTrue, yPred.shape()) : yTrue.argmax(-1).toFloat();
            actual = ints(ids);
            w = weight == null ? null : Weights.expandTo(weight, ids.shape());
        }
        float[] ws = w == null ? null : w.contiguous().toArray();
        grow(classes);
        for (int i = 0; i < predicted.length; i++) {
            double wi = ws == null ? 1 : ws[i];
            int p = predicted[i];
            int a = actual[i];
            if (p == a) {
                tp[p] += wi;
            } else {
                fp[p] += wi;
                fn[a] += wi;
            }
        }
    }

    @Override
    public double result() {
        if (average == MetricSpec.Average.BINARY) {
            return tp.length < 2 ? 0 : of(1);
        }
        double sum = 0;
        int n = 0;
        for (int c = 0; c < tp.length; c++) {
            if (tp[c] + fp[c] + fn[c] > 0) {
                sum += of(c);
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    private double of(int c) {
        double p = ratio(tp[c], tp[c] + fp[c]);
        double r = ratio(tp[c], tp[c] + fn[c]);
        return switch (score) {
            case PRECISION -> p;
            case RECALL -> r;
            case F1 -> ratio(2 * p * r, p + r);
        };
    }

    private static double ratio(double a, double b) {
        return b == 0 ? 0 : a / b;
    }

    @Override
    public void reset() {
        tp = new double[0];
        fp = new double[0];
        fn = new double[0];
    }

    private void grow(int classes) {
        if (tp.length < classes) {
            tp = java.util.Arrays.copyOf(tp, classes);
            fp = java.util.Arrays.copyOf(fp, classes);
            fn = java.util.Arrays.copyOf(fn, classes);
        }
    }

    private static int[] ints(Tensor t) {
        float[] f = t.contiguous().toArray();
        int[] out = new int[f.length];
        for (int i = 0; i < f.length; i++) {
            out[i] = (int) f[i];
        }
        return out;
    }
}
