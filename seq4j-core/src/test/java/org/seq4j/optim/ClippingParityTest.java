package org.seq4j.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.seq4j.autograd.Variable;
import org.seq4j.fixtures.Fixture;
import org.seq4j.tensor.Tensor;

/**
 * Every case of the {@code clipping} group: the global norm, the gradients clipped by global norm and by each
 * tensor's norm, and the parameters after one plain SGD step through an optimizer configured with that clipping.
 */
class ClippingParityTest {
    private static final float ATOL = 1e-6f;
    private static final float RTOL = 1e-5f;

    @TestFactory
    Stream<DynamicTest> clipping() {
        return Fixture.cases("clipping", f -> {
            float clip = (float) f.config().get("clip_norm").asDouble();
            float lr = (float) f.config().get("learning_rate_for_sgd_step").asDouble();
            List<Tensor> grads = new ArrayList<>();
            for (int i = 0; f.has("grad." + i); i++) {
                grads.add(f.tensor("grad." + i));
            }
            f.assertClose("global_norm", f.tensor("global_norm"),
                    Tensor.scalar(Clipping.globalNorm(grads)), ATOL, RTOL);
            check(f, grads, "global_clipnorm", Clipping.byGlobalNorm(clip), lr);
            check(f, grads, "clipnorm", Clipping.byNorm(clip), lr);
        });
    }

    private static void check(Fixture f, List<Tensor> grads, String prefix, Clipping clipping, float lr) {
        Clipping.Clipped c = clipping.apply(grads);
        f.assertClose(prefix + " norm", f.tensor("global_norm"), Tensor.scalar(c.globalNorm()), ATOL, RTOL);
        for (int i = 0; i < grads.size(); i++) {
            f.assertClose(prefix + ".grad." + i, f.tensor(prefix + ".grad." + i), c.grads().get(i), ATOL, RTOL);
        }
        List<Variable> params = new ArrayList<>();
        for (int i = 0; i < grads.size(); i++) {
            params.add(Variable.parameter(f.tensor("param." + i)));
        }
        SGD sgd = new SGD(params, SGD.Config.defaults(), Optimizer.Options.of(lr).clipping(clipping));
        for (int i = 0; i < grads.size(); i++) {
            OptimizerParityTest.setGrad(params.get(i), grads.get(i));
        }
        sgd.step();
        for (int i = 0; i < grads.size(); i++) {
            String name = prefix + ".sgd_param." + i;
            f.assertClose(name, f.tensor(name), params.get(i).value(), ATOL, RTOL);
        }
    }
}
