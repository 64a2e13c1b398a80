package org.seq4j.nn.recurrent;

import java.util.List;
import org.seq4j.autograd.Variable;
import org.seq4j.tensor.Tensor;

/**
 * One step of a recurrence, h_t = f(x_t, h_{t−1}), split so that runners over time are fast: the input half
 * x_t·kernel + b of every step is one GEMM over the whole sequence ({@link #project}), and each step then does only
 * the recurrent half ({@link #stepProjected}). {@link #step} is the plain one-step form.
 *
 * <p>The weights keep Keras' layout: kernel (F, k·units), recurrent_kernel (units, k·units), k gate blocks side by
 * side ({@link #gates()}).
 */
public interface RecurrentCell<S extends CellState> {

    int inputDim();

    int units();

    /** The number k of gate blocks in the kernels (SimpleRNN 1, GRU 3, LSTM 4). */
    int gates();

    /** Zeros of shape (batch, units) for every part. */
    S zeroState(int batch);

    /** A state from its parts in Keras order (initial-state inputs); shapes are checked by the caller. */
    S state(List<Variable> parts);

    /**
     * x (B, T, F) → x·kernel + input bias (B, T, k·units), one GEMM for all steps. With input dropout, gate block g
     * sees x ⊙ inputMasks[g] (each (B, F), the same at every step).
     */
    Variable project(Variable x, List<Tensor> inputMasks);

    /** One step from the projected input xw_t (B, k·units); recurrentMasks[g] (B, units) drops h_{t−1} in gate g. */
    Step<S> stepProjected(Variable xw, S state, List<Tensor> recurrentMasks);

    /** One step from the raw input x_t (B, F), without dropout. */
    default Step<S> step(Variable x, S state) {
        return stepProjected(project(x.unsqueeze(1), List.of()).squeeze(1), state, List.of());
    }
}
