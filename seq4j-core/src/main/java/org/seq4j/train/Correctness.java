package org.seq4j.train;

import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/** Per-sample correctness (1 or 0) of the Keras accuracies, each of shape yPred[:-1]. */
final class Correctness {
    private Correctness() {}

    /** Keras binary_accuracy: mean over the last axis of (ŷ &gt; threshold) == y. */
    static Tensor binary(Tensor yPred, Tensor yTrue, float threshold) {
        Tensor t = Weights.alignDense(yTrue, yPred.shape());
        return yPred.gt(threshold).eq(t).mean(-1);
    }

    /** Keras categorical_accuracy: argmax ŷ == argmax y. */
    static Tensor categorical(Tensor yPred, Tensor yTrue) {
        return yPred.argmax(-1).toFloat().eq(yTrue.argmax(-1).toFloat());
    }

    /** Keras sparse_categorical_accuracy: argmax ŷ == id. */
    static Tensor sparse(Tensor yPred, Tensor ids) {
        return yPred.argmax(-1).toFloat().eq(Weights.alignIds(ids, yPred.shape()));
    }

    /** Keras in_top_k: the target's score is beaten by fewer than k classes (ties count in its favour). */
    static Tensor topK(Tensor yPred, Tensor yTrue, int k) {
        Shape pred = yPred.shape();
        Tensor ids = Weights.isSparse(yTrue, pred) ? Weights.alignIds(yTrue, pred) : yTrue.argmax(-1).toFloat();
        int classes = pred.dim(-1);
        float[] p = yPred.contiguous().toArray();
        float[] y = ids.contiguous().toArray();
        float[] out = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            float target = p[i * classes + (int) y[i]];
            int above = 0;
            for (int c = 0; c < classes; c++) {
                above += p[i * classes + c] > target ? 1 : 0;
            }
            out[i] = above < k ? 1f : 0f;
        }
        return Tensor.of(out, ids.shape().dims());
    }

    /**
     * Keras' "accuracy" string: binary when the prediction has one unit, sparse when the targets are ids, else
     * categorical. {@code threshold} is for the binary case.
     */
    static Tensor auto(Tensor yPred, Tensor yTrue, float threshold) {
        if (yPred.dim(-1) == 1) {
            return binary(yPred, yTrue, threshold);
        }
        return Weights.isSparse(yTrue, yPred.shape()) ? sparse(yPred, yTrue) : categorical(yPred, yTrue);
    }
}
