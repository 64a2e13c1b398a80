package org.seq4j.nn.recurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.seq4j.autograd.Variable;
import org.seq4j.fixtures.Fixture;
import org.seq4j.nn.Context;
import org.seq4j.nn.Masked;

/** SimpleRNN, LSTM, GRU, Bidirectional and stacked LSTMs against every reference case of their groups. */
class RecurrentParityTest {

    @TestFactory
    Stream<DynamicTest> simpleRnn() {
        return Fixture.cases("simplernn", f -> single(f, "SimpleRNN"));
    }

    @TestFactory
    Stream<DynamicTest> lstm() {
        return Fixture.cases("lstm", f -> single(f, "LSTM"));
    }

    @TestFactory
    Stream<DynamicTest> gru() {
        return Fixture.cases("gru", f -> single(f, "GRU"));
    }

    @TestFactory
    Stream<DynamicTest> bidirectional() {
        return Fixture.cases("bidirectional", f -> {
            JsonNode c = f.config();
            JsonNode inner = c.get("layer");
            String cls = inner.get("class_name").asText();
            Variable x = Variable.parameter(f.tensor("input"));
            RecurrentLayer<?> proto = KerasConfigs.recurrent(cls, inner.get("config"), x.shape().dim(2),
                    KerasConfigs.defaultName(cls));
            Bidirectional layer = new Bidirectional(Bidirectional.Config.of()
                    .mergeMode(Bidirectional.MergeMode.valueOf(c.get("merge_mode").asText().toUpperCase())),
                    proto, new SplittableRandom(3));
            assertEquals(f.listMeta("weight_names"), List.copyOf(layer.weights().keySet()), "weight names");
            f.weights().forEach(layer::setWeight);
            List<Masked> out = layer.call(List.of(Masked.of(x)), Context.inference());
            Map<String, Variable> diff = KerasConfigs.weightsOf(layer, "");
            diff.put("input", x);
            f.assertMatches(Map.of("output", out.get(0).value()), diff);
        });
    }

    @TestFactory
    Stream<DynamicTest> stacked() {
        return Fixture.cases("stacked", f -> {
            JsonNode layers = f.config().get("layers");
            Variable x = Variable.parameter(f.tensor("input"));
            Masked h = Masked.of(x);
            Map<String, Variable> diff = new LinkedHashMap<>();
            List<Variable> intermediates = new ArrayList<>();
            for (int i = 0; i < layers.size(); i++) {
                String name = "lstm_" + (i + 1);
                RecurrentLayer<?> layer = KerasConfigs.recurrent("LSTM", layers.get(i), h.value().shape().dim(2), name);
                f.weights().forEach((k, v) -> {
                    if (k.startsWith(name + "/")) {
                        layer.setWeight(k.substring(name.length() + 1), v);
                    }
                });
                diff.putAll(KerasConfigs.weightsOf(layer, name + "/"));
                h = layer.call(List.of(h), Context.inference()).get(0);
                intermediates.add(h.value());
            }
            assertEquals(f.listMeta("weight_names").size(), diff.size(), "weight count");
            f.assertClose("aux.lstm_1_output", f.tensor("aux.lstm_1_output"), intermediates.get(0).value(),
                    Fixture.FORWARD_ATOL, 0f);
            diff.put("input", x);
            f.assertMatches(Map.of("output", h.value()), diff);
        });
    }

    /** One plain RNN layer, with initial states and returned states when the case has them. */
    private static void single(Fixture f, String cls) {
        Variable x = Variable.parameter(f.tensor("input"));
        RecurrentLayer<?> layer = KerasConfigs.recurrent(cls, f.config(), x.shape().dim(2),
                KerasConfigs.defaultName(cls));
        assertEquals(f.listMeta("weight_names"), List.copyOf(layer.weights().keySet()), "weight names");
        f.weights().forEach(layer::setWeight);
        Map<String, Variable> diff = KerasConfigs.weightsOf(layer, "");
        diff.put("input", x);
        List<Masked> inputs = new ArrayList<>(List.of(Masked.of(x)));
        for (String s : List.of("input.initial_state_h", "input.initial_state_c")) {
            if (f.has(s)) {
                Variable v = Variable.parameter(f.tensor(s));
                inputs.add(Masked.of(v));
                diff.put(s, v);
            }
        }
        List<Masked> out = layer.call(inputs, Context.inference());
        Map<String, Variable> outputs = new LinkedHashMap<>();
        outputs.put("output", out.get(0).value());
        List<String> stateNames = List.of("output.state_h", "output.state_c");
        for (int i = 1; i < out.size(); i++) {
            outputs.put(stateNames.get(i - 1), out.get(i).value());
        }
        assertEquals(f.listMeta("outputs").size(), outputs.size(), "number of outputs");
        f.assertMatches(outputs, diff);
    }
}
