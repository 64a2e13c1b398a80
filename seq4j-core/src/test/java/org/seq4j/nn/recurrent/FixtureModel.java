package org.seq4j.nn.recurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.seq4j.autograd.Variable;
import org.seq4j.fixtures.Fixture;
import org.seq4j.nn.Activation;
import org.seq4j.nn.Context;
import org.seq4j.nn.Dense;
import org.seq4j.nn.Embedding;
import org.seq4j.nn.Layer;
import org.seq4j.nn.Masked;
import org.seq4j.nn.Masking;
import org.seq4j.nn.TimeDistributed;
import org.seq4j.tensor.Tensor;

/**
 * A fixture's model, read from its metadata alone: {@code layer_class} (one class, or {@code Sequential[A(...), B]}),
 * {@code keras_config} (the layer's, or {@code layers[i]}), {@code weight_names} (whose first path segments name the
 * layers of a Sequential), {@code inputs} (x, then initial states) and {@code outputs}. So any case of these groups,
 * with any options, runs through the same code.
 */
final class FixtureModel {

    /** One layer of the chain and the prefix its weights carry in the fixture ("" for a single layer). */
    record Part(String className, String prefix, Layer layer) {}

    /** What a run produced: the layers, each layer's first output, the final outputs, and the variables to check. */
    record Run(List<Part> parts, List<Masked> firstOutputs, List<Masked> outputs, Map<String, Variable> differentiable,
               Masked input) {}

    private FixtureModel() {}

    static Run run(Fixture f) {
        List<String> classes = classes(f.meta("layer_class"));
        JsonNode config = f.config();
        List<JsonNode> configs = new ArrayList<>();
        if (classes.size() == 1) {
            configs.add(config);
        } else {
            config.get("layers").forEach(configs::add);
        }
        List<String> prefixes = prefixes(f, classes);
        Map<String, Variable> diff = new LinkedHashMap<>();
        List<String> inputNames = f.listMeta("inputs");
        String xName = inputNames.isEmpty() ? "input" : inputNames.get(0);
        Masked h;
        if (f.contents().ints().containsKey(xName)) {
            h = Masked.of(Variable.constant(f.ints(xName).toFloat()));
        } else {
            Variable x = Variable.parameter(f.tensor(xName));
            diff.put(xName, x);
            boolean makesMask = classes.get(0).equals("Embedding") || classes.get(0).equals("Masking");
            h = new Masked(x, f.has("input.mask") && !makesMask ? f.asFloat("input.mask") : null);
        }
        Masked input = h;
        List<Masked> states = new ArrayList<>();
        for (String name : inputNames.subList(Math.min(1, inputNames.size()), inputNames.size())) {
            if (!name.contains("mask")) {
                Variable s = Variable.parameter(f.tensor(name));
                diff.put(name, s);
                states.add(Masked.of(s));
            }
        }
        List<Part> parts = new ArrayList<>();
        List<Masked> firsts = new ArrayList<>();
        List<Masked> out = List.of(h);
        for (int i = 0; i < classes.size(); i++) {
            Layer layer = build(classes.get(i), configs.get(i), h.value().shape().dim(-1), prefixes.get(i), f);
            String prefix = prefixes.get(i).isEmpty() ? "" : prefixes.get(i) + "/";
            f.weights().forEach((k, v) -> {
                if (k.startsWith(prefix) && (prefix.isEmpty() || !k.substring(prefix.length()).isEmpty())) {
                    layer.setWeight(k.substring(prefix.length()), v);
                }
            });
            layer.weights().forEach((k, v) -> diff.put("weight." + prefix + k, v));
            parts.add(new Part(classes.get(i), prefixes.get(i), layer));
            List<Masked> in = new ArrayList<>(List.of(h));
            if (layer instanceof RecurrentLayer<?> || layer instanceof Bidirectional) {
                in.addAll(states);
                states = List.of();
            }
            out = layer.call(in, Context.inference());
            firsts.add(out.get(0));
            h = out.get(0);
        }
        List<String> expected = new ArrayList<>(f.listMeta("weight_names"));
        assertEquals(expected, diff.keySet().stream().filter(k -> k.startsWith("weight."))
                .map(k -> k.substring("weight.".length())).toList(), f.name() + ": weight names");
        return new Run(parts, firsts, out, diff, input);
    }

    /** The final outputs under the fixture's names: metadata {@code outputs} in order, as Keras orders them. */
    static Map<String, Variable> named(Fixture f, List<Masked> outputs) {
        List<String> names = f.listMeta("outputs");
        assertTrue(outputs.size() >= names.size(), f.name() + ": the model gave " + outputs.size()
                + " outputs, the case lists " + names);
        Map<String, Variable> m = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            m.put(names.get(i), outputs.get(i).value());
        }
        return m;
    }

    /** "Sequential[Embedding(mask_zero=True), LSTM]" → [Embedding, LSTM]; "GRU" → [GRU]. */
    static List<String> classes(String layerClass) {
        if (!layerClass.startsWith("Sequential[")) {
            return List.of(layerClass);
        }
        String body = layerClass.substring("Sequential[".length(), layerClass.length() - 1);
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (char c : body.toCharArray()) {
            if (c == ',' && depth == 0) {
                out.add(cur.toString());
                cur.setLength(0);
                continue;
            }
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            cur.append(c);
        }
        out.add(cur.toString());
        return out.stream().map(s -> s.strip().replaceAll("\\(.*", "")).toList();
    }

    /** Each layer's weight prefix: the distinct first path segments of weight_names, in order (Masking has none). */
    private static List<String> prefixes(Fixture f, List<String> classes) {
        if (classes.size() == 1) {
            return List.of("");
        }
        List<String> segments = new ArrayList<>(new LinkedHashSet<>(f.listMeta("weight_names").stream()
                .map(n -> n.substring(0, n.indexOf('/'))).toList()));
        List<String> out = new ArrayList<>();
        int next = 0;
        for (String c : classes) {
            out.add(c.equals("Masking") ? "masking" : segments.get(next++));
        }
        return out;
    }

    private static Layer build(String cls, JsonNode c, int inputDim, String prefix, Fixture f) {
        SplittableRandom rng = new SplittableRandom(7);
        String name = prefix.isEmpty() ? cls.toLowerCase(Locale.ROOT) : prefix;
        return switch (cls) {
            case "Embedding" -> new Embedding(Embedding.Config.of(c.get("input_dim").asInt(),
                    c.get("output_dim").asInt()).maskZero(c.path("mask_zero").asBoolean(false)).name(name), rng);
            case "Masking" -> new Masking(Masking.Config.of().maskValue((float) c.path("mask_value").asDouble(0))
                    .name(name));
            case "Dense" -> dense(c, inputDim, name);
            case "TimeDistributed" -> new TimeDistributed(new TimeDistributed.Config(name),
                    build(c.get("layer").get("class_name").asText(), c.get("layer").get("config"), inputDim,
                            c.get("layer").get("class_name").asText().toLowerCase(Locale.ROOT), f));
            case "Bidirectional" -> {
                JsonNode inner = c.get("layer");
                String innerClass = inner.get("class_name").asText();
                String innerName = innerName(f, prefix.isEmpty() ? "" : prefix + "/");
                yield new Bidirectional(new Bidirectional.Config(name, mergeMode(c.get("merge_mode"))),
                        KerasConfigs.recurrent(innerClass, inner.get("config"), inputDim, innerName), rng);
            }
            default -> KerasConfigs.recurrent(cls, c, inputDim, name);
        };
    }

    /** Keras' merge_mode: absent means "concat", null (Python None) means no merge. */
    private static Bidirectional.MergeMode mergeMode(JsonNode m) {
        if (m == null) {
            return Bidirectional.MergeMode.CONCAT;
        }
        return m.isNull() ? Bidirectional.MergeMode.NONE
                : Bidirectional.MergeMode.valueOf(m.asText().toUpperCase(Locale.ROOT));
    }

    private static Dense dense(JsonNode c, int inputDim, String name) {
        return new Dense(Dense.Config.of(inputDim, c.get("units").asInt())
                .activation(Activation.fromKeras(c.path("activation").asText("linear")))
                .useBias(c.path("use_bias").asBoolean(true)).name(name), new SplittableRandom(7));
    }

    /** "forward_lstm/kernel" (after the prefix) → "lstm". */
    private static String innerName(Fixture f, String prefix) {
        for (String n : f.listMeta("weight_names")) {
            if (n.startsWith(prefix + "forward_")) {
                String rest = n.substring(prefix.length() + "forward_".length());
                return rest.substring(0, rest.indexOf('/'));
            }
        }
        throw new IllegalArgumentException(f.name() + ": no forward_ weights under '" + prefix + "'");
    }

    /** The output after the last step: the output when it is not a sequence, else state_h, else the last step. */
    static Tensor lastOutput(List<Masked> outputs) {
        Tensor first = outputs.get(0).value().value();
        if (first.rank() == 2) {
            return first;
        }
        return outputs.size() > 1 ? outputs.get(1).value().value() : first.select(1, first.dim(1) - 1);
    }
}
