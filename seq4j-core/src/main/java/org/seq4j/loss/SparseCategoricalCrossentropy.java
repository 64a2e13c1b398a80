package org.seq4j.loss;

import java.util.Arrays;
import org.seq4j.autograd.Arithmetic;
import org.seq4j.autograd.Variable;
import org.seq4j.tensor.Axes;
import org.seq4j.tensor.IntTensor;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/**
 * Keras SparseCategoricalCrossentropy: class ids y of shape pred.shape[:-1] ((B,) for (B, C), (B, T) for
 * (B, T, C)); the class axis is the last one.
 * <ul>
 *   <li>probabilities: p ← p / Σp, clipped to [1e-7, 1 − 1e-7]; L = −log p[y] (the order of Keras' JAX and NumPy
 *       backends and of tfjs; Keras' TensorFlow backend clips first and renormalises after, which agrees for
 *       normalised p away from the clip edges);</li>
 *   <li>logits x: L = logsumexp(x) − x[y], by the fused {@link SoftmaxCrossEntropy} primitive.</li>
 * </ul>
 * With {@code ignoreClass} (Keras {@code ignore_class}, e.g. a padding id), positions whose id is that class get
 * L = 0 and no gradient, and {@link #compute(Variable, IntTensor, Weighting)} masks them out, so that the default
 * reduction averages over the other positions only.
 */
public record SparseCategoricalCrossentropy(boolean fromLogits, Integer ignoreClass, Reduction reduction)
        implements Loss<IntTensor> {

    public static SparseCategoricalCrossentropy probabilities() {
        return new SparseCategoricalCrossentropy(false, null, Reduction.SUM_OVER_BATCH_SIZE);
    }

    public static SparseCategoricalCrossentropy logits() {
        return new SparseCategoricalCrossentropy(true, null, Reduction.SUM_OVER_BATCH_SIZE);
    }

    public SparseCategoricalCrossentropy ignoreClass(int id) {
        return new SparseCategoricalCrossentropy(fromLogits, id, reduction);
    }

    public SparseCategoricalCrossentropy reduction(Reduction r) {
        return new SparseCategoricalCrossentropy(fromLogits, ignoreClass, r);
    }

    @Override
    public Variable perSample(Variable yPred, IntTensor yTrue) {
        IntTensor ids = align(yTrue, yPred);
        Tensor valid = null;
        if (ignoreClass != null) {
            valid = validMask(ids);
            ids = replaceIgnored(ids);
        }
        checkRange(ids, yPred);
        Variable loss;
        if (fromLogits) {
            loss = SoftmaxCrossEntropy.sparse(yPred, ids);
        } else {
            Variable total = yPred.sum(Axes.of(-1).keepDims());
            Variable logP = Targets.clip(yPred.div(total)).log();
            loss = logP.gather(-1, ids.reshape(withTrailingOne(ids))).squeeze(-1).neg();
        }
        return valid == null ? loss : Arithmetic.where(valid, loss, Variable.constant(Tensor.scalar(0f)));
    }

    @Override
    public Variable compute(Variable yPred, IntTensor yTrue, Weighting weighting) {
        Weighting w = ignoreClass == null ? weighting : weighting.withMask(validMask(align(yTrue, yPred)));
        return reduction.reduce(perSample(yPred, yTrue), w);
    }

    /** (B, 1) ids for a (B, C) prediction lose their trailing axis (Keras squeezes it); then shapes must agree. */
    private static IntTensor align(IntTensor ids, Variable yPred) {
        int[] want = yPred.shape().dims();
        int[] lead = Arrays.copyOf(want, want.length - 1);
        if (ids.shape().rank() == want.length && ids.shape().dim(-1) == 1) {
            ids = ids.reshape(lead);
        }
        if (!ids.shape().equals(new Shape(lead))) {
            throw new IllegalArgumentException("SparseCategoricalCrossentropy: ids of shape " + ids.shape()
                    + " for predictions " + yPred.shape() + " (want the prediction's shape without its last axis)");
        }
        return ids;
    }

    private Tensor validMask(IntTensor ids) {
        return ids.toFloat().ne(Tensor.scalar(ignoreClass));
    }

    /** Ignored ids become 0 so that the gather stays in range (their loss is replaced by 0 anyway). */
    private IntTensor replaceIgnored(IntTensor ids) {
        int[] a = ids.toArray();
        for (int i = 0; i < a.length; i++) {
            if (a[i] == ignoreClass) {
                a[i] = 0;
            }
        }
        return IntTensor.of(a, ids.shape().dims());
    }

    /** A class id outside [0, C) is a labelling error: name the loss, the position and the shapes. */
    private static void checkRange(IntTensor ids, Variable yPred) {
        int classes = yPred.shape().dim(-1);
        for (int i = 0; i < ids.size(); i++) {
            int id = ids.getFlat(i);
            if (id < 0 || id >= classes) {
                throw new IllegalArgumentException("SparseCategoricalCrossentropy: label " + id + " at flat position "
                        + i + " is outside [0, " + classes + ") (labels " + ids.shape() + ", predictions "
                        + yPred.shape() + ")");
            }
        }
    }

    static int[] withTrailingOne(IntTensor ids) {
        int[] d = Arrays.copyOf(ids.shape().dims(), ids.shape().rank() + 1);
        d[d.length - 1] = 1;
        return d;
    }
}
