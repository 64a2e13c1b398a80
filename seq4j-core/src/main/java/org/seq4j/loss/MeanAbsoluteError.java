package org.seq4j.loss;

import org.seq4j.autograd.Variable;
import org.seq4j.tensor.Tensor;

/** Keras MeanAbsoluteError: L = mean(|y − ŷ|) over the last axis (gradient sign(ŷ − y), 0 where equal). */
public record MeanAbsoluteError(Reduction reduction) implements Loss<Tensor> {

    public static MeanAbsoluteError create() {
        return new MeanAbsoluteError(Reduction.SUM_OVER_BATCH_SIZE);
    }

    @Override
    public Variable perSample(Variable yPred, Tensor yTrue) {
        Tensor t = Targets.align("MeanAbsoluteError", yTrue, yPred.shape());
        return yPred.sub(Variable.constant(t)).abs().mean(-1);
    }
}
