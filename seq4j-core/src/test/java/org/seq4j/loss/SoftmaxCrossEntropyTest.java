package org.seq4j.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.seq4j.autograd.GradCheck;
import org.seq4j.autograd.Variable;
import org.seq4j.tensor.IntTensor;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/** The fused primitive equals its composed reference −logSoftmax(x).gather(y), forward and backward. */
class SoftmaxCrossEntropyTest {
    private final SplittableRandom rng = new SplittableRandom(3);

    private IntTensor ids(int classes, int... dims) {
        int[] a = new int[Shape.of(dims).size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextInt(classes);
        }
        return IntTensor.of(a, dims);
    }

    private static Variable composed(Variable x, IntTensor y) {
        return x.logSoftmax(-1).gather(-1, y.reshape(SparseCategoricalCrossentropy.withTrailingOne(y))).squeeze(-1)
                .neg();
    }

    @Test
    void equalsTheCompositionOnBatchesAndSequences() {
        for (int[] dims : new int[][] {{4, 7}, {2, 5, 6}, {1, 3}}) {
            int classes = dims[dims.length - 1];
            Tensor logits = Tensor.uniform(Shape.of(dims), -4f, 4f, rng);
            IntTensor y = ids(classes, java.util.Arrays.copyOf(dims, dims.length - 1));
            Tensor seed = Tensor.uniform(Shape.of(y.shape().dims()), -1f, 1f, rng);

            Variable a = Variable.parameter(logits);
            Variable fused = SoftmaxCrossEntropy.sparse(a, y);
            fused.backward(seed);
            Variable b = Variable.parameter(logits);
            Variable reference = composed(b, y);
            reference.backward(seed);

            assertEquals("sparseSoftmaxCrossEntropy", fused.opName());
            assertTrue(fused.value().allClose(reference.value(), 1e-6f, 1e-6f), "forward");
            assertTrue(a.grad().allClose(b.grad(), 1e-6f, 1e-6f), "gradient");
        }
    }

    @Test
    void stableForLargeLogits() {
        Tensor x = Tensor.of(new float[] {1000f, 0f, -1000f, 50f, 60f, 70f}, 2, 3);
        IntTensor y = IntTensor.of(new int[] {0, 0}, 2);
        Tensor loss = SoftmaxCrossEntropy.sparse(Variable.constant(x), y).value();
        assertEquals(0f, loss.get(0), 1e-6f);
        assertEquals(20f, loss.get(1), 1e-4f);
    }

    @Test
    void gradientCheck() {
        IntTensor y = ids(5, 2, 3);
        GradCheck.check(in -> SoftmaxCrossEntropy.sparse(in.get(0), y),
                List.of(Tensor.uniform(Shape.of(2, 3, 5), -2f, 2f, rng)));
    }

    @Test
    void rejectsIdsOutOfRange() {
        assertThrows(RuntimeException.class,
                () -> SoftmaxCrossEntropy.sparse(Variable.constant(Tensor.zeros(2, 3)), IntTensor.of(new int[] {0, 3}, 2)));
    }
}
