package org.seq4j.train;

import java.util.function.BinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.seq4j.tensor.Tensor;

/**
 * A weighted mean of per-sample values, Σ w·v / Σ w over everything seen since the last reset (Keras
 * {@code MeanMetricWrapper}): the accuracies average a 0/1 correctness, perplexity averages the cross-entropy and
 * reports exp of the mean. Sums are kept in double so that long epochs do not drift.
 */
final class MeanMetric implements Metric {
    private final String name;
    private final BinaryOperator<Tensor> perSample;   // (yPred, yTrue) → values of shape yPred[:-1]
    private final DoubleUnaryOperator finish;
    private double total;
    private double count;

    MeanMetric(String name, BinaryOperator<Tensor> perSample, DoubleUnaryOperator finish) {
        this.name = name;
        this.perSample = perSample;
        this.finish = finish;
    }

    MeanMetric(String name, BinaryOperator<Tensor> perSample) {
        this(name, perSample, DoubleUnaryOperator.identity());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void update(Tensor yPred, Tensor yTrue, Tensor weight) {
        Tensor v = perSample.apply(yPred, yTrue);
        add(v, weight == null ? null : Weights.expandTo(weight, v.shape()));
    }

    /** Adds values (any shape) with weights of the same shape, or unweighted when null. */
    void add(Tensor values, Tensor weights) {
        if (weights == null) {
            total += values.sum().item();
            count += values.size();
        } else {
            total += values.mul(weights).sum().item();
            count += weights.expand(values.shape()).sum().item();
        }
    }

    @Override
    public double result() {
        return finish.applyAsDouble(count == 0 ? 0 : total / count);
    }

    @Override
    public void reset() {
        total = 0;
        count = 0;
    }
}
