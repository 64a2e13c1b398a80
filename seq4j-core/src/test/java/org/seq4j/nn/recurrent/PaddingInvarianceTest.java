package org.seq4j.nn.recurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.seq4j.autograd.Variable;
import org.seq4j.nn.Context;
import org.seq4j.nn.Layer;
import org.seq4j.nn.Masked;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/**
 * Padding a batch with masked steps of garbage — row 0 post-padded, row 1 pre-padded — changes neither the
 * outputs at real steps, nor the last output and final states, nor the weight gradients; padded steps get a zero
 * input gradient. For every recurrent layer, both directions and Bidirectional.
 */
class PaddingInvarianceTest {
    private static final int B = 2;
    private static final int T = 4;
    private static final int P = 3;
    private static final int F = 3;
    private static final int U = 3;
    private static final float TOL = 1e-5f;

    /** A layer, and whether its sequence output is in reversed processing order (go_backwards). */
    record Case(String label, Supplier<Layer> make, boolean reversed) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (boolean seq : new boolean[] {false, true}) {
            for (boolean back : new boolean[] {false, true}) {
                String s = (seq ? " seq" : " last") + (back ? " backwards" : "");
                out.add(new Case("SimpleRNN" + s, () -> new SimpleRNN(SimpleRNN.Config.of(F, U).returnSequences(seq)
                        .goBackwards(back).returnState(true), new SplittableRandom(1)), back));
                out.add(new Case("LSTM" + s, () -> new LSTM(LSTM.Config.of(F, U).returnSequences(seq).goBackwards(back)
                        .returnState(true), new SplittableRandom(2)), back));
                out.add(new Case("GRU" + s, () -> new GRU(GRU.Config.of(F, U).returnSequences(seq).goBackwards(back)
                        .returnState(true), new SplittableRandom(3)), back));
                out.add(new Case("GRU reset_before" + s, () -> new GRU(GRU.Config.of(F, U).resetAfter(false)
                        .returnSequences(seq).goBackwards(back).returnState(true), new SplittableRandom(4)), back));
            }
            out.add(new Case("Bidirectional(LSTM)" + (seq ? " seq" : " last"), () -> new Bidirectional(
                    Bidirectional.Config.of(), new LSTM(LSTM.Config.of(F, U).returnSequences(seq).returnState(true),
                    new SplittableRandom(5)), new SplittableRandom(6)), false));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void paddingWithAMaskChangesNothing(Case c) {
        Layer layer = c.make().get();
        Tensor x = Tensor.uniform(Shape.of(B, T, F), -1f, 1f, new SplittableRandom(7));
        Tensor garbage = Tensor.uniform(Shape.of(B, P, F), -3f, 3f, new SplittableRandom(8));
        // row 0: x then padding; row 1: padding then x
        Tensor padded = Tensor.concat(0, Tensor.concat(1, x.narrow(0, 0, 1), garbage.narrow(0, 0, 1)),
                Tensor.concat(1, garbage.narrow(0, 1, 1), x.narrow(0, 1, 1)));       // (B, T + P, F)
        float[] m = new float[B * (T + P)];
        int[] start = {0, P};
        for (int b = 0; b < B; b++) {
            for (int t = start[b]; t < start[b] + T; t++) {
                m[b * (T + P) + t] = 1f;
            }
        }
        Tensor mask = Tensor.of(m, B, T + P);

        Variable xv = Variable.parameter(x);
        List<Masked> plain = layer.call(List.of(Masked.of(xv)), Context.inference());
        List<Tensor> plainGrads = backward(layer, plain);
        Variable pv = Variable.parameter(padded);
        List<Masked> masked = layer.call(List.of(new Masked(pv, mask)), Context.inference());

        assertEquals(plain.size(), masked.size());
        for (int i = 0; i < plain.size(); i++) {
            Tensor a = plain.get(i).value().value();
            Tensor b = masked.get(i).value().value();
            if (a.rank() == 2) {
                assertClose(c + " output " + i, a, b);
                continue;
            }
            for (int row = 0; row < B; row++) {
                // real steps sit at start[row]..; in processing order (go_backwards) at the mirrored place
                int at = c.reversed() ? T + P - start[row] - T : start[row];
                assertClose(c + " output " + i + " row " + row, a.narrow(0, row, 1),
                        b.narrow(0, row, 1).narrow(1, at, T));
            }
        }
        List<Tensor> maskedGrads = backward(layer, masked);
        for (int i = 0; i < plainGrads.size(); i++) {
            assertClose(c + " weight gradient " + i, plainGrads.get(i), maskedGrads.get(i));
        }
        Tensor gx = pv.grad();
        for (int b = 0; b < B; b++) {
            Tensor real = gx.narrow(0, b, 1).narrow(1, start[b], T);
            Tensor pad = gx.narrow(0, b, 1).narrow(1, start[b] == 0 ? T : 0, P);
            assertClose(c + " input gradient row " + b, xv.grad().narrow(0, b, 1), real);
            assertTrue(pad.abs().sum().item() == 0f, c + " padded steps get no gradient");
        }
    }

    /** Before the first real step a masked step repeats the initial h (tfjs, Keras 3 JAX/PyTorch), then the state. */
    @Test
    void leadingPaddingRepeatsTheInitialState() {
        LSTM lstm = new LSTM(LSTM.Config.of(F, U).returnSequences(true).returnState(true), new SplittableRandom(9));
        Tensor x = Tensor.uniform(Shape.of(1, T, F), -1f, 1f, new SplittableRandom(10));
        Tensor padded = Tensor.concat(1, Tensor.uniform(Shape.of(1, P, F), -1f, 1f, new SplittableRandom(11)), x);
        float[] m = new float[T + P];
        java.util.Arrays.fill(m, P, T + P, 1f);
        Masked h0 = Masked.of(Variable.constant(Tensor.uniform(Shape.of(1, U), -1f, 1f, new SplittableRandom(12))));
        Masked c0 = Masked.of(Variable.constant(Tensor.uniform(Shape.of(1, U), -1f, 1f, new SplittableRandom(13))));
        List<Masked> plain = lstm.call(List.of(Masked.of(Variable.constant(x)), h0, c0), Context.inference());
        List<Masked> masked = lstm.call(List.of(new Masked(Variable.constant(padded), Tensor.of(m, 1, T + P)), h0, c0),
                Context.inference());
        Tensor seq = masked.get(0).value().value();
        for (int t = 0; t < P; t++) {
            assertClose("padded step " + t, h0.value().value(), seq.select(1, t));
        }
        assertClose("real steps", plain.get(0).value().value(), seq.narrow(1, P, T));
        assertClose("state_c", plain.get(2).value().value(), masked.get(2).value().value());
    }

    /** Back-propagates Σ(last output + final states) and returns the weight gradients (then clears them). */
    private static List<Tensor> backward(Layer layer, List<Masked> outs) {
        layer.weights().values().forEach(Variable::zeroGrad);
        Variable loss = null;
        for (int i = 0; i < outs.size(); i++) {
            Variable o = outs.get(i).value();
            Variable term = o.shape().rank() == 2 ? o.mul(1f + i).sum() : null;
            if (term != null) {
                loss = loss == null ? term : loss.add(term);
            }
        }
        loss.backward();
        List<Tensor> grads = new ArrayList<>();
        layer.weights().values().forEach(w -> grads.add(w.grad()));
        return grads;
    }

    private static void assertClose(String what, Tensor expected, Tensor actual) {
        assertEquals(expected.shape(), actual.shape(), what);
        assertTrue(expected.allClose(actual, 0f, TOL), what + ": expected " + expected + " got " + actual);
    }
}
