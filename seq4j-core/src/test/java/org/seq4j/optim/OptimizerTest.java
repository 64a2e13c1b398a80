package org.seq4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.seq4j.autograd.Variable;
import org.seq4j.nn.Dense;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/** Edge cases and hand-computed single steps of the optimizers. */
class OptimizerTest {

    private static Variable scalarParam(float v) {
        return Variable.parameter(Tensor.of(new float[] {v}, 1));
    }

    private static void step(Optimizer opt, float... grads) {
        opt.zeroGrad();
        for (int i = 0; i < grads.length; i++) {
            OptimizerParityTest.setGrad(opt.params().get(i), Tensor.of(new float[] {grads[i]}, 1));
        }
        opt.step();
    }

    private static float value(Optimizer opt, int i) {
        return opt.params().get(i).value().get(0);
    }

    @Test
    void sgdMomentumAndNesterovByHand() {
        var heavy = new SGD(List.of(scalarParam(1f)), SGD.Config.defaults().momentum(0.9f), Optimizer.Options.of(0.1f));
        step(heavy, 1f);
        step(heavy, 1f);
        assertEquals(1f - 0.1f - 0.19f, value(heavy, 0), 1e-6f);        // v = −0.1, then −0.19
        var nesterov = new SGD(List.of(scalarParam(1f)), SGD.Config.defaults().momentum(0.9f).nesterov(true),
                Optimizer.Options.of(0.1f));
        step(nesterov, 1f);
        assertEquals(0.81f, value(nesterov, 0), 1e-6f);                  // 1 + 0.9·(−0.1) − 0.1
        step(nesterov, 1f);
        assertEquals(0.539f, value(nesterov, 0), 1e-6f);                 // 0.81 + 0.9·(−0.19) − 0.1
    }

    @Test
    void rmspropCenteredWithMomentumByHand() {
        var opt = new RMSprop(List.of(scalarParam(1f)), RMSprop.Config.defaults().momentum(0.5f).centered(true),
                Optimizer.Options.of(0.01f));
        step(opt, 1f);
        double d1 = 0.01 / Math.sqrt(0.1 - 0.01 + 1e-7);                  // s = ḡ = 0.1
        assertEquals(1 - d1, value(opt, 0), 1e-6);
        step(opt, 1f);
        double d2 = 0.01 / Math.sqrt(0.19 - 0.19 * 0.19 + 1e-7);          // s = ḡ = 0.19
        assertEquals(1 - d1 - (0.5 * d1 + d2), value(opt, 0), 1e-6);
        assertEquals(Map.of("velocity.0", 1, "average_gradient.0", 1, "momentum.0", 1).keySet(), opt.state().keySet());
    }

    @Test
    void rmspropEpsilonPlacements() {
        // a tiny gradient makes the placement visible: g = 1e-4, s = 1e-9
        var inside = new RMSprop(List.of(scalarParam(0f)), RMSprop.Config.defaults().epsilon(1e-6f),
                Optimizer.Options.of(1f));
        var outside = new RMSprop(List.of(scalarParam(0f)), RMSprop.Config.defaults().epsilon(1e-6f)
                .placement(RMSprop.EpsilonPlacement.OUTSIDE_SQRT), Optimizer.Options.of(1f));
        step(inside, 1e-4f);
        step(outside, 1e-4f);
        assertEquals(-1e-4 / Math.sqrt(1e-9 + 1e-6), value(inside, 0), 1e-6);
        assertEquals(-1e-4 / (Math.sqrt(1e-9) + 1e-6), value(outside, 0), 1e-5);
    }

    @Test
    void adamAndAdamWByHand() {
        var adamW = new AdamW(List.of(scalarParam(2f)), Adam.Config.defaults(), Optimizer.Options.of(0.1f).weightDecay(0.1f));
        step(adamW, 0.5f);
        double decayed = 2 - 2 * 0.1 * 0.1;
        double alpha = 0.1 * Math.sqrt(1 - 0.999) / (1 - 0.9);
        double m = 0.05;
        double v = 0.001 * 0.25;
        assertEquals(decayed - alpha * m / (Math.sqrt(v) + 1e-7), value(adamW, 0), 1e-6);

        // with no gradient signal Adam stands still and AdamW only decays: p·(1 − lr·wd)^k
        var decayOnly = new AdamW(List.of(scalarParam(1f)), Adam.Config.defaults(), AdamW.options(0.1f).weightDecay(0.5f));
        step(decayOnly, 0f);
        step(decayOnly, 0f);
        assertEquals(0.9025f, value(decayOnly, 0), 1e-6f);
        var adam = new Adam(List.of(scalarParam(1f)));
        step(adam, 0f);
        assertEquals(1f, value(adam, 0), 0f);
        assertEquals(1, adam.iterations());
        assertThrows(IllegalArgumentException.class,
                () -> new AdamW(List.of(scalarParam(1f)), Adam.Config.defaults(), Optimizer.Options.of(0.1f)));
    }

    @Test
    void amsgradKeepsTheLargestSecondMoment() {
        var ams = new Adam(List.of(scalarParam(0f)), Adam.Config.defaults().amsgrad(true), Optimizer.Options.of(0.1f));
        step(ams, 1f);
        step(ams, 0.01f);
        double v1 = 0.001;
        double v2 = 0.999 * v1 + 0.001 * 1e-4;
        double m1 = 0.1;
        double m2 = 0.9 * m1 + 0.1 * 0.01;
        double p1 = -0.1 * Math.sqrt(0.001) / 0.1 * m1 / (Math.sqrt(v1) + 1e-7);
        double p2 = p1 - 0.1 * Math.sqrt(1 - 0.999 * 0.999) / (1 - 0.81) * m2 / (Math.sqrt(Math.max(v1, v2)) + 1e-7);
        assertEquals(p2, value(ams, 0), 1e-6);
        assertEquals(Math.max(v1, v2), ams.state().get("velocity_hat.0").get(0), 1e-7); // 1 − β₂ in float32
    }

    @Test
    void parametersWithoutGradientAreSkipped() {
        Variable used = scalarParam(1f);
        Variable unused = scalarParam(5f);
        var opt = new AdamW(List.of(used, unused), Adam.Config.defaults(), AdamW.options(0.1f));
        step(opt, 1f); // only 'used' gets a gradient
        assertNull(unused.grad());
        assertEquals(5f, unused.value().get(0), 0f);                    // neither updated nor decayed
        assertTrue(value(opt, 0) < 1f);
        assertFalse(opt.state().containsKey("momentum.1"));
        assertTrue(opt.state().containsKey("momentum.0"));
    }

    @Test
    void noGradientAtAllIsAnErrorAndNoParametersANoOp() {
        var opt = new SGD(List.of(scalarParam(1f)));
        assertThrows(IllegalStateException.class, opt::step);
        assertEquals(0, opt.iterations());
        var empty = new Adam(List.of());
        empty.step();
        assertEquals(0, empty.iterations());
    }

    @Test
    void zeroGradientWithMomentumKeepsMoving() {
        var opt = new SGD(List.of(scalarParam(1f)), SGD.Config.defaults().momentum(0.5f), Optimizer.Options.of(0.1f));
        step(opt, 1f);
        step(opt, 0f);
        assertEquals(1f - 0.1f - 0.05f, value(opt, 0), 1e-7f);   // v = −0.1, then 0.5·v
    }

    @Test
    void weightDecayExclusion() {
        Variable kernel = scalarParam(1f);
        Variable bias = scalarParam(1f);
        var opt = new SGD(List.of(kernel, bias), SGD.Config.defaults(),
                Optimizer.Options.of(0.1f).weightDecay(0.5f).excludeFromWeightDecay(List.of(bias)));
        step(opt, 0f, 0f);
        assertEquals(0.95f, kernel.value().get(0), 1e-7f);
        assertEquals(1f, bias.value().get(0), 0f);
    }

    @Test
    void frozenLayersAreLeftOutByTheCaller() {
        SplittableRandom rng = new SplittableRandom(1);
        Dense frozen = new Dense(Dense.Config.of(3, 2).name("frozen"), rng);
        Dense live = new Dense(Dense.Config.of(2, 1).name("live"), rng);
        frozen.setTrainable(false);
        List<Variable> params = new java.util.ArrayList<>(frozen.trainableWeights());
        params.addAll(live.trainableWeights());
        assertEquals(2, params.size());
        Tensor before = frozen.weights().get("kernel").value();
        var opt = new SGD(params);
        Variable x = Variable.constant(Tensor.uniform(Shape.of(4, 3), -1f, 1f, rng));
        live.apply(frozen.apply(x)).square().sum().backward();
        opt.step();
        assertSame(before, frozen.weights().get("kernel").value());
        assertTrue(frozen.weights().get("kernel").grad() != null); // it had a gradient, and still was not touched
    }

    @Test
    void stateRoundTripResumesExactly() {
        float[][] grads = {{0.3f, -1f}, {0.2f, 0.5f}, {-0.7f, 0.1f}, {0.4f, 0.4f}};
        var a = new Adam(List.of(scalarParam(1f), scalarParam(-1f)), Adam.Config.defaults().amsgrad(true),
                Optimizer.Options.of(0.05f));
        step(a, grads[0]);
        step(a, grads[1]);
        var b = new Adam(List.of(scalarParam(value(a, 0)), scalarParam(value(a, 1))), a.config(), a.options());
        b.load(a.state(), a.iterations());
        assertEquals(2, b.iterations());
        for (int k = 2; k < 4; k++) {
            step(a, grads[k]);
            step(b, grads[k]);
        }
        assertEquals(value(a, 0), value(b, 0), 0f);
        assertEquals(value(a, 1), value(b, 1), 0f);
        assertEquals(a.state().keySet(), b.state().keySet());
        assertThrows(IllegalArgumentException.class, () -> b.load(Map.of("momentum.7", Tensor.zeros(1)), 0));
        assertThrows(IllegalArgumentException.class, () -> b.load(Map.of("momentum.0", Tensor.zeros(2)), 0));
        assertThrows(UnsupportedOperationException.class, () -> a.state().clear());
    }

    @Test
    void setLearningRateAndValidation() {
        var opt = new SGD(List.of(scalarParam(1f)));
        assertEquals(0.01f, opt.learningRate(), 0f);
        opt.setLearningRate(0.5f);
        step(opt, 1f);
        assertEquals(0.5f, value(opt, 0), 0f);
        Variable p = scalarParam(0f);
        assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(p, p)));
        assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(p.mul(2f))));
        assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(Variable.constant(Tensor.zeros(1)))));
    }

    @Test
    void clippingByHand() {
        List<Tensor> grads = Arrays.asList(Tensor.of(new float[] {3f, 4f}, 2), null, Tensor.of(new float[] {0f}, 1));
        assertEquals(5f, Clipping.globalNorm(grads), 0f);
        Clipping.Clipped byValue = Clipping.byValue(3.5f).apply(grads);
        assertEquals(3.5f, byValue.grads().get(0).get(1), 0f);
        assertNull(byValue.grads().get(1));
        Clipping.Clipped byNorm = Clipping.byNorm(1f).apply(grads);
        assertEquals(0.6f, byNorm.grads().get(0).get(0), 1e-7f);
        assertEquals(0f, byNorm.grads().get(2).get(0), 0f);            // a zero tensor stays zero
        Clipping.Clipped global = Clipping.byGlobalNorm(2.5f).apply(grads);
        assertEquals(2f, global.grads().get(0).get(1), 1e-6f);
        assertEquals(5f, global.globalNorm(), 0f);
        assertSame(grads.get(0), Clipping.byGlobalNorm(10f).apply(grads).grads().get(0)); // inactive: untouched
        assertThrows(IllegalArgumentException.class, () -> Clipping.byNorm(0f));
    }
}
