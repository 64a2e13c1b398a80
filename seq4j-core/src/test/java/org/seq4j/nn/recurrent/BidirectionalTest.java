package org.seq4j.nn.recurrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.seq4j.autograd.Variable;
import org.seq4j.nn.Context;
import org.seq4j.nn.Masked;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/** Bidirectional as the composition of its two layers: alignment, initial states, states returned, masks. */
class BidirectionalTest {
    private static final int B = 2;
    private static final int T = 5;
    private static final int F = 3;
    private static final int U = 2;

    private static Tensor rand(long seed, int... dims) {
        return Tensor.uniform(Shape.of(dims), -1f, 1f, new SplittableRandom(seed));
    }

    private static List<Tensor> values(List<Masked> out) {
        return out.stream().map(m -> m.value().value()).toList();
    }

    @Test
    void equalsItsTwoLayersWithInitialStatesAndReturnedStates() {
        Bidirectional bi = new Bidirectional(Bidirectional.Config.of().mergeMode(Bidirectional.MergeMode.NONE),
                new LSTM(LSTM.Config.of(F, U).returnSequences(true).returnState(true), new SplittableRandom(1)),
                new SplittableRandom(2));
        Masked x = Masked.of(Variable.constant(rand(3, B, T, F)));
        List<Masked> states = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            states.add(Masked.of(Variable.constant(rand(10 + i, B, U))));
        }
        List<Masked> in = new ArrayList<>(List.of(x));
        in.addAll(states);
        List<Tensor> out = values(bi.call(in, Context.inference()));
        List<Tensor> fwd = values(bi.forwardLayer().call(List.of(x, states.get(0), states.get(1)),
                Context.inference()));
        List<Tensor> bwd = values(bi.backwardLayer().call(List.of(x, states.get(2), states.get(3)),
                Context.inference()));
        assertEquals(2 + 2 + 2, out.size(), "fwd, bwd, fwd h, fwd c, bwd h, bwd c");
        assertArrayEquals(fwd.get(0).toArray(), out.get(0).toArray());
        for (int t = 0; t < T; t++) {
            assertArrayEquals(bwd.get(0).select(1, T - 1 - t).contiguous().toArray(),
                    out.get(1).select(1, t).contiguous().toArray(), "backward output re-aligned with input step " + t);
        }
        assertArrayEquals(fwd.get(1).toArray(), out.get(2).toArray());
        assertArrayEquals(fwd.get(2).toArray(), out.get(3).toArray());
        assertArrayEquals(bwd.get(1).toArray(), out.get(4).toArray());
        assertArrayEquals(bwd.get(2).toArray(), out.get(5).toArray());
        // the backward sequence re-aligned: its value at input step 0 is the backward layer's last output
        assertArrayEquals(bwd.get(1).toArray(), out.get(1).select(1, 0).contiguous().toArray());
    }

    @Test
    void maskedStepsAreZerosInTheSequenceAsInKeras() {
        Bidirectional bi = new Bidirectional(Bidirectional.Config.of(),
                new GRU(GRU.Config.of(F, U).returnSequences(true), new SplittableRandom(1)), new SplittableRandom(2));
        Tensor mask = Tensor.of(new float[] {1, 1, 1, 0, 0, 0, 0, 1, 1, 1}, B, T);
        Masked out = bi.call(List.of(new Masked(Variable.constant(rand(3, B, T, F)), mask)), Context.inference())
                .get(0);
        assertEquals(mask, out.mask());
        Tensor y = out.value().value();                                           // (B, T, 2U)
        for (int b = 0; b < B; b++) {
            for (int t = 0; t < T; t++) {
                float size = y.select(0, b).select(0, t).abs().sum().item();
                assertTrue(mask.get(b, t) == 0f ? size == 0f : size > 0f, "row " + b + " step " + t);
            }
        }
    }

    @Test
    void unbiasedLayersHaveNoBiasWeight() {
        GRU gru = new GRU(GRU.Config.of(F, U).useBias(false), new SplittableRandom(1));
        assertEquals(List.of("kernel", "recurrent_kernel"), List.copyOf(gru.weights().keySet()));
        assertEquals(3 * (F + U) * U, gru.countParams());
        LSTM lstm = new LSTM(LSTM.Config.of(F, U).useBias(false), new SplittableRandom(1));
        assertEquals(4 * (F + U) * U, lstm.countParams());
        Bidirectional bi = new Bidirectional(Bidirectional.Config.of(), lstm, new SplittableRandom(2));
        assertEquals(2 * 4 * (F + U) * U, bi.countParams());
        assertEquals(List.of(Shape.of(B, 2 * U)), bi.outputShapes(List.of(Shape.of(B, T, F))));
    }
}
