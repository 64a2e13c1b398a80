package org.seq4j.nn.recurrent;

import static org.seq4j.autograd.GradCheck.check;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.seq4j.autograd.Variable;
import org.seq4j.nn.Activation;
import org.seq4j.nn.Context;
import org.seq4j.nn.Dense;
import org.seq4j.nn.Layer;
import org.seq4j.nn.Masked;
import org.seq4j.nn.Masking;
import org.seq4j.nn.TimeDistributed;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/**
 * Finite-difference gradient checks of every cell run over time by {@link Recurrence}, with respect to the input,
 * every weight and the initial state, through masks (post- and pre-padding), go_backwards, sequences and fixed
 * dropout masks; and of the wrappers (Bidirectional, TimeDistributed, Masking) with respect to their input.
 */
class RecurrentGradCheckTest {
    private static final int B = 2;
    private static final int T = 4;
    private static final int F = 3;
    private static final int U = 2;
    private final SplittableRandom rng = new SplittableRandom(11);

    private Tensor rand(float scale, int... dims) {
        return Tensor.uniform(Shape.of(dims), -scale, scale, rng);
    }

    /** Post-padded row 0 (3 real steps), pre-padded row 1 (2 real steps). */
    private static Tensor mask() {
        return Tensor.of(new float[] {1, 1, 1, 0, 0, 0, 1, 1}, B, T);
    }

    private void checkCell(Function<List<Variable>, RecurrentCell<? extends CellState>> cellOf, int gates,
                           Tensor bias, int stateParts) {
        for (RnnOptions o : List.of(RnnOptions.defaults(), RnnOptions.defaults().returnSequences(true),
                RnnOptions.defaults().goBackwards(true).returnSequences(true))) {
            for (Tensor mask : new Tensor[] {null, mask()}) {
                List<Tensor> inputs = new java.util.ArrayList<>(List.of(rand(1f, B, T, F), rand(0.7f, F, gates * U),
                        rand(0.7f, U, gates * U), bias));
                for (int s = 0; s < stateParts; s++) {
                    inputs.add(rand(0.8f, B, U));
                }
                check(v -> run(cellOf.apply(v), v, mask, o, DropoutMasks.none()), inputs);
            }
        }
        // fixed dropout masks (one per gate, as drawn in training)
        Context ctx = Context.training(new SplittableRandom(5));
        DropoutMasks d = DropoutMasks.draw(ctx, 0.3f, 0.3f, B, F, U, gates);
        List<Tensor> inputs = new java.util.ArrayList<>(List.of(rand(1f, B, T, F), rand(0.7f, F, gates * U),
                rand(0.7f, U, gates * U), bias));
        for (int s = 0; s < stateParts; s++) {
            inputs.add(rand(0.8f, B, U));
        }
        check(v -> run(cellOf.apply(v), v, mask(), RnnOptions.defaults().returnSequences(true), d), inputs);
    }

    @SuppressWarnings("unchecked")
    private static <S extends CellState> Variable run(RecurrentCell<S> cell, List<Variable> v, Tensor mask,
                                                      RnnOptions o, DropoutMasks d) {
        S initial = cell.state(v.subList(4, v.size()));
        Recurrence.Result<S> r = Recurrence.run(cell, v.get(0), initial, mask, o, d);
        Variable out = o.returnSequences() ? r.sequence() : r.last();
        // the final state enters the checked function too
        for (Variable p : r.state().parts()) {
            out = o.returnSequences() ? out.add(p.unsqueeze(1)) : out.add(p);
        }
        return out;
    }

    @Test
    void simpleRnnCell() {
        checkCell(v -> new SimpleRnnCell(v.get(1), v.get(2), v.get(3), Activation.TANH), 1, rand(0.5f, U), 1);
    }

    @Test
    void lstmCell() {
        checkCell(v -> new LstmCell(v.get(1), v.get(2), v.get(3), Activation.TANH, Activation.SIGMOID), 4,
                rand(0.5f, 4 * U), 2);
    }

    @Test
    void lstmCellHardSigmoid() {
        checkCell(v -> new LstmCell(v.get(1), v.get(2), v.get(3), Activation.TANH, Activation.HARD_SIGMOID), 4,
                rand(0.5f, 4 * U), 2);
    }

    @Test
    void gruCellResetAfter() {
        checkCell(v -> new GruCell(v.get(1), v.get(2), v.get(3), Activation.TANH, Activation.SIGMOID, true), 3,
                rand(0.5f, 2, 3 * U), 1);
    }

    @Test
    void gruCellResetBefore() {
        checkCell(v -> new GruCell(v.get(1), v.get(2), v.get(3), Activation.TANH, Activation.SIGMOID, false), 3,
                rand(0.5f, 3 * U), 1);
    }

    private static void checkLayerInput(Layer layer, Tensor x, Tensor mask) {
        check(v -> layer.call(List.of(new Masked(v.get(0), mask)), Context.inference()).get(0).value(), List.of(x));
    }

    /** The layers themselves, with respect to x and the initial states, all outputs (sequence and states) checked. */
    @Test
    void layersWithInitialStates() {
        SplittableRandom r = new SplittableRandom(12);
        for (RecurrentLayer<?> layer : List.of(
                new SimpleRNN(SimpleRNN.Config.of(F, U).returnSequences(true).returnState(true), r),
                new LSTM(LSTM.Config.of(F, U).returnSequences(true).returnState(true).goBackwards(true), r),
                new GRU(GRU.Config.of(F, U).returnSequences(true).returnState(true), r),
                new GRU(GRU.Config.of(F, U).resetAfter(false).returnState(true), r))) {
            List<Tensor> inputs = new java.util.ArrayList<>(List.of(rand(1f, B, T, F)));
            for (int s = 0; s < layer.stateCount(); s++) {
                inputs.add(rand(0.8f, B, U));
            }
            check(v -> {
                List<Masked> in = new java.util.ArrayList<>(List.of(new Masked(v.get(0), mask())));
                v.subList(1, v.size()).forEach(s -> in.add(Masked.of(s)));
                List<Masked> out = layer.call(in, Context.inference());
                Variable y = out.get(0).value();
                for (Masked s : out.subList(1, out.size())) {
                    y = y.shape().rank() == 3 ? y.add(s.value().unsqueeze(1)) : y.add(s.value());
                }
                return y;
            }, inputs);
        }
    }

    @Test
    void bidirectionalEveryMergeMode() {
        for (Bidirectional.MergeMode m : Bidirectional.MergeMode.values()) {
            Bidirectional bi = new Bidirectional(Bidirectional.Config.of().mergeMode(m),
                    new GRU(GRU.Config.of(F, U).returnSequences(true), new SplittableRandom(2)),
                    new SplittableRandom(3));
            checkLayerInput(bi, rand(1f, B, T, F), mask());
            Bidirectional last = new Bidirectional(Bidirectional.Config.of().mergeMode(m),
                    new LSTM(LSTM.Config.of(F, U), new SplittableRandom(2)), new SplittableRandom(3));
            checkLayerInput(last, rand(1f, B, T, F), null);
        }
    }

    @Test
    void timeDistributedAndMasking() {
        TimeDistributed td = new TimeDistributed(TimeDistributed.Config.of(),
                new Dense(Dense.Config.of(F, 2).activation(Activation.TANH), new SplittableRandom(4)));
        checkLayerInput(td, rand(1f, B, T, F), null);
        // the mask is data: at a padded step (all features = maskValue) the output is not differentiable in x, so
        // the check runs where every step is real; MaskingContractTest covers the zero gradient at padded steps
        checkLayerInput(new Masking(Masking.Config.of().maskValue(5f)), rand(1f, B, T, F), null);
    }
}
