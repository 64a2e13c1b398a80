package org.seq4j.autograd;

import org.seq4j.tensor.Tensor;

/**
 * The backward half of a primitive: given the gradient of the loss with respect to the op's output, the gradients
 * with respect to each input, in input order (null for an input that needs none).
 */
@FunctionalInterface
public interface Backward {
    Tensor[] apply(Tensor gradOutput);
}
