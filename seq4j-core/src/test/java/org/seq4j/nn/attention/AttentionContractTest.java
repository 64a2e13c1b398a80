package org.seq4j.nn.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.seq4j.autograd.Variable;
import org.seq4j.io.Safetensors;
import org.seq4j.nn.Context;
import org.seq4j.nn.Layer;
import org.seq4j.nn.Masked;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/**
 * The layer contract for every attention layer: output shapes, weight names (Keras' order) and counts, determinism
 * under a seed (initialisation and training-mode dropout), gradients reaching every weight, and save → load through
 * safetensors reproducing the outputs bit for bit.
 */
class AttentionContractTest {

    /** How to build one layer from a seed, what to feed it, and what it must look like. */
    record Spec(String what, LongFunction<Layer> build, List<Shape> inputs, List<String> weights, int params,
                List<Shape> outputs) {}

    static Stream<Spec> specs() {
        return Stream.of(
                new Spec("Attention dot", s -> new Attention(Attention.Config.of().returnAttentionScores(true)),
                        List.of(Shape.of(2, 3, 4), Shape.of(2, 5, 6), Shape.of(2, 5, 4)), List.of(), 0,
                        List.of(Shape.of(2, 3, 6), Shape.of(2, 3, 5))),
                new Spec("Attention concat scaled", s -> new Attention(Attention.Config.of().useScale(true)
                        .scoreMode(Attention.ScoreMode.CONCAT).dropout(0.2f)),
                        List.of(Shape.of(2, 3, 4), Shape.of(2, 5, 4)), List.of("scale", "concat_score_weight"), 2,
                        List.of(Shape.of(2, 3, 4))),
                new Spec("AdditiveAttention", s -> new AdditiveAttention(AdditiveAttention.Config.of(4).dropout(0.2f)
                        .returnAttentionScores(true), new SplittableRandom(s)),
                        List.of(Shape.of(2, 3, 4), Shape.of(2, 5, 4)), List.of("scale"), 4,
                        List.of(Shape.of(2, 3, 4), Shape.of(2, 3, 5))),
                new Spec("MultiHeadAttention cross", s -> new MultiHeadAttention(MultiHeadAttention.Config.of(2, 3, 4)
                        .valueInputDim(6).valueDim(5).outputDim(7).dropout(0.25f).returnAttentionScores(true),
                        new SplittableRandom(s)),
                        List.of(Shape.of(2, 3, 4), Shape.of(2, 5, 6)),
                        List.of("query/kernel", "query/bias", "key/kernel", "key/bias", "value/kernel", "value/bias",
                                "attention_output/kernel", "attention_output/bias"),
                        4 * 6 + 6 + 6 * 6 + 6 + 6 * 10 + 10 + 10 * 7 + 7,
                        List.of(Shape.of(2, 3, 7), Shape.of(2, 2, 3, 5))),
                new Spec("MultiHeadAttention self, no bias", s -> new MultiHeadAttention(
                        MultiHeadAttention.Config.of(4, 2, 8).useBias(false).useCausalMask(true),
                        new SplittableRandom(s)),
                        List.of(Shape.of(2, 5, 8)),
                        List.of("query/kernel", "key/kernel", "value/kernel", "attention_output/kernel"),
                        4 * 8 * 8, List.of(Shape.of(2, 5, 8))),
                new Spec("PositionalEncoding", s -> new PositionalEncoding(PositionalEncoding.Config.of()),
                        List.of(Shape.of(2, 5, 6)), List.of(), 0, List.of(Shape.of(2, 5, 6))),
                new Spec("PositionEmbedding", s -> new PositionEmbedding(PositionEmbedding.Config.of(8, 6),
                        new SplittableRandom(s)),
                        List.of(Shape.of(2, 5, 6)), List.of("embeddings"), 48, List.of(Shape.of(2, 5, 6))));
    }

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> contract() {
        return specs().map(spec -> DynamicTest.dynamicTest(spec.what(), () -> check(spec)));
    }

    private void check(Spec spec) throws IOException {
        Layer layer = spec.build().apply(1);
        assertEquals(spec.weights(), List.copyOf(layer.weights().keySet()), spec.what() + ": weight names");
        assertEquals(spec.params(), layer.countParams(), spec.what() + ": parameter count");
        assertEquals(spec.outputs(), layer.outputShapes(spec.inputs()), spec.what() + ": output shapes");
        List<Masked> in = inputs(spec, 7);

        // determinism: the same seed gives the same weights, and training-mode dropout repeats under a seeded rng
        Layer twin = spec.build().apply(1);
        layer.weights().forEach((k, v) -> assertArrayEquals(v.value().toArray(),
                twin.weights().get(k).value().toArray(), spec.what() + ": " + k + " under the same seed"));
        assertArrayEquals(run(layer, in, Context.training(new SplittableRandom(3))),
                run(twin, in, Context.training(new SplittableRandom(3))), spec.what() + ": training run repeats");

        // gradients reach every weight
        Variable out = layer.call(in, Context.inference()).get(0).value();
        Tensor r = Tensor.uniform(out.shape(), 0.5f, 1.5f, new SplittableRandom(9));
        if (!layer.weights().isEmpty()) {
            out.mul(Variable.constant(r)).sum().backward();
        }
        layer.weights().forEach((k, v) -> {
            assertNotNull(v.grad(), spec.what() + ": no gradient reached " + k);
            assertTrue(v.grad().abs().max().item() > 0f, spec.what() + ": zero gradient for " + k);
        });

        // save → load into a differently seeded layer reproduces the outputs bit for bit
        Path file = dir.resolve(layer.name() + ".safetensors");
        Map<String, Tensor> saved = new LinkedHashMap<>();
        layer.weights().forEach((k, v) -> saved.put(k, v.value()));
        Safetensors.write(file, saved, Map.of("layer", layer.className()));
        Layer loaded = spec.build().apply(99);
        Safetensors.read(file).floats().forEach(loaded::setWeight);
        assertArrayEquals(run(layer, in, Context.inference()), run(loaded, in, Context.inference()),
                spec.what() + ": outputs after save → load");
    }

    private static float[] run(Layer layer, List<Masked> in, Context ctx) {
        return layer.call(in, ctx).get(0).value().value().toArray();
    }

    private static List<Masked> inputs(Spec spec, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Masked> in = new ArrayList<>();
        for (Shape s : spec.inputs()) {
            in.add(Masked.of(Variable.constant(Tensor.uniform(s, -1f, 1f, rng))));
        }
        return in;
    }
}
