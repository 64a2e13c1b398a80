package org.seq4j.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.seq4j.autograd.Variable;
import org.seq4j.fixtures.Fixture;
import org.seq4j.tensor.Tensor;

/** Dense, Embedding and LayerNormalization against every reference case of their groups. */
class CoreLayerParityTest {

    @TestFactory
    Stream<DynamicTest> dense() {
        return Fixture.cases("dense", f -> {
            var c = f.config();
            Tensor x = f.tensor("input");
            Dense layer = new Dense(Dense.Config.of(x.dim(-1), c.get("units").asInt())
                    .activation(Activation.fromKeras(c.get("activation").asText()))
                    .useBias(c.get("use_bias").asBoolean()), new SplittableRandom(0));
            check(f, layer, x);
        });
    }

    @TestFactory
    Stream<DynamicTest> embedding() {
        return Fixture.cases("embedding", f -> {
            var c = f.config();
            Embedding layer = new Embedding(Embedding.Config.of(c.get("input_dim").asInt(), c.get("output_dim").asInt())
                    .maskZero(c.path("mask_zero").asBoolean(false)), new SplittableRandom(0));
            f.weights().forEach(layer::setWeight);
            Masked out = layer.apply(Masked.of(Variable.constant(f.ints("input").toFloat())),
                    Context.inference());
            if (f.has("output.mask")) {
                f.assertClose("output.mask", f.asFloat("output.mask"), out.mask(), 0f, 0f);
            }
            f.assertMatches(Map.of("output", out.value()), weightsOf(layer));
        });
    }

    @TestFactory
    Stream<DynamicTest> layerNormalization() {
        return Fixture.cases("layernorm", f -> {
            Tensor x = f.tensor("input");
            float eps = (float) f.config().get("epsilon").asDouble();
            check(f, new LayerNormalization(LayerNormalization.Config.of(x.dim(-1)).epsilon(eps)), x);
        });
    }

    /** Loads the case's weights into the layer, runs it on the input, and compares outputs and gradients. */
    static void check(Fixture f, Layer layer, Tensor input) {
        f.weights().forEach(layer::setWeight);
        Variable x = Variable.parameter(input);
        Variable y = layer.call(List.of(Masked.of(x)), Context.inference()).get(0).value();
        Map<String, Variable> diff = weightsOf(layer);
        diff.put("input", x);
        f.assertMatches(Map.of("output", y), diff);
    }

    static Map<String, Variable> weightsOf(Layer layer) {
        Map<String, Variable> m = new LinkedHashMap<>();
        layer.weights().forEach((k, v) -> m.put("weight." + k, v));
        return m;
    }
}
