package org.seq4j.loss;

import org.seq4j.autograd.Variable;
import org.seq4j.tensor.IntTensor;
import org.seq4j.tensor.Tensor;

/**
 * Fused log-softmax + cross-entropy on the last axis, as one primitive: for logits x (…, C) and ids y (…),
 * <pre>
 *   L   = logsumexp(x) − x[y] = −log_softmax(x)[y]         (…)
 *   ∂x  = (softmax(x) − onehot(y)) · g                      (…, C)
 * </pre>
 * The composition −logSoftmax(x).gather(y) gives the same values; this saves the graph nodes and the (…, C)
 * intermediate gradients of a large-vocabulary sequence loss. {@code SoftmaxCrossEntropyTest} proves the two equal.
 */
public final class SoftmaxCrossEntropy {
    private SoftmaxCrossEntropy() {}

    public static Variable sparse(Variable logits, IntTensor ids) {
        Tensor x = logits.value();
        int classes = x.dim(-1);
        Tensor logP = x.logSoftmax(-1);                                                         // (…, C)
        Tensor loss = logP.gather(-1, ids.reshape(SparseCategoricalCrossentropy.withTrailingOne(ids)))
                .neg().reshape(ids.shape().dims());                                              // (…)
        return Variable.op("sparseSoftmaxCrossEntropy", loss,
                g -> new Tensor[] {logP.exp().sub(Tensor.oneHot(ids, classes)).mul(g.unsqueeze(-1))}, logits);
    }
}
