package org.seq4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.seq4j.autograd.Variable;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

class ModelStructureTest {
    private final SplittableRandom rng = new SplittableRandom(5);

    @Test
    void sequentialChainsLayersAndCountsParameters() {
        Sequential model = Sequential.of(Shape.of(7),
                new Embedding(Embedding.Config.of(50, 8), rng),
                new Reshape(Reshape.Config.flatten()),
                new Dense(Dense.Config.of(56, 4).activation(Activation.RELU), rng),
                new Dense(Dense.Config.of(4, 1).activation(Activation.SIGMOID), rng));
        assertEquals(50 * 8 + 56 * 4 + 4 + 4 + 1, model.countParams());
        Variable y = model.apply(Variable.constant(Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 0, 0, 0, 1, 2, 3, 4, 5},
                2, 7)));
        assertEquals(Shape.of(2, 1), y.shape());
        // Keras-style unique names: the second Dense becomes dense_1; Flatten has no weights
        assertEquals(List.of("embedding/embeddings", "dense/kernel", "dense/bias", "dense_1/kernel", "dense_1/bias"),
                List.copyOf(model.weights().keySet()));
    }

    @Test
    void summaryIsTheKerasTable() {
        Sequential model = new Sequential("classifier", Shape.of(12), List.of(
                new Embedding(Embedding.Config.of(100, 16), rng),
                new Dense(Dense.Config.of(16, 3), rng)));
        String s = model.summary();
        assertTrue(s.startsWith("Model: \"classifier\"\n"), s);
        assertTrue(s.contains(" embedding (Embedding)       (None, 12, 16)            1600"), s);
        assertTrue(s.contains(" dense (Dense)               (None, 12, 3)             51"), s);
        assertTrue(s.contains("Total params: 1651 (6.45 KB)"), s);
        assertTrue(s.contains("Trainable params: 1651 (6.45 KB)"), s);
        assertTrue(s.contains("Non-trainable params: 0 (0.00 Byte)"), s);
    }

    @Test
    void frozenLayersCountAsNonTrainable() {
        Embedding emb = new Embedding(Embedding.Config.of(10, 4), rng);
        Sequential model = Sequential.of(Shape.of(3), emb, new Dense(Dense.Config.of(4, 2), rng));
        emb.setTrainable(false);
        assertEquals(10, model.trainableWeights().stream().mapToInt(v -> v.value().size()).sum());
        assertTrue(model.summary().contains("Non-trainable params: 40 (160.00 Byte)"), model.summary());
    }

    @Test
    void functionalSharesLayersAndTakesSeveralInputsAndOutputs() {
        Node a = Node.input("a", 5);
        Node b = Node.input("b", 5);
        Dense shared = new Dense(Dense.Config.of(5, 3).name("shared"), rng);
        Node ha = shared.on(a);
        Node hb = shared.on(b);
        Node merged = new Merge(Merge.Config.concatenate(-1)).on(ha, hb);
        Node sum = new Merge(Merge.Config.of(Merge.Mode.ADD)).on(ha, hb);
        Node out = new Dense(Dense.Config.of(6, 1), rng).on(merged);
        Functional model = Functional.of("siamese", List.of(a, b), List.of(out, sum));
        assertEquals(5 * 3 + 3 + 6 + 1, model.countParams(), "the shared layer's weights count once");
        assertEquals(Shape.of(1, 6), merged.shape());

        Variable xa = Variable.parameter(Tensor.uniform(Shape.of(4, 5), -1, 1, rng));
        Variable xb = Variable.parameter(Tensor.uniform(Shape.of(4, 5), -1, 1, rng));
        List<Masked> ys = model.call(List.of(Masked.of(xa), Masked.of(xb)), Context.inference());
        assertEquals(Shape.of(4, 1), ys.get(0).value().shape());
        assertEquals(Shape.of(4, 3), ys.get(1).value().shape());
        ys.get(0).value().sum().add(ys.get(1).value().sum()).backward();
        for (Variable w : model.trainableWeights()) {
            assertNotNull(w.grad(), "every weight gets a gradient");
        }
        // shared layer applied to both inputs: output 1 = shared(a) + shared(b)
        Variable direct = shared.apply(Variable.constant(xa.value())).add(shared.apply(Variable.constant(xb.value())));
        assertArrayEquals(direct.value().toArray(), ys.get(1).value().value().toArray());

        String s = model.summary();
        assertTrue(s.contains("a (InputLayer)"), s);
        assertTrue(s.contains("shared (Dense)"), s);
        assertTrue(s.contains("a[0], b[0]"), s);
        assertTrue(s.contains("Connected to"), s);
    }

    @Test
    void functionalRejectsOutputsThatNeedAnUndeclaredInput() {
        Node a = Node.input("a", 3);
        Node b = Node.input("b", 3);
        Node sum = new Merge(Merge.Config.of(Merge.Mode.ADD)).on(a, b);
        assertThrows(IllegalArgumentException.class, () -> Functional.of("bad", List.of(a), List.of(sum)));
    }

    @Test
    void wiringErrorsNameTheLayerAndShapes() {
        Node a = Node.input("a", 3);
        Dense d = new Dense(Dense.Config.of(4, 2), rng);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.on(a));
        assertTrue(e.getMessage().contains("dense") && e.getMessage().contains("(1, 3)"), e.getMessage());
    }
}
