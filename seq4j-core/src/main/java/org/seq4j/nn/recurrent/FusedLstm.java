package org.seq4j.nn.recurrent;

import java.util.List;
import org.seq4j.autograd.Variable;
import org.seq4j.nn.Activation;
import org.seq4j.tensor.LstmSequence;
import org.seq4j.tensor.Tensor;

/**
 * The whole-sequence LSTM primitive: the {@link LstmCell} recurrence of {@link Recurrence#run} as one graph node
 * whose backward is backpropagation through time ({@link LstmSequence}), instead of ~10 nodes per step. It applies
 * to Keras' default activations (σ, tanh) without dropout; masks, goBackwards, initial states and both outputs are
 * honoured. {@code FusedRecurrenceTest} proves it equal to the composed cell, forward and every gradient.
 */
final class FusedLstm {
    private FusedLstm() {}

    /** Whether the fused path computes exactly what {@link Recurrence#run} would. */
    static boolean applies(LstmCell cell, Tensor mask, RnnOptions o, DropoutMasks dropout) {
        return cell.activation() == Activation.TANH && cell.recurrentActivation() == Activation.SIGMOID
                && dropout.input().isEmpty() && dropout.recurrent().isEmpty()
                && !(mask != null && o.zeroOutputForMask());
    }

    static Recurrence.Result<LstmState> run(LstmCell cell, Variable x, LstmState initial, Tensor mask, RnnOptions o) {
        int t = x.shape().dim(1);
        // time-major x·W; the bias joins inside the primitive, saving a (T, B, 4u) temporary and its gradient
        Variable xw = Gates.project(x.permute(1, 0, 2), cell.kernel(), null, List.of());   // (T, B, 4u)
        Variable packed = sequence(xw, cell.recurrentKernel(), cell.bias(), initial.h(), initial.c(), mask,
                o.goBackwards());
        Variable last = packed.select(0, t - 1);                                     // (B, u)
        Variable sequence = o.returnSequences() ? packed.narrow(0, 0, t).permute(1, 0, 2) : null;   // (B, T, u)
        return new Recurrence.Result<>(sequence, last, new LstmState(last, packed.select(0, t)));
    }

    /**
     * xw (T, B, 4u) = x·W, U (u, 4u), bias (4u) or null, h0 and c0 (B, u) → (T + 1, B, u): h after every step,
     * then the final c.
     */
    static Variable sequence(Variable xw, Variable u, Variable bias, Variable h0, Variable c0, Tensor mask,
                             boolean reverse) {
        LstmSequence.Forward f = LstmSequence.forward(xw.value(), u.value(), bias == null ? null : bias.value(),
                h0.value(), c0.value(), mask, reverse);
        if (bias == null) {
            return Variable.op("lstm_sequence", f.output(), g -> {
                LstmSequence.Grads d = LstmSequence.backward(f.saved(), g, false);
                return new Tensor[] {d.xw(), d.recurrentKernel(), d.h0(), d.c0()};
            }, xw, u, h0, c0);
        }
        return Variable.op("lstm_sequence", f.output(), g -> {
            LstmSequence.Grads d = LstmSequence.backward(f.saved(), g, true);
            return new Tensor[] {d.xw(), d.recurrentKernel(), d.bias(), d.h0(), d.c0()};
        }, xw, u, bias, h0, c0);
    }
}
