package org.seq4j.nn.recurrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.seq4j.autograd.Variable;
import org.seq4j.io.Safetensors;
import org.seq4j.nn.Activation;
import org.seq4j.nn.Context;
import org.seq4j.nn.Dense;
import org.seq4j.nn.Layer;
import org.seq4j.nn.Masked;
import org.seq4j.nn.TimeDistributed;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/**
 * The layer contract for SimpleRNN, LSTM, GRU (both reset conventions), Bidirectional and TimeDistributed: weight
 * names and Keras' parameter counts, output shapes, determinism under a seed (dropout included), gradients reaching
 * every weight, and save → load through safetensors reproducing outputs bit for bit.
 */
class RecurrentContractTest {
    private static final int B = 2;
    private static final int T = 5;
    private static final int F = 3;
    private static final int U = 4;
    private static final List<String> KRB = List.of("kernel", "recurrent_kernel", "bias");

    record Spec(String label, Function<RandomGenerator, Layer> make, List<String> names, int params) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Spec> specs() {
        List<String> bidiNames = new ArrayList<>();
        KRB.forEach(n -> bidiNames.add("forward_lstm/" + n));
        KRB.forEach(n -> bidiNames.add("backward_lstm/" + n));
        return Stream.of(
                new Spec("SimpleRNN", r -> new SimpleRNN(SimpleRNN.Config.of(F, U).dropout(0.2f)
                        .recurrentDropout(0.2f), r), KRB, (F + U) * U + U),
                new Spec("LSTM", r -> new LSTM(LSTM.Config.of(F, U).dropout(0.2f).recurrentDropout(0.2f), r),
                        KRB, 4 * ((F + U) * U + U)),
                new Spec("GRU reset_after", r -> new GRU(GRU.Config.of(F, U).dropout(0.2f).recurrentDropout(0.2f), r),
                        KRB, 3 * ((F + U) * U + 2 * U)),
                new Spec("GRU reset_before", r -> new GRU(GRU.Config.of(F, U).resetAfter(false).dropout(0.2f)
                        .recurrentDropout(0.2f), r), KRB, 3 * ((F + U) * U + U)),
                new Spec("Bidirectional(LSTM)", r -> new Bidirectional(Bidirectional.Config.of(),
                        new LSTM(LSTM.Config.of(F, U).returnSequences(true).dropout(0.2f), r), r),
                        bidiNames, 2 * 4 * ((F + U) * U + U)),
                new Spec("TimeDistributed(Dense)", r -> new TimeDistributed(TimeDistributed.Config.of(),
                        new Dense(Dense.Config.of(F, U).activation(Activation.TANH), r)), List.of("kernel", "bias"),
                        F * U + U));
    }

    private static Tensor input(long seed) {
        return Tensor.uniform(Shape.of(B, T, F), -1f, 1f, new SplittableRandom(seed));
    }

    private static List<Tensor> run(Layer layer, Tensor x, Context ctx) {
        return layer.call(List.of(Masked.of(Variable.constant(x))), ctx).stream().map(m -> m.value().value()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void weightNamesAndKerasParameterCount(Spec spec) {
        Layer layer = spec.make().apply(new SplittableRandom(1));
        assertEquals(spec.names(), List.copyOf(layer.weights().keySet()));
        assertEquals(spec.params(), layer.countParams());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void deterministicUnderASeed(Spec spec) {
        Layer a = spec.make().apply(new SplittableRandom(42));
        Layer b = spec.make().apply(new SplittableRandom(42));
        Layer c = spec.make().apply(new SplittableRandom(43));
        Tensor x = input(3);
        assertOutputsIdentical(run(a, x, Context.inference()), run(b, x, Context.inference()));
        assertOutputsIdentical(run(a, x, Context.training(new SplittableRandom(9))),
                run(b, x, Context.training(new SplittableRandom(9))));
        assertFalse(a.weights().get(spec.names().get(0)).value().allClose(
                c.weights().get(spec.names().get(0)).value(), 0f, 0f), "another seed gives other weights");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void gradientsReachEveryWeight(Spec spec) {
        Layer layer = spec.make().apply(new SplittableRandom(5));
        Variable x = Variable.parameter(input(4));
        Variable y = layer.call(List.of(Masked.of(x)), Context.training(new SplittableRandom(1))).get(0).value();
        y.mul(Variable.constant(Tensor.uniform(y.shape(), -1f, 1f, new SplittableRandom(2)))).sum().backward();
        assertNotNull(x.grad());
        layer.weights().forEach((name, w) -> {
            assertNotNull(w.grad(), name + " got no gradient");
            assertTrue(w.grad().abs().sum().item() > 0f, name + " got an all-zero gradient");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void saveThenLoadReproducesOutputsBitForBit(Spec spec, @TempDir Path dir) throws IOException {
        Layer saved = spec.make().apply(new SplittableRandom(6));
        // non-trivial biases, so that loading them is tested too
        saved.weights().forEach((name, w) -> saved.setWeight(name,
                Tensor.uniform(w.shape(), -0.5f, 0.5f, new SplittableRandom(name.hashCode()))));
        Map<String, Tensor> values = new LinkedHashMap<>();
        saved.weights().forEach((name, w) -> values.put(name, w.value()));
        Path file = dir.resolve("weights.safetensors");
        Safetensors.write(file, values, Map.of("layer", spec.label()));

        Layer loaded = spec.make().apply(new SplittableRandom(7));
        Safetensors.read(file).floats().forEach(loaded::setWeight);
        Tensor x = input(8);
        assertOutputsIdentical(run(saved, x, Context.inference()), run(loaded, x, Context.inference()));
    }

    private static void assertOutputsIdentical(List<Tensor> a, List<Tensor> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).shape(), b.get(i).shape());
            assertArrayEquals(a.get(i).toArray(), b.get(i).toArray(), "output " + i);
        }
    }

    @Test
    void outputShapesFollowReturnSequencesAndReturnState() {
        Shape in = Shape.of(B, T, F);
        Shape seq = Shape.of(B, T, U);
        Shape last = Shape.of(B, U);
        SplittableRandom r = new SplittableRandom(0);
        assertEquals(List.of(last), new LSTM(LSTM.Config.of(F, U), r).outputShapes(List.of(in)));
        assertEquals(List.of(seq), new GRU(GRU.Config.of(F, U).returnSequences(true), r).outputShapes(List.of(in)));
        assertEquals(List.of(seq, last, last), new LSTM(LSTM.Config.of(F, U).returnSequences(true).returnState(true), r)
                .outputShapes(List.of(in)));
        assertEquals(List.of(last, last), new GRU(GRU.Config.of(F, U).returnState(true), r).outputShapes(List.of(in)));
        assertEquals(List.of(last, last), new SimpleRNN(SimpleRNN.Config.of(F, U).returnState(true), r)
                .outputShapes(List.of(in)));
        LSTM seqState = new LSTM(LSTM.Config.of(F, U).returnSequences(true).returnState(true), r);
        Shape concat = Shape.of(B, T, 2 * U);
        assertEquals(List.of(concat, last, last, last, last),
                new Bidirectional(Bidirectional.Config.of(), seqState, r).outputShapes(List.of(in)));
        assertEquals(List.of(seq, seq), new Bidirectional(Bidirectional.Config.of()
                .mergeMode(Bidirectional.MergeMode.NONE), new GRU(GRU.Config.of(F, U).returnSequences(true), r), r)
                .outputShapes(List.of(in)));
        assertEquals(List.of(last), new Bidirectional(Bidirectional.Config.of()
                .mergeMode(Bidirectional.MergeMode.AVE), new GRU(GRU.Config.of(F, U), r), r).outputShapes(List.of(in)));
        assertEquals(List.of(Shape.of(B, T, 7)), new TimeDistributed(TimeDistributed.Config.of(),
                new Dense(Dense.Config.of(F, 7), r)).outputShapes(List.of(in)));
    }

    @Test
    void initialStatesAreUsedAndGetGradients() {
        LSTM lstm = new LSTM(LSTM.Config.of(F, U).returnState(true), new SplittableRandom(1));
        Variable h0 = Variable.parameter(Tensor.uniform(Shape.of(B, U), -1f, 1f, new SplittableRandom(2)));
        Variable c0 = Variable.parameter(Tensor.uniform(Shape.of(B, U), -1f, 1f, new SplittableRandom(3)));
        Tensor x = input(4);
        List<Masked> out = lstm.call(List.of(Masked.of(Variable.constant(x)), Masked.of(h0), Masked.of(c0)),
                Context.inference());
        assertFalse(out.get(0).value().value().allClose(run(lstm, x, Context.inference()).get(0), 1e-3f, 1e-3f));
        assertArrayEquals(out.get(0).value().value().toArray(), out.get(1).value().value().toArray(),
                "without sequences, output == state_h");
        out.get(0).value().add(out.get(2).value()).sum().backward();
        assertNotNull(h0.grad());
        assertNotNull(c0.grad());
    }

    @Test
    void stateCountAndRebuildKeepTheConfig() {
        LSTM lstm = new LSTM(LSTM.Config.of(F, U).unitForgetBias(true), new SplittableRandom(1));
        assertEquals(2, lstm.stateCount());
        assertEquals(1, new GRU(GRU.Config.of(F, U), new SplittableRandom(1)).stateCount());
        assertArrayEquals(new float[] {0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0},
                lstm.weights().get("bias").value().toArray(), "unit forget bias: forget block at 1");
        LSTM copy = lstm.rebuild("other", lstm.options().goBackwards(true), new SplittableRandom(2));
        assertEquals("other", copy.name());
        assertTrue(copy.options().goBackwards());
        assertEquals(lstm.config().units(), copy.config().units());
        Bidirectional bi = new Bidirectional(Bidirectional.Config.of(), lstm, new SplittableRandom(3));
        assertEquals(new Bidirectional.Spec(Bidirectional.Config.of(), lstm.config().name("forward_lstm")),
                bi.config());
    }
}
