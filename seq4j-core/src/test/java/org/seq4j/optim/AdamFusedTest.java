package org.seq4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.seq4j.autograd.Variable;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/**
 * Adam's one-pass update ({@code Updates.adamInPlace}) against the formula written with tensor ops, bit for bit over
 * several steps, for a small tensor and one large enough to be split over the threads; and the optimizer's slots,
 * updated in place, never leak: {@code state()} snapshots and the tensors given to {@code load} stay unchanged.
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

    @Test
    void stateSnapshotsAndLoadedTensorsAreNotChangedByLaterSteps() {
        SplittableRandom r = new SplittableRandom(9);
        int n = 70_001;
        Variable param = Variable.parameter(Tensor.normal(Shape.of(n), 0f, 1f, r));
        Adam adam = new Adam(List.of(param));
        List<Tensor> grads = List.of(Tensor.normal(Shape.of(n), 0f, 0.1f, r), Tensor.normal(Shape.of(n), 0f, 0.1f, r),
                Tensor.normal(Shape.of(n), 0f, 0.1f, r));
        step(adam, param, grads.get(0));
        Map<String, Tensor> snapshot = adam.state();
        Map<String, float[]> before = values(snapshot);
        step(adam, param, grads.get(1));
        assertValues(before, snapshot);
        assertNotEquals(before.get("momentum.0")[0], adam.state().get("momentum.0").get(0)); // the live slot moved

        // a second optimizer resumed from the snapshot takes the same steps, leaving the snapshot as it was
        Variable param2 = Variable.parameter(Tensor.normal(Shape.of(n), 0f, 1f, new SplittableRandom(9)));
        Adam resumed = new Adam(List.of(param2));
        step(resumed, param2, grads.get(0)); // the same first step: same value, moments and count as the snapshot
        resumed.load(snapshot, 1);
        step(resumed, param2, grads.get(1));
        step(resumed, param2, grads.get(2));
        step(adam, param, grads.get(2));
        assertValues(before, snapshot);
        assertArrayEquals(param.value().toArray(), param2.value().toArray());
        assertArrayEquals(adam.state().get("velocity.0").toArray(), resumed.state().get("velocity.0").toArray());
    }

    private static void step(Adam adam, Variable param, Tensor g) {
        adam.zeroGrad();
        OptimizerParityTest.setGrad(param, g);
        adam.step();
    }

    private static Map<String, float[]> values(Map<String, Tensor> state) {
        Map<String, float[]> out = new HashMap<>();
        state.forEach((k, t) -> out.put(k, t.toArray()));
        return out;
    }

    private static void assertValues(Map<String, float[]> expected, Map<String, Tensor> state) {
        assertEquals(expected.keySet(), state.keySet());
        expected.forEach((k, a) -> assertArrayEquals(a, state.get(k).toArray(), k));
    }
}
