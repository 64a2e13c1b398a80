package org.seq4j.optim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.seq4j.autograd.Variable;
import org.seq4j.loss.SparseCategoricalCrossentropy;
import org.seq4j.nn.Dense;
import org.seq4j.tensor.IntTensor;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/**
 * Losses, optimizers, clipping and schedules together: each optimizer fits a softmax regression on separable
 * synthetic data (class = argmax of a fixed linear map), lowering the cross-entropy several-fold in 60 steps.
 */
class LearningSmokeTest {

    @Test
    void everyOptimizerLearns() {
        List<Function<List<Variable>, Optimizer>> makers = List.of(
                p -> new SGD(p, SGD.Config.defaults().momentum(0.9f).nesterov(true), Optimizer.Options.of(0.1f)),
                p -> new RMSprop(p, RMSprop.Config.defaults().centered(true), Optimizer.Options.of(0.01f)),
                p -> new Adam(p, Adam.Config.defaults().amsgrad(true),
                        Optimizer.Options.of(CosineDecay.of(0f, 50).warmup(0.05f, 10))
                                .clipping(Clipping.byGlobalNorm(1f))),
                p -> new AdamW(p, Adam.Config.defaults(), AdamW.options(0.05f).clipping(Clipping.byNorm(1f))));
        SplittableRandom rng = new SplittableRandom(17);
        Tensor x = Tensor.uniform(Shape.of(64, 5), -1f, 1f, rng);                      // (N, F)
        IntTensor y = x.matmul(Tensor.uniform(Shape.of(5, 3), -1f, 1f, rng)).argmax(-1); // (N,)
        var loss = SparseCategoricalCrossentropy.logits();
        for (var make : makers) {
            Dense model = new Dense(Dense.Config.of(5, 3), new SplittableRandom(3));
            Optimizer opt = make.apply(model.trainableWeights());
            float first = 0f;
            float last = 0f;
            for (int step = 0; step < 60; step++) {
                opt.zeroGrad();
                Variable l = loss.compute(model.apply(Variable.constant(x)), y);
                l.backward();
                opt.step();
                last = l.value().item();
                if (step == 0) {
                    first = last;
                }
            }
            assertTrue(last < first / 2, opt.getClass().getSimpleName() + ": loss " + first + " → " + last);
        }
    }
}
