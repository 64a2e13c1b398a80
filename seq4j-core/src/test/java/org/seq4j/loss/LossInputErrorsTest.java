package org.seq4j.loss;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.seq4j.autograd.Variable;
import org.seq4j.tensor.IntTensor;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/** Labels a loss cannot take are clear errors naming the loss and the shapes, for both input forms. */
class LossInputErrorsTest {

    @Test
    void sparseLabelsOutsideTheClassesAreRejected() {
        for (SparseCategoricalCrossentropy loss : new SparseCategoricalCrossentropy[] {
                SparseCategoricalCrossentropy.logits(), SparseCategoricalCrossentropy.probabilities()}) {
            for (int bad : new int[] {5, -1}) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> loss.compute(
                        Variable.parameter(Tensor.full(Shape.of(3, 5), 0.2f)), IntTensor.of(new int[] {0, bad, 1}, 3)));
                assertTrue(e.getMessage().contains("SparseCategoricalCrossentropy") && e.getMessage().contains("(3, 5)")
                        && e.getMessage().contains("label " + bad), e.getMessage());
            }
        }
    }

    @Test
    void ignoredClassMayLieOutsideTheRange() {
        // Keras' ignore_class is often the padding id -1: it is masked, not an error
        SparseCategoricalCrossentropy.logits().ignoreClass(-1)
                .compute(Variable.parameter(Tensor.zeros(2, 3)), IntTensor.of(new int[] {2, -1}, 2));
    }
}
