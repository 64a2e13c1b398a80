package org.seq4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.seq4j.autograd.Variable;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/** Masking's mask and output, and TimeDistributed's reshape, mask pass-through and weight naming. */
class MaskingAndTimeDistributedTest {

    @Test
    void maskingMarksStepsWhoseFeaturesAllEqualTheMaskValue() {
        float v = -1f;
        Tensor x = Tensor.of(new float[] {
            1, 2, -1, -1, /* t1 all masked */ -1, 0, // row 0
            -1, -1, 3, -1, 0.5f, 0.5f}, 2, 3, 2);   // row 1
        Masking masking = new Masking(Masking.Config.of().maskValue(v));
        Variable xv = Variable.parameter(x);
        Masked out = masking.apply(Masked.of(xv), Context.inference());
        assertArrayEquals(new float[] {1, 0, 1, 0, 1, 1}, out.mask().toArray());
        assertArrayEquals(new float[] {1, 2, 0, 0, -1, 0, 0, 0, 3, -1, 0.5f, 0.5f}, out.value().value().toArray(), 0f);
        out.value().sum().backward();
        assertArrayEquals(new float[] {1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 1, 1}, xv.grad().toArray(),
                "padded steps pass no gradient");
        assertEquals(List.of(Shape.of(2, 3, 2)), masking.outputShapes(List.of(Shape.of(2, 3, 2))));
        assertEquals(0, masking.countParams());
    }

    @Test
    void timeDistributedAppliesTheInnerLayerAtEveryStep() {
        Dense dense = new Dense(Dense.Config.of(3, 2).activation(Activation.TANH), new SplittableRandom(1));
        TimeDistributed td = new TimeDistributed(TimeDistributed.Config.of(), dense);
        assertEquals(List.of("kernel", "bias"), List.copyOf(td.weights().keySet()));
        assertSame(dense.weights().get("kernel"), td.weights().get("kernel"));
        Tensor x = Tensor.uniform(Shape.of(2, 4, 3), -1f, 1f, new SplittableRandom(2));
        Tensor mask = Tensor.of(new float[] {1, 1, 0, 0, 1, 1, 1, 1}, 2, 4);
        Masked out = td.apply(new Masked(Variable.constant(x), mask), Context.inference());
        assertSame(mask, out.mask());
        for (int t = 0; t < 4; t++) {
            Tensor step = dense.apply(Variable.constant(x.select(1, t))).value();
            assertArrayEquals(step.toArray(), out.value().value().select(1, t).contiguous().toArray(), 1e-6f);
        }
        assertEquals(List.of(Shape.of(2, 4, 5, 2)), td.outputShapes(List.of(Shape.of(2, 4, 5, 3))));
    }
}
