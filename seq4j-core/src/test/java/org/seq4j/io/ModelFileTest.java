package org.seq4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seq4j.autograd.Variable;
import org.seq4j.nn.Activation;
import org.seq4j.nn.Context;
import org.seq4j.nn.Dense;
import org.seq4j.nn.Embedding;
import org.seq4j.nn.Functional;
import org.seq4j.nn.Layer;
import org.seq4j.nn.LayerNormalization;
import org.seq4j.nn.Masked;
import org.seq4j.nn.Merge;
import org.seq4j.nn.Node;
import org.seq4j.nn.Reshape;
import org.seq4j.nn.Sequential;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

class ModelFileTest {
    private final SplittableRandom rng = new SplittableRandom(11);

    private Sequential sequential() {
        return new Sequential("clf", Shape.of(6), List.of(
                new Embedding(Embedding.Config.of(30, 4).maskZero(true), rng),
                new LayerNormalization(LayerNormalization.Config.of(4)),
                new Reshape(Reshape.Config.flatten()),
                new Dense(Dense.Config.of(24, 3).activation(Activation.SOFTMAX), rng)));
    }

    @Test
    void sequentialRoundTripsBitForBit(@TempDir Path dir) throws IOException {
        Sequential model = sequential();
        Tensor ids = Tensor.of(new float[] {1, 2, 3, 0, 0, 0, 5, 6, 7, 8, 9, 29}, 2, 6);
        float[] before = model.apply(Variable.constant(ids)).value().toArray();
        Path file = dir.resolve("m");
        ModelFile.save(file, model, Map.of("adam/m/0", Tensor.ones(2)), Map.of("task", "classify"));
        ModelFile.Loaded loaded = ModelFile.load(file);
        assertArrayEquals(before, loaded.network().apply(Variable.constant(ids)).value().toArray());
        assertEquals("classify", loaded.metadata().get("task"));
        assertArrayEquals(new float[] {1, 1}, loaded.optimizerState().get("adam/m/0").toArray());
        assertEquals(model.summary(), ((Sequential) loaded.network()).summary());
    }

    @Test
    void functionalRoundTripsWithSharedLayers(@TempDir Path dir) throws IOException {
        Node a = Node.input("a", 5);
        Node b = Node.input("b", 5);
        Dense shared = new Dense(Dense.Config.of(5, 3).name("shared").activation(Activation.TANH), rng);
        Node out = new Dense(Dense.Config.of(6, 2), rng)
                .on(new Merge(Merge.Config.concatenate(-1)).on(shared.on(a), shared.on(b)));
        Functional model = Functional.of("pair", List.of(a, b), List.of(out));
        Tensor xa = Tensor.uniform(Shape.of(3, 5), -1, 1, rng);
        Tensor xb = Tensor.uniform(Shape.of(3, 5), -1, 1, rng);
        float[] before = run(model, xa, xb);
        ModelFile.save(dir.resolve("f"), model, Map.of(), Map.of());
        Layer loaded = ModelFile.load(dir.resolve("f")).network();
        assertArrayEquals(before, run(loaded, xa, xb));
        assertEquals(model.countParams(), loaded.countParams());
    }

    private static float[] run(Layer model, Tensor xa, Tensor xb) {
        return model.call(List.of(Masked.of(Variable.constant(xa)), Masked.of(Variable.constant(xb))),
                Context.inference()).get(0).value().value().toArray();
    }

    @Test
    void savingReplacesAnOlderModelAndLeavesNoTemporaries(@TempDir Path dir) throws IOException {
        ModelFile.save(dir.resolve("m"), sequential(), Map.of(), Map.of());
        ModelFile.save(dir.resolve("m"), sequential(), Map.of(), Map.of());
        try (var files = Files.list(dir)) {
            assertEquals(List.of("m"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void truncatedWeightsAreAClearError(@TempDir Path dir) throws IOException {
        Path m = dir.resolve("m");
        ModelFile.save(m, sequential(), Map.of(), Map.of());
        Path w = m.resolve("weights.safetensors");
        byte[] bytes = Files.readAllBytes(w);
        Files.write(w, java.util.Arrays.copyOf(bytes, bytes.length - 10));
        IOException e = assertThrows(IOException.class, () -> ModelFile.load(m));
        assertTrue(e.getMessage().contains("weights.safetensors"), e.getMessage());
    }

    @Test
    void corruptedArchitectureIsAClearError(@TempDir Path dir) throws IOException {
        Path m = dir.resolve("m");
        ModelFile.save(m, sequential(), Map.of(), Map.of());
        Files.writeString(m.resolve("model.json"), "{\"format\": \"seq4j-model v1\", \"network\": {\"@type\": "
                + "\"java.lang.ProcessBuilder\"}}");
        IOException e = assertThrows(IOException.class, () -> ModelFile.load(m));
        assertTrue(e.getMessage().contains("model.json"), e.getMessage());
        assertThrows(IOException.class, () -> ModelFile.load(dir.resolve("nothing-here")));
    }

    @Test
    void weightOfTheWrongShapeIsRejected(@TempDir Path dir) throws IOException {
        Path m = dir.resolve("m");
        ModelFile.save(m, sequential(), Map.of(), Map.of());
        Safetensors.write(m.resolve("weights.safetensors"), Map.of("embedding/embeddings", Tensor.zeros(3, 3)), Map.of());
        IOException e = assertThrows(IOException.class, () -> ModelFile.load(m));
        assertTrue(e.getMessage().contains("embedding/embeddings"), e.getMessage());
    }
}
