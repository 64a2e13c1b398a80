package org.seq4j.loss;

import org.seq4j.autograd.Variable;
import org.seq4j.tensor.Tensor;

/** Keras MeanSquaredError: L = mean((y − ŷ)²) over the last axis. */
public record MeanSquaredError(Reduction reduction) implements Loss<Tensor> {

    public static MeanSquaredError create() {
        return new MeanSquaredError(Reduction.SUM_OVER_BATCH_SIZE);
    }

    @Override
    public Variable perSample(Variable yPred, Tensor yTrue) {
        Tensor t = Targets.align("MeanSquaredError", yTrue, yPred.shape());
        return yPred.sub(Variable.constant(t)).square().mean(-1);
    }
}
