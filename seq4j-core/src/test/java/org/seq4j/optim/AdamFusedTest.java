package org.seq4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.seq4j.autograd.Variable;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/**
 * Adam's one-pass update ({@code Updates.adam}) against the formula written with tensor ops, bit for bit over
 * several steps, for a small tensor and one large enough to be split over the threads.
 */
class AdamFusedTest {

    @Test
    void onePassEqualsTheComposedFormula() {
        SplittableRandom r = new SplittableRandom(8);
        for (int n : new int[] {37, 70_001}) {
            Tensor p0 = Tensor.normal(Shape.of(n), 0f, 1f, r);
            Variable param = Variable.parameter(p0);
            Adam adam = new Adam(List.of(param));
            Tensor p = p0;
            Tensor m = Tensor.zeros(n);
            Tensor v = Tensor.zeros(n);
            for (int t = 1; t <= 3; t++) {
                Tensor g = Tensor.normal(Shape.of(n), 0f, 0.1f, r);
                adam.zeroGrad();
                OptimizerParityTest.setGrad(param, g);
                adam.step();
                double alpha = 0.001f * Math.sqrt(1 - Math.pow(0.999f, t)) / (1 - Math.pow(0.9f, t));
                m = m.add(g.sub(m).mul(1f - 0.9f));
                v = v.add(g.square().sub(v).mul(1f - 0.999f));
                p = p.sub(m.mul((float) alpha).div(v.sqrt().add(1e-7f)));
                assertArrayEquals(p.toArray(), param.value().toArray(), "n=" + n + " step " + t);
            }
        }
    }
}
