package org.seq4j.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seq4j.autograd.Variable;
import org.seq4j.loss.Loss;
import org.seq4j.loss.Weighting;
import org.seq4j.nn.Context;
import org.seq4j.nn.Layer;
import org.seq4j.nn.Masked;
import org.seq4j.tensor.IntTensor;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/**
 * One batch through the network and the loss, and the streaming logs of an epoch or an evaluation: the mean loss
 * (batch losses weighted by batch size, as Keras' loss tracker does) and the compiled metrics.
 *
 * <p>Weighting: sample weights times class weights; and when the network's output carries a mask of the per-sample
 * loss's shape (a (B, T) mask on a (B, T, C) output, e.g. Embedding(maskZero) → … → Dense), the loss is averaged
 * over the real steps only ({@link Weighting#masked}) and the metrics count the real steps only.
 */
final class Scoring<Y> {
    private final Loss<Y> loss;
    private final List<Metric> metrics;
    private final MeanMetric lossMean = new MeanMetric("loss", (p, y) -> p);
    private final Map<Integer, Float> classWeight;

    Scoring(Loss<Y> loss, List<MetricSpec> specs, Map<Integer, Float> classWeight) {
        this.loss = loss;
        this.metrics = new ArrayList<>();
        specs.forEach(s -> metrics.add(s.create(loss)));
        this.classWeight = classWeight;
    }

    /** Forward, loss and metric update; the loss keeps its graph when grad mode is on. */
    Variable lossOf(Layer network, Batch<Y> batch, Context ctx) {
        List<Masked> inputs = new ArrayList<>();
        batch.x().forEach(x -> inputs.add(Masked.of(Variable.constant(x))));
        Masked out = network.call(inputs, ctx).get(0);
        Variable pred = out.value();
        Tensor mask = stepMask(out, pred.shape());
        Tensor sampleWeight = Weights.times(batch.sampleWeight(), classWeights(batch.y(), pred.shape()));
        Variable value = loss.compute(pred, batch.y(), new Weighting(sampleWeight, mask));
        Tensor metricWeight = Weights.times(sampleWeight, mask);
        Tensor yTrue = Rows.asFloat(batch.y());
        for (Metric m : metrics) {
            m.update(pred.value(), yTrue, metricWeight);
        }
        return value;
    }

    /** Counts a batch's loss into the mean, weighted by its size. */
    void addLoss(float batchLoss, int batchSize) {
        lossMean.add(Tensor.scalar(batchLoss), Tensor.scalar(batchSize));
    }

    /** "loss" then each metric, every key prefixed (e.g. "val_"). */
    Map<String, Double> results(String prefix) {
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put(prefix + "loss", lossMean.result());
        metrics.forEach(m -> logs.put(prefix + m.name(), m.result()));
        return logs;
    }

    void reset() {
        lossMean.reset();
        metrics.forEach(Metric::reset);
    }

    /** The output mask when it matches the per-sample loss (the prediction's shape without its last axis). */
    private static Tensor stepMask(Masked out, Shape pred) {
        if (!out.hasMask() || pred.rank() < 2) {
            return null;
        }
        Shape perSample = new Shape(Arrays.copyOf(pred.dims(), pred.rank() - 1));
        return out.mask().shape().equals(perSample) ? out.mask() : null;
    }

    /** Keras class_weight: each target's class id → its weight (1 when unlisted); one-hot rows by argmax. */
    private Tensor classWeights(Y y, Shape pred) {
        if (classWeight.isEmpty()) {
            return null;
        }
        Tensor ids = switch (y) {
            case IntTensor t -> t.toFloat();
            case Tensor t when t.rank() > 1 && t.dim(-1) > 1 -> t.argmax(-1).toFloat();
            case Tensor t when t.rank() > 1 -> t.squeeze(-1);
            case Tensor t -> t;
            default -> throw new IllegalArgumentException("unsupported targets " + y.getClass());
        };
        float[] v = ids.contiguous().toArray();
        float[] w = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            w[i] = classWeight.getOrDefault(Math.round(v[i]), 1f);
        }
        return Tensor.of(w, ids.shape().dims());
    }
}
