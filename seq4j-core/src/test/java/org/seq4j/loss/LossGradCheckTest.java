package org.seq4j.loss;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.seq4j.autograd.GradCheck;
import org.seq4j.tensor.IntTensor;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/**
 * Finite-difference checks of every loss, per sample and reduced. Probabilities are drawn in [0.1, 0.9] (well inside
 * the [1e-7, 1 − 1e-7] clip, so the difference never crosses it); regression errors are kept away from the kinks
 * (|e| ≥ 0.1 for MAE, |e| ≠ δ for Huber).
 */
class LossGradCheckTest {
    private final SplittableRandom rng = new SplittableRandom(11);
    private static final GradCheck.Options FINE = GradCheck.Options.defaults().withEps(1e-3);

    private Tensor probs(int... dims) {
        return Tensor.uniform(Shape.of(dims), 0.1f, 0.9f, rng);
    }

    private Tensor uniform(float lo, float hi, int... dims) {
        return Tensor.uniform(Shape.of(dims), lo, hi, rng);
    }

    private Tensor oneHot(int rows, int classes) {
        return Tensor.oneHot(ids(classes, rows), classes);
    }

    private IntTensor ids(int classes, int... dims) {
        int[] a = new int[Shape.of(dims).size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextInt(classes);
        }
        return IntTensor.of(a, dims);
    }

    private static <Y> void check(Loss<Y> loss, Tensor pred, Y target) {
        GradCheck.check(in -> loss.perSample(in.get(0), target), List.of(pred), FINE);
        GradCheck.check(in -> loss.compute(in.get(0), target), List.of(pred), FINE);
    }

    @Test
    void binaryCrossentropy() {
        Tensor soft = uniform(0f, 1f, 3, 4);
        check(BinaryCrossentropy.probabilities(), probs(3, 4), soft);
        check(BinaryCrossentropy.probabilities().labelSmoothing(0.2f), probs(3, 4), soft);
        check(BinaryCrossentropy.logits(), uniform(-3f, 3f, 3, 4), soft);
        check(BinaryCrossentropy.logits().labelSmoothing(0.1f), uniform(-3f, 3f, 2, 3, 2), uniform(0f, 1f, 2, 3, 2));
    }

    @Test
    void categoricalCrossentropy() {
        check(CategoricalCrossentropy.probabilities(), probs(3, 5), oneHot(3, 5));
        check(CategoricalCrossentropy.probabilities().labelSmoothing(0.1f), probs(3, 5), oneHot(3, 5));
        check(CategoricalCrossentropy.logits(), uniform(-2f, 2f, 3, 5), oneHot(3, 5));
        check(CategoricalCrossentropy.logits().axis(1), uniform(-2f, 2f, 2, 4, 3),
                Tensor.oneHot(ids(4, 2, 3), 4).permute(0, 2, 1).contiguous());
    }

    @Test
    void sparseCategoricalCrossentropy() {
        check(SparseCategoricalCrossentropy.probabilities(), probs(4, 6), ids(6, 4));
        check(SparseCategoricalCrossentropy.logits(), uniform(-2f, 2f, 4, 6), ids(6, 4));
        check(SparseCategoricalCrossentropy.logits(), uniform(-2f, 2f, 2, 3, 5), ids(5, 2, 3));
        check(SparseCategoricalCrossentropy.probabilities().ignoreClass(0), probs(2, 3, 5), ids(5, 2, 3));
        IntTensor y = ids(5, 2, 3);
        Weighting masked = Weighting.masked(Tensor.of(new float[] {1f, 1f, 0f, 1f, 0f, 1f}, 2, 3))
                .withSampleWeight(Tensor.of(new float[] {0.5f, 2f}, 2));
        GradCheck.check(in -> SparseCategoricalCrossentropy.logits().compute(in.get(0), y, masked),
                List.of(uniform(-2f, 2f, 2, 3, 5)), FINE);
    }

    @Test
    void regressionLosses() {
        Tensor target = uniform(-1f, 1f, 3, 4);
        Tensor offset = uniform(0.2f, 0.8f, 3, 4);
        Tensor signs = uniform(-1f, 1f, 3, 4).gt(0f).mul(2f).sub(1f);
        Tensor pred = target.add(offset.mul(signs)); // |ŷ − y| in [0.2, 0.8]
        check(MeanSquaredError.create(), pred, target);
        check(MeanAbsoluteError.create(), pred, target);
        check(Huber.create().delta(0.5f), target.add(offset.mul(signs).mul(0.5f)), target); // |e| < 0.5 = δ
        check(Huber.create().delta(0.1f), pred, target); // |e| > δ: the linear piece
        check(Huber.create(), pred, target);
    }
}
