package org.seq4j.loss;

import org.seq4j.autograd.Arithmetic;
import org.seq4j.autograd.Variable;
import org.seq4j.tensor.Tensor;

/**
 * Keras Huber: with e = ŷ − y, per element ½e² where |e| ≤ δ, else δ·|e| − ½δ²; L = mean over the last axis.
 * Both pieces and their slopes meet at |e| = δ.
 */
public record Huber(float delta, Reduction reduction) implements Loss<Tensor> {

    public Huber {
        if (!(delta > 0f)) {
            throw new IllegalArgumentException("Huber: delta must be positive, got " + delta);
        }
    }

    /** δ = 1, Keras' default. */
    public static Huber create() {
        return new Huber(1f, Reduction.SUM_OVER_BATCH_SIZE);
    }

    public Huber delta(float d) {
        return new Huber(d, reduction);
    }

    @Override
    public Variable perSample(Variable yPred, Tensor yTrue) {
        Tensor t = Targets.align("Huber", yTrue, yPred.shape());
        Variable e = yPred.sub(Variable.constant(t));
        Variable absE = e.abs();
        Tensor quadratic = absE.value().le(Tensor.scalar(delta));
        Variable inside = e.square().mul(0.5f);
        Variable outside = absE.mul(delta).add(-0.5f * delta * delta);
        return Arithmetic.where(quadratic, inside, outside).mean(-1);
    }
}
