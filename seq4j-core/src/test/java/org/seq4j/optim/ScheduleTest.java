package org.seq4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.seq4j.autograd.Variable;
import org.seq4j.tensor.Tensor;

/** Learning-rate schedules against values worked out by hand from the Keras formulas. */
class ScheduleTest {

    @Test
    void constant() {
        assertEquals(0.3f, LearningRateSchedule.constant(0.3f).at(12345), 0f);
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.constant(Float.NaN));
    }

    @Test
    void exponentialDecay() {
        ExponentialDecay s = ExponentialDecay.of(0.1f, 10, 0.5f);
        assertEquals(0.1f, s.at(0), 1e-7f);
        assertEquals(0.1f * (float) Math.sqrt(0.5), s.at(5), 1e-7f);
        assertEquals(0.05f, s.at(10), 1e-7f);
        assertEquals(0.025f, s.at(20), 1e-7f);
        ExponentialDecay stairs = s.staircase(true);
        assertEquals(0.1f, stairs.at(9), 1e-7f);
        assertEquals(0.05f, stairs.at(15), 1e-7f);
        assertEquals(0.025f, stairs.at(29), 1e-7f);
    }

    @Test
    void cosineDecayWithoutWarmup() {
        CosineDecay s = CosineDecay.of(1f, 100);
        assertEquals(1f, s.at(0), 1e-7f);
        assertEquals(0.5f, s.at(50), 1e-6f);
        assertEquals(0f, s.at(100), 1e-7f);
        assertEquals(0f, s.at(1000), 1e-7f); // capped at decaySteps
        CosineDecay floor = s.alpha(0.1f);
        assertEquals(0.55f, floor.at(50), 1e-6f);
        assertEquals(0.1f, floor.at(100), 1e-7f);
        assertEquals(0.1f, floor.at(500), 1e-7f);
        assertEquals((float) (0.9 * 0.5 * (1 + Math.cos(Math.PI / 4)) + 0.1), floor.at(25), 1e-6f);
    }

    @Test
    void cosineDecayWithLinearWarmup() {
        CosineDecay s = CosineDecay.of(0f, 100).warmup(1f, 10);
        assertEquals(0f, s.at(0), 0f);
        assertEquals(0.5f, s.at(5), 1e-7f);
        assertEquals(1f, s.at(10), 1e-7f);    // the decay starts at the target
        assertEquals(0.5f, s.at(60), 1e-6f);  // halfway through the decay
        assertEquals(0f, s.at(110), 1e-7f);
        assertEquals(0f, s.at(5000), 1e-7f);  // capped at warmup + decay
        CosineDecay fromPositive = CosineDecay.of(0.2f, 10).warmup(1f, 4).alpha(0.5f);
        assertEquals(0.6f, fromPositive.at(2), 1e-6f);
        assertEquals(0.5f, fromPositive.at(14), 1e-6f);
    }

    @Test
    void optimizerEvaluatesTheScheduleBeforeCountingTheStep() {
        // lr(k) = k + 1: the first update uses lr(0) = 1, the second lr(1) = 2 (Keras reads iterations first)
        Variable p = Variable.parameter(Tensor.scalar(0f));
        SGD sgd = new SGD(List.of(p), SGD.Config.defaults(), Optimizer.Options.of(step -> step + 1f));
        assertEquals(1f, sgd.learningRate(), 0f);
        for (int k = 0; k < 2; k++) {
            sgd.zeroGrad();
            OptimizerParityTest.setGrad(p, Tensor.scalar(1f));
            sgd.step();
        }
        assertEquals(-3f, p.value().item(), 0f);
        assertEquals(3f, sgd.learningRate(), 0f);
        assertThrows(IllegalStateException.class, () -> sgd.setLearningRate(0.1f));
    }
}
