package org.seq4j.nn.recurrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.seq4j.autograd.Shaping;
import org.seq4j.autograd.Variable;
import org.seq4j.nn.Activation;
import org.seq4j.nn.Context;
import org.seq4j.nn.Masked;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/** The cell API used directly (zeroState + step, candle style), and variational dropout's one mask per sequence. */
class DropoutAndStepTest {
    private static final int B = 2;
    private static final int T = 5;
    private static final int F = 3;
    private static final int U = 4;

    @Test
    void steppingACellByHandEqualsTheLayer() {
        for (RecurrentLayer<?> layer : List.of(
                new LSTM(LSTM.Config.of(F, U).returnSequences(true), new SplittableRandom(1)),
                new GRU(GRU.Config.of(F, U).returnSequences(true), new SplittableRandom(2)),
                new GRU(GRU.Config.of(F, U).resetAfter(false).returnSequences(true), new SplittableRandom(3)),
                new SimpleRNN(SimpleRNN.Config.of(F, U).returnSequences(true), new SplittableRandom(4)))) {
            Tensor x = Tensor.uniform(Shape.of(B, T, F), -1f, 1f, new SplittableRandom(5));
            Tensor expected = layer.call(List.of(Masked.of(Variable.constant(x))), Context.inference()).get(0)
                    .value().value();
            assertTrue(byHand(layer.cell(), x).allClose(expected, 0f, 1e-6f), layer.className());
            Tensor runner = Recurrence.run(layer.cell(), Variable.constant(x), layer.options()).sequence().value();
            // the layer may run the fused whole-sequence primitive, whose gate formulas round differently
            assertTrue(runner.allClose(expected, 0f, 1e-6f), layer.className());
        }
    }

    private static <S extends CellState> Tensor byHand(RecurrentCell<S> cell, Tensor x) {
        S state = cell.zeroState(B);
        state.parts().forEach(p -> assertEquals(Shape.of(B, U), p.shape()));
        List<Variable> outs = new ArrayList<>();
        for (int t = 0; t < T; t++) {
            Step<S> step = cell.step(Variable.constant(x.select(1, t)), state);
            outs.add(step.output());
            state = step.state();
        }
        return Shaping.stack(1, outs).value();
    }

    /** Linear SimpleRNN with W = I, U = 0, b = 0: h_t = x_t ⊙ m, so a constant input shows the mask at every step. */
    @Test
    void inputDropoutMaskIsOnePerSequence() {
        int n = 32;
        SimpleRNN rnn = new SimpleRNN(SimpleRNN.Config.of(n, n).activation(Activation.LINEAR).returnSequences(true)
                .dropout(0.5f), new SplittableRandom(1));
        rnn.setWeight("kernel", eye(n));
        rnn.setWeight("recurrent_kernel", Tensor.zeros(n, n));
        Tensor x = Tensor.ones(B, T, n);
        Tensor y = rnn.call(List.of(Masked.of(Variable.constant(x))), Context.training(new SplittableRandom(2)))
                .get(0).value().value();
        Tensor first = y.select(1, 0);
        for (int t = 1; t < T; t++) {
            assertArrayEquals(first.toArray(), y.select(1, t).toArray(), "step " + t + " reuses the mask");
        }
        float kept = first.gt(0f).sum().item();
        assertTrue(kept > 0 && kept < B * n, "some units dropped, some kept: " + kept);
        assertTrue(first.eq(0f).add(first.eq(2f)).eq(0f).sum().item() == 0f, "kept units scaled by 1/(1-rate)");
        Tensor inference = rnn.call(List.of(Masked.of(Variable.constant(x))), Context.inference()).get(0).value()
                .value();
        assertArrayEquals(x.toArray(), inference.toArray(), "no dropout in inference");
    }

    /** Linear SimpleRNN with W = 0, U = I, h0 = 1: h_t = h_{t−1} ⊙ m', the same units die at every step. */
    @Test
    void recurrentDropoutMaskIsOnePerSequence() {
        int n = 32;
        SimpleRNN rnn = new SimpleRNN(SimpleRNN.Config.of(1, n).activation(Activation.LINEAR).returnSequences(true)
                .recurrentDropout(0.5f), new SplittableRandom(1));
        rnn.setWeight("kernel", Tensor.zeros(1, n));
        rnn.setWeight("recurrent_kernel", eye(n));
        Tensor y = rnn.call(List.of(Masked.of(Variable.constant(Tensor.ones(B, T, 1))),
                Masked.of(Variable.constant(Tensor.ones(B, n)))), Context.training(new SplittableRandom(3)))
                .get(0).value().value();
        Tensor alive = y.select(1, 0).ne(Tensor.scalar(0f));
        for (int t = 1; t < T; t++) {
            assertArrayEquals(alive.toArray(), y.select(1, t).ne(Tensor.scalar(0f)).toArray(), "step " + t);
            assertEquals((float) Math.pow(2, t + 1), y.select(1, t).max().item(), 0f);
        }
    }

    @Test
    void lstmAndGruDropoutIsSeededAndOnlyInTraining() {
        for (RecurrentLayer<?> layer : List.of(new LSTM(LSTM.Config.of(F, U).dropout(0.3f).recurrentDropout(0.3f),
                new SplittableRandom(1)), new GRU(GRU.Config.of(F, U).dropout(0.3f).recurrentDropout(0.3f),
                new SplittableRandom(1)))) {
            Tensor x = Tensor.uniform(Shape.of(B, T, F), -1f, 1f, new SplittableRandom(5));
            Masked in = Masked.of(Variable.constant(x));
            Tensor a = layer.call(List.of(in), Context.training(new SplittableRandom(7))).get(0).value().value();
            Tensor b = layer.call(List.of(in), Context.training(new SplittableRandom(7))).get(0).value().value();
            Tensor c = layer.call(List.of(in), Context.training(new SplittableRandom(8))).get(0).value().value();
            Tensor inf = layer.call(List.of(in), Context.inference()).get(0).value().value();
            assertArrayEquals(a.toArray(), b.toArray());
            assertFalse(a.allClose(c, 0f, 1e-6f), "another seed, other masks");
            assertFalse(a.allClose(inf, 0f, 1e-6f), "training differs from inference");
        }
    }

    private static Tensor eye(int n) {
        float[] v = new float[n * n];
        for (int i = 0; i < n; i++) {
            v[i * n + i] = 1f;
        }
        return Tensor.of(v, n, n);
    }
}
