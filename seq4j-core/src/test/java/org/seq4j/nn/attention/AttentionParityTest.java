package org.seq4j.nn.attention;

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
import org.seq4j.nn.Layer;
import org.seq4j.nn.Masked;
import org.seq4j.tensor.Tensor;

/** Scaled dot-product attention, Attention, AdditiveAttention, MultiHeadAttention and the sinusoidal table. */
class AttentionParityTest {

    @TestFactory
    Stream<DynamicTest> attention() {
        return Fixture.cases("attention", f -> {
            switch (f.meta("layer_class")) {
                case "scaled_dot_product_attention" -> sdpa(f);
                case "Attention", "AdditiveAttention" -> dense(f);
                default -> throw new AssertionError(f.name() + ": unknown class " + f.meta("layer_class"));
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> mha() {
        return Fixture.cases("mha", AttentionParityTest::multiHead);
    }

    @TestFactory
    Stream<DynamicTest> posenc() {
        return Fixture.cases("posenc", f -> {
            Tensor pe = f.tensor("pe");
            double base = f.config().path("base").asDouble(10000);
            f.assertClose("pe", pe, PositionalEncoding.table(pe.dim(0), pe.dim(1), base), 1e-6f, 0f);
        });
    }

    private static void sdpa(Fixture f) {
        JsonNode c = f.config();
        Map<String, Variable> in = inputs(f);
        var o = ScaledDotProductAttention.Options.defaults().causal(c.path("causal").asBoolean(false));
        if (f.has("input.key_padding_mask")) {
            o = o.keyPaddingMask(f.asFloat("input.key_padding_mask"));
        }
        if (c.has("d_k") && c.get("d_k").asInt() != in.get("input.query").shape().dim(-1)) {
            o = o.scale((float) (1 / Math.sqrt(c.get("d_k").asInt())));
        }
        var r = ScaledDotProductAttention.attend(in.get("input.query"), in.get("input.key"), in.get("input.value"), o);
        f.assertMatches(Map.of("output", r.output(), "output.attention_weights", r.weights()), in);
    }

    private static void dense(Fixture f) {
        JsonNode c = f.config();
        JsonNode call = c.path("call");
        Map<String, Variable> in = inputs(f);
        Variable query = in.get("input.query");
        BaseDenseAttention layer;
        if (f.meta("layer_class").equals("Attention")) {
            layer = new Attention(Attention.Config.of().useScale(c.path("use_scale").asBoolean(false))
                    .scoreMode(Attention.ScoreMode.valueOf(c.path("score_mode").asText("dot").toUpperCase()))
                    .useCausalMask(call.path("use_causal_mask").asBoolean(false)));
        } else {
            layer = new AdditiveAttention(AdditiveAttention.Config.of(query.shape().dim(-1))
                    .useScale(c.path("use_scale").asBoolean(true))
                    .useCausalMask(call.path("use_causal_mask").asBoolean(false)), new SplittableRandom(0));
        }
        f.weights().forEach(layer::setWeight);
        List<Masked> args = new ArrayList<>();
        args.add(new Masked(query, mask(f, "input.query_mask")));
        args.add(new Masked(in.get("input.value"), mask(f, "input.value_mask")));
        if (in.containsKey("input.key")) {
            args.add(Masked.of(in.get("input.key")));
        }
        var r = layer.attend(args, Context.inference());
        Map<String, Variable> diff = weightsOf(layer);
        diff.putAll(in);
        f.assertMatches(Map.of("output", r.output().value(), "output.attention_scores", r.weights()), diff);
    }

    private static void multiHead(Fixture f) {
        JsonNode c = f.config();
        JsonNode call = c.path("call");
        Map<String, Variable> in = inputs(f);
        Variable q = in.get("input.query");
        Variable v = in.getOrDefault("input.value", q);
        Variable k = in.getOrDefault("input.key", v);
        int keyDim = c.get("key_dim").asInt();
        int valueDim = c.path("value_dim").isNull() || c.path("value_dim").isMissingNode() ? keyDim
                : c.get("value_dim").asInt();
        int outputDim = c.path("output_shape").isNumber() ? c.get("output_shape").asInt()
                : c.path("output_shape").isArray() ? c.get("output_shape").get(0).asInt() : q.shape().dim(-1);
        var config = MultiHeadAttention.Config.of(c.get("num_heads").asInt(), keyDim, q.shape().dim(-1))
                .valueInputDim(v.shape().dim(-1)).keyInputDim(k.shape().dim(-1)).valueDim(valueDim)
                .outputDim(outputDim).useBias(c.path("use_bias").asBoolean(true))
                .useCausalMask(call.path("use_causal_mask").asBoolean(false));
        MultiHeadAttention layer = new MultiHeadAttention(config, new SplittableRandom(0));
        f.weights().forEach(layer::setWeight);
        List<Masked> args = new ArrayList<>();
        args.add(new Masked(q, mask(f, "input.query_mask")));
        args.add(new Masked(v, mask(f, "input.value_mask")));
        args.add(new Masked(k, mask(f, "input.key_mask")));
        Tensor attentionMask = null;
        if (f.has("input.key_padding_mask")) {
            attentionMask = f.asFloat("input.key_padding_mask").unsqueeze(1);           // (B, 1, Tk)
        }
        if (f.has("input.attention_mask")) {
            attentionMask = AttentionMask.and(attentionMask, f.asFloat("input.attention_mask"));
        }
        var r = layer.attend(args, attentionMask, Context.inference());
        Map<String, Variable> diff = weightsOf(layer);
        diff.putAll(in);
        f.assertMatches(Map.of("output", r.output().value(), "output.attention_scores", r.scores()), diff);
    }

    /** Every float input of the case ("input.query", ...) as a variable whose gradient is compared. */
    private static Map<String, Variable> inputs(Fixture f) {
        Map<String, Variable> in = new LinkedHashMap<>();
        for (String name : f.listMeta("inputs")) {
            in.put(name, Variable.parameter(f.tensor(name)));
        }
        return in;
    }

    private static Tensor mask(Fixture f, String name) {
        return f.has(name) ? f.asFloat(name) : null;
    }

    private static Map<String, Variable> weightsOf(Layer layer) {
        Map<String, Variable> m = new LinkedHashMap<>();
        layer.weights().forEach((k, v) -> m.put("weight." + k, v));
        return m;
    }
}
