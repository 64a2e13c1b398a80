package org.seq4j.loss;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.seq4j.autograd.Variable;
import org.seq4j.fixtures.Fixture;
import org.seq4j.tensor.Tensor;

/**
 * Every case of the {@code losses} group: the per-sample loss ({@code output}), its mean ({@code output.reduced})
 * and d(output.reduced)/d(input).
 */
class LossParityTest {

    @TestFactory
    Stream<DynamicTest> losses() {
        return Fixture.cases("losses", f -> {
            boolean logits = f.config().get("from_logits").asBoolean();
            float smoothing = (float) f.config().path("label_smoothing").asDouble(0);
            String inputName = logits ? "input.logits" : "input.y_pred";
            Variable x = Variable.parameter(f.tensor(inputName));
            String cls = f.meta("layer_class");
            Variable perSample;
            Variable reduced;
            switch (cls) {
                case "BinaryCrossentropy" -> {
                    var loss = (logits ? BinaryCrossentropy.logits() : BinaryCrossentropy.probabilities())
                            .labelSmoothing(smoothing);
                    perSample = loss.perSample(x, f.asFloat("input.y_true"));
                    reduced = loss.compute(x, f.asFloat("input.y_true"));
                }
                case "CategoricalCrossentropy" -> {
                    var loss = (logits ? CategoricalCrossentropy.logits() : CategoricalCrossentropy.probabilities())
                            .labelSmoothing(smoothing);
                    perSample = loss.perSample(x, f.asFloat("input.y_true"));
                    reduced = loss.compute(x, f.asFloat("input.y_true"));
                }
                case "SparseCategoricalCrossentropy" -> {
                    var loss = logits ? SparseCategoricalCrossentropy.logits()
                            : SparseCategoricalCrossentropy.probabilities();
                    perSample = loss.perSample(x, f.ints("input.y_true"));
                    reduced = loss.compute(x, f.ints("input.y_true"));
                }
                default -> throw new AssertionError(f.name() + ": no loss for " + cls);
            }
            f.assertClose("output", f.tensor("output"), perSample.value(), Fixture.FORWARD_ATOL, 0f);
            f.assertClose("output.reduced", f.tensor("output.reduced"), reduced.value(), Fixture.FORWARD_ATOL, 0f);
            reduced.backward();
            Tensor grad = x.grad();
            f.assertClose("grad." + inputName, f.tensor("grad." + inputName), grad, Fixture.GRAD_ATOL,
                    Fixture.GRAD_RTOL);
        });
    }
}
