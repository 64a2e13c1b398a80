package org.seq4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.seq4j.autograd.Variable;
import org.seq4j.fixtures.Fixture;
import org.seq4j.tensor.Tensor;

/**
 * Every case of the {@code optimizers} group against {@code param_keras_formula.*} (the exact Keras update rule in
 * float64) for steps 1..3, two ways:
 * <ul>
 *   <li>on the quadratic itself: the Keras-formula run is its own trajectory (its gradients are taken at its own
 *       parameters), so this matches it tightly (1e-6 + 1e-5 rel);</li>
 *   <li>driven by the stored gradients {@code grad.<p>.stepK}, independent of the objective: those were taken along
 *       the tfjs trajectory, which drifts from the Keras one by up to 1.3e-5 (Adam's ε placement), so steps 2 and 3
 *       see slightly different gradients; the README tolerance (1e-5 + 1e-4 rel) applies.</li>
 * </ul>
 */
class OptimizerParityTest {
    private static final float ATOL = 1e-6f;
    private static final float RTOL = 1e-5f;
    private static final String[] PARAMS = {"w", "M"};

    @TestFactory
    Stream<DynamicTest> storedGradients() {
        return Fixture.cases("optimizers", f -> {
            for (Optimizer opt : optimizersFor(f)) {
                List<Variable> params = opt.params();
                for (int k = 1; k <= 3; k++) {
                    opt.zeroGrad();
                    for (int i = 0; i < PARAMS.length; i++) {
                        setGrad(params.get(i), f.tensor("grad." + PARAMS[i] + ".step" + k));
                    }
                    opt.step();
                    assertStep(f, params, k, Fixture.GRAD_ATOL, Fixture.GRAD_RTOL);
                }
                assertEquals(3, opt.iterations());
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> quadraticObjective() {
        return Fixture.cases("optimizers", f -> {
            for (Optimizer opt : optimizersFor(f)) {
                Variable w = opt.params().get(0);
                Variable m = opt.params().get(1);
                for (int k = 1; k <= 3; k++) {
                    opt.zeroGrad();
                    Variable loss = quadratic(f, w, m);
                    f.assertClose("loss.step" + (k - 1), f.tensor("loss.step" + (k - 1)), loss.value(),
                            Fixture.FORWARD_ATOL, 0f);
                    loss.backward();
                    // the stored gradients are the tfjs trajectory's: equal at step 1, within drift after
                    f.assertClose("grad.w.step" + k, f.tensor("grad.w.step" + k), w.grad(), Fixture.GRAD_ATOL,
                            Fixture.GRAD_RTOL);
                    f.assertClose("grad.M.step" + k, f.tensor("grad.M.step" + k), m.grad(), Fixture.GRAD_ATOL,
                            Fixture.GRAD_RTOL);
                    opt.step();
                    assertStep(f, opt.params(), k, ATOL, RTOL);
                }
            }
        });
    }

    /** The optimizer of the case with its keras_config (RMSprop both ways: the ε placements agree to ~1e-7 here). */
    private static List<Optimizer> optimizersFor(Fixture f) {
        JsonNode c = f.config();
        Optimizer.Options options = Optimizer.Options.of((float) c.get("learning_rate").asDouble());
        return switch (f.meta("layer_class")) {
            case "SGD" -> List.of(new SGD(fresh(f), new SGD.Config((float) c.get("momentum").asDouble(),
                    c.get("nesterov").asBoolean()), options));
            case "Adam" -> List.of(new Adam(fresh(f), new Adam.Config((float) c.get("beta_1").asDouble(),
                    (float) c.get("beta_2").asDouble(), (float) c.get("epsilon").asDouble(),
                    c.get("amsgrad").asBoolean()), options));
            case "RMSprop" -> Stream.of(RMSprop.EpsilonPlacement.values()).<Optimizer>map(p -> new RMSprop(fresh(f),
                    new RMSprop.Config((float) c.get("rho").asDouble(), (float) c.get("momentum").asDouble(),
                            (float) c.get("epsilon").asDouble(), c.get("centered").asBoolean(), p), options)).toList();
            default -> throw new AssertionError(f.name() + ": no optimizer for " + f.meta("layer_class"));
        };
    }

    private static List<Variable> fresh(Fixture f) {
        return List.of(Variable.parameter(f.tensor("param.w.step0")), Variable.parameter(f.tensor("param.M.step0")));
    }

    private static void assertStep(Fixture f, List<Variable> params, int k, float atol, float rtol) {
        for (int i = 0; i < PARAMS.length; i++) {
            String name = "param_keras_formula." + PARAMS[i] + ".step" + k;
            f.assertClose(name, f.tensor(name), params.get(i).value(), atol, rtol);
        }
    }

    /** f(w, M) = ½ wᵀQw − bᵀw + ½ Σ D⊙(M − C)². */
    private static Variable quadratic(Fixture f, Variable w, Variable m) {
        Variable q = Variable.constant(f.tensor("quad.Q"));
        Variable col = w.unsqueeze(1);                                                     // (3, 1)
        Variable wQw = col.transpose(0, 1).matmul(q.matmul(col)).sum();
        Variable bw = w.mul(Variable.constant(f.tensor("quad.b"))).sum();
        Variable diff = m.sub(Variable.constant(f.tensor("quad.C")));
        Variable d = diff.square().mul(Variable.constant(f.tensor("quad.D"))).sum();
        return wQw.mul(0.5f).sub(bw).add(d.mul(0.5f));
    }

    /** Makes {@code g} the parameter's gradient: d/dp Σ p⊙g = g. */
    static void setGrad(Variable p, Tensor g) {
        p.mul(Variable.constant(g)).sum().backward();
    }
}
