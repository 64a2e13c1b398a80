package org.seq4j.nn.recurrent;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.seq4j.autograd.Variable;
import org.seq4j.nn.Context;
import org.seq4j.nn.Dense;
import org.seq4j.nn.Layer;
import org.seq4j.nn.Masked;
import org.seq4j.nn.TimeDistributed;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/** Wrong shapes are errors that name the layer and the shapes involved, never silent broadcasting. */
class BadInputTest {

    static Stream<RecurrentLayer<?>> layers() {
        SplittableRandom r = new SplittableRandom(1);
        return Stream.of(new SimpleRNN(SimpleRNN.Config.of(3, 4), r), new LSTM(LSTM.Config.of(3, 4), r),
                new GRU(GRU.Config.of(3, 4), r), new GRU(GRU.Config.of(3, 4).resetAfter(false).name("gru_b"), r));
    }

    private static Masked x(int... dims) {
        return Masked.of(Variable.constant(Tensor.zeros(Shape.of(dims))));
    }

    private static void assertFails(Layer layer, List<Masked> inputs, String... mentions) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> layer.call(inputs, Context.inference()));
        assertTrue(e.getMessage().contains(layer.name()), "names the layer: " + e.getMessage());
        for (String m : mentions) {
            assertTrue(e.getMessage().contains(m), "mentions " + m + ": " + e.getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource("layers")
    void wrongFeatureSizeOrRank(RecurrentLayer<?> layer) {
        assertFails(layer, List.of(x(2, 5, 7)), "(2, 5, 7)", "3");
        assertFails(layer, List.of(x(2, 3)), "(2, 3)");
    }

    @ParameterizedTest
    @MethodSource("layers")
    void wrongInitialState(RecurrentLayer<?> layer) {
        Masked[] states = new Masked[layer.stateCount()];
        java.util.Arrays.fill(states, x(2, 4));
        states[states.length - 1] = x(2, 6);
        List<Masked> in = new java.util.ArrayList<>(List.of(x(2, 5, 3)));
        in.addAll(List.of(states));
        assertFails(layer, in, "(2, 6)", "(2, 4)");
        assertFails(layer, List.of(x(2, 5, 3), x(2, 4), x(2, 4), x(2, 4)), "4 inputs");
    }

    @ParameterizedTest
    @MethodSource("layers")
    void maskOfTheWrongShape(RecurrentLayer<?> layer) {
        Masked bad = new Masked(Variable.constant(Tensor.zeros(2, 5, 3)), Tensor.ones(2, 4));
        assertFails(layer, List.of(bad), "(2, 4)", "(2, 5)");
    }

    @Test
    void bidirectionalChecksInputsAndPassesTheInnerErrorsOn() {
        Bidirectional bi = new Bidirectional(Bidirectional.Config.of(), new LSTM(LSTM.Config.of(3, 4),
                new SplittableRandom(1)), new SplittableRandom(2));
        assertFails(bi, List.of(x(2, 5, 3), x(2, 4)), "2 inputs");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> bi.call(List.of(x(2, 5, 8)), Context.inference()));
        assertTrue(e.getMessage().contains("forward_lstm") && e.getMessage().contains("(2, 5, 8)"), e.getMessage());
    }

    @Test
    void timeDistributedNeedsATimeAxis() {
        TimeDistributed td = new TimeDistributed(TimeDistributed.Config.of(), new Dense(Dense.Config.of(3, 2),
                new SplittableRandom(1)));
        assertFails(td, List.of(x(2, 3)), "(2, 3)");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> td.call(List.of(x(2, 5, 4)), Context.inference()));
        assertTrue(e.getMessage().contains("dense"), e.getMessage());
    }

    @Test
    void badRatesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> RnnOptions.defaults().dropout(1f));
        assertThrows(IllegalArgumentException.class, () -> RnnOptions.defaults().recurrentDropout(-0.1f));
    }
}
