package org.seq4j.nn.recurrent;

import java.util.ArrayList;
import java.util.List;
import org.seq4j.autograd.Arithmetic;
import org.seq4j.autograd.Shaping;
import org.seq4j.autograd.Variable;
import org.seq4j.tensor.Tensor;

/**
 * The generic runner over time (Keras' {@code backend.rnn}) for any {@link RecurrentCell}: one input GEMM for the
 * whole sequence, then one cell step per time step, in reverse for {@code goBackwards}.
 *
 * <p>Masks (B, T), 1 = real step: at a masked step the state is carried unchanged, s_t = m_t ? s'_t : s_{t−1}, and
 * the output is o_t = m_t ? o'_t : h_{t−1} (the previous output, or the initial h before any real step), or 0 with
 * {@code zeroOutputForMask}. So the last output is the output at the last real step. This is tfjs' and Keras 3's
 * JAX/PyTorch rule; Keras' TensorFlow backend repeats zeros before the first real step instead, which differs only
 * when a non-zero initial state meets leading padding. The returned sequence is in processing order.
 */
public final class Recurrence {
    private Recurrence() {}

    /** The sequence (B, T, u) or null, the output of the last processed step (B, u), and the final state. */
    public record Result<S extends CellState>(Variable sequence, Variable last, S state) {}

    /** From the zero state, without mask or dropout (candle's {@code seq}). */
    public static <S extends CellState> Result<S> run(RecurrentCell<S> cell, Variable x, RnnOptions options) {
        return run(cell, x, cell.zeroState(x.shape().dim(0)), null, options, DropoutMasks.none());
    }

    public static <S extends CellState> Result<S> run(RecurrentCell<S> cell, Variable x, S initial, Tensor mask,
                                                      RnnOptions options, DropoutMasks dropout) {
        Variable xw = cell.project(x, dropout.input());                           // (B, T, k·u)
        List<Variable> steps = unstack(xw);                                       // T × (B, k·u)
        int t = steps.size();
        S state = initial;
        Variable previous = initial.h();                                          // (B, u)
        List<Variable> outputs = new ArrayList<>(options.returnSequences() ? t : 0);
        for (int s = 0; s < t; s++) {
            int time = options.goBackwards() ? t - 1 - s : s;
            Step<S> step = cell.stepProjected(steps.get(time), state, dropout.recurrent());
            Variable out = step.output();
            S next = step.state();
            if (mask != null) {
                Tensor keep = mask.select(1, time).unsqueeze(1);                  // (B, 1)
                next = cell.state(carry(keep, next.parts(), state.parts()));
                Variable fallback = options.zeroOutputForMask()
                        ? Variable.constant(Tensor.zeros(out.shape())) : state.h();
                out = Arithmetic.where(keep, out, fallback);
            }
            state = next;
            previous = out;
            if (options.returnSequences()) {
                outputs.add(out);
            }
        }
        Variable sequence = options.returnSequences() ? Shaping.stack(1, outputs) : null;  // (B, T, u)
        return new Result<>(sequence, previous, state);
    }

    private static List<Variable> carry(Tensor keep, List<Variable> fresh, List<Variable> old) {
        List<Variable> out = new ArrayList<>(fresh.size());
        for (int i = 0; i < fresh.size(); i++) {
            out.add(Arithmetic.where(keep, fresh.get(i), old.get(i)));
        }
        return out;
    }

    /**
     * The steps of a (B, T, K) sequence as T (B, K) views. They are cut by halving, not by T selects: each select's
     * gradient is a zero-padded tensor of the full sequence, so T of them would cost O(T²) in backward; halving
     * costs O(T log T).
     */
    static List<Variable> unstack(Variable seq) {
        List<Variable> out = new ArrayList<>(seq.shape().dim(1));
        halve(seq, out);
        return out;
    }

    private static void halve(Variable part, List<Variable> out) {
        int n = part.shape().dim(1);
        if (n == 1) {
            out.add(part.select(1, 0));
            return;
        }
        if (n == 0) {
            return;
        }
        int half = n / 2;
        halve(part.narrow(1, 0, half), out);
        halve(part.narrow(1, half, n - half), out);
    }
}
