package org.seq4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.seq4j.autograd.GradCheck;
import org.seq4j.autograd.Variable;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/** Keras GlobalAveragePooling1D: the plain mean over time, or the mean over the real steps under a mask. */
class GlobalAveragePooling1DTest {
    private final GlobalAveragePooling1D pool = new GlobalAveragePooling1D(GlobalAveragePooling1D.Config.defaults());
    // (2, 3, 2)
    private final Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 10, 20, 30, 40, 50, 60}, 2, 3, 2);

    @Test
    void meanOverTimeWithoutMask() {
        Masked out = pool.apply(Masked.of(Variable.constant(x)), Context.inference());
        assertArrayEquals(new float[] {3, 4, 30, 40}, out.value().value().toArray(), 1e-6f);
        assertFalse(out.hasMask());
    }

    @Test
    void maskedMeanCountsOnlyRealStepsAndEmptyRowsGiveZeros() {
        Tensor mask = Tensor.of(new float[] {1, 1, 0, 0, 0, 0}, 2, 3);
        Masked out = pool.apply(new Masked(Variable.constant(x), mask), Context.inference());
        assertArrayEquals(new float[] {2, 3, 0, 0}, out.value().value().toArray(), 1e-6f);
        assertFalse(out.hasMask(), "the time axis is gone, so is the mask");
    }

    @Test
    void maskedMeanEqualsTheMeanOfTheUnpaddedSequenceThroughAnEmbedding() {
        SplittableRandom rng = new SplittableRandom(3);
        Sequential model = Sequential.of(Shape.of(4), new Embedding(Embedding.Config.of(9, 3).maskZero(true), rng),
                pool);
        Tensor padded = model.apply(Variable.constant(Tensor.of(new float[] {5, 7, 0, 0}, 1, 4))).value();
        Sequential shortModel = Sequential.of(Shape.of(2), model.layers().get(0), pool);
        Tensor unpadded = shortModel.apply(Variable.constant(Tensor.of(new float[] {5, 7}, 1, 2))).value();
        assertArrayEquals(unpadded.toArray(), padded.toArray(), 1e-7f);
    }

    @Test
    void gradientCheck() {
        Tensor mask = Tensor.of(new float[] {1, 0, 1, 1, 1, 0}, 2, 3);
        GradCheck.check(in -> pool.apply(new Masked(in.get(0), mask), Context.inference()).value(), List.of(x));
        GradCheck.check(in -> pool.apply(Masked.of(in.get(0)), Context.inference()).value(), List.of(x));
    }

    @Test
    void contractShapeConfigAndRebuild() {
        assertEquals(List.of(Shape.of(2, 2)), pool.outputShapes(List.of(Shape.of(2, 3, 2))));
        assertEquals(0, pool.countParams());
        Layer rebuilt = LayerFactory.create(pool.config(), new SplittableRandom(1));
        assertEquals(pool.config(), rebuilt.config());
        assertThrows(IllegalArgumentException.class,
                () -> pool.apply(Masked.of(Variable.constant(Tensor.zeros(2, 3))), Context.inference()));
    }
}
