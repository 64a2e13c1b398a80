package org.seq4j.nn.recurrent;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.seq4j.autograd.GradMode;
import org.seq4j.autograd.Variable;
import org.seq4j.fixtures.Fixture;
import org.seq4j.nn.Context;
import org.seq4j.nn.Embedding;
import org.seq4j.nn.Layer;
import org.seq4j.nn.Masked;
import org.seq4j.nn.Masking;
import org.seq4j.tensor.Tensor;

/**
 * The masking group: Embedding(maskZero) → LSTM and Masking → LSTM. Besides outputs and gradients, the mask the
 * LSTM receives, the embedded sequence, and the unpadded re-run (each sample alone on its real steps, no mask) are
 * asserted, the last by running it here as well as against the stored {@code check.unpadded_last_output}.
 */
class MaskingParityTest {

    @TestFactory
    Stream<DynamicTest> masking() {
        return Fixture.cases("masking", f -> {
            JsonNode layers = f.config().get("layers");
            JsonNode first = layers.get(0);
            Map<String, Variable> diff = new LinkedHashMap<>();
            Layer front = first.has("mask_zero")
                    ? new Embedding(Embedding.Config.of(first.get("input_dim").asInt(), first.get("output_dim").asInt())
                            .maskZero(true), new SplittableRandom(1))
                    : new Masking(Masking.Config.of().maskValue((float) first.get("mask_value").asDouble()));
            String prefix = front.name() + "/";
            f.weights().forEach((k, v) -> {
                if (k.startsWith(prefix)) {
                    front.setWeight(k.substring(prefix.length()), v);
                }
            });
            diff.putAll(KerasConfigs.weightsOf(front, prefix));
            Masked h;
            if (front instanceof Embedding) {
                h = front.apply(Masked.of(Variable.constant(f.ints("input").toFloat())), Context.inference());
                f.assertClose("aux.embedded", f.tensor("aux.embedded"), h.value().value(), Fixture.FORWARD_ATOL, 0f);
            } else {
                Variable x = Variable.parameter(f.tensor("input"));
                diff.put("input", x);
                h = front.apply(Masked.of(x), Context.inference());
            }
            f.assertClose("input.mask", f.asFloat("input.mask"), h.mask(), 0f, 0f);
            RecurrentLayer<?> lstm = KerasConfigs.recurrent("LSTM", layers.get(1), h.value().shape().dim(2), "lstm");
            f.weights().forEach((k, v) -> {
                if (k.startsWith("lstm/")) {
                    lstm.setWeight(k.substring("lstm/".length()), v);
                }
            });
            diff.putAll(KerasConfigs.weightsOf(lstm, "lstm/"));
            List<Masked> out = lstm.call(List.of(h), Context.inference());
            Map<String, Variable> outputs = new LinkedHashMap<>();
            outputs.put("output", out.get(0).value());
            if (out.size() > 1) {
                outputs.put("output.state_h", out.get(1).value());
                outputs.put("output.state_c", out.get(2).value());
            }
            if (f.has("check.unpadded_last_output")) {
                Tensor last = lastOutput(lstm, out);
                f.assertClose("check.unpadded_last_output", f.tensor("check.unpadded_last_output"), last,
                        Fixture.FORWARD_ATOL, 0f);
                f.assertClose("unpadded re-run", f.tensor("check.unpadded_last_output"),
                        unpaddedRerun(lstm, h.value().value(), f.ints("check.lengths").toArray()),
                        Fixture.FORWARD_ATOL, 0f);
            }
            f.assertMatches(outputs, diff);
        });
    }

    /** The output after the last step: state_h when returned, else the output when it is not a sequence. */
    private static Tensor lastOutput(RecurrentLayer<?> layer, List<Masked> out) {
        if (layer.options().returnState()) {
            return out.get(1).value().value();
        }
        return out.get(0).value().value();
    }

    /** Each sample alone on its first len_b steps, without mask, stacked: (B, u). */
    private static Tensor unpaddedRerun(RecurrentLayer<?> layer, Tensor x, int[] lengths) {
        List<Tensor> rows = new java.util.ArrayList<>();
        try (GradMode.Scope s = GradMode.noGrad()) {
            for (int b = 0; b < lengths.length; b++) {
                Tensor xb = x.narrow(0, b, 1).narrow(1, 0, lengths[b]);
                List<Masked> out = layer.call(List.of(Masked.of(Variable.constant(xb))), Context.inference());
                rows.add(lastOutput(layer, out).select(0, 0));
            }
        }
        return Tensor.stack(0, rows);
    }
}
