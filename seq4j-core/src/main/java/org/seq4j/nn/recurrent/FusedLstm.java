package org.seq4j.nn.recurrent;

import org.seq4j.autograd.Variable;
import org.seq4j.nn.Activation;
import org.seq4j.tensor.BufferPool;
import org.seq4j.tensor.LstmSequence;
import org.seq4j.tensor.Tensor;

/**
 * The whole-sequence LSTM primitive: the {@link LstmCell} recurrence of {@link Recurrence#run}, input projection
 * included, as one graph node whose backward is backpropagation through time ({@link LstmSequence}), instead of
 * ~10 nodes per step. It applies to Keras' default activations (σ, tanh) without dropout; masks, goBackwards,
 * initial states and both outputs are honoured. {@code FusedRecurrenceTest} proves it equal to the composed cell,
 * forward and every gradient.
 */
final class FusedLstm {
    private FusedLstm() {}

    /** Whether the fused path computes exactly what {@link Recurrence#run} would. */
    static boolean applies(LstmCell cell, Tensor mask, RnnOptions o, DropoutMasks dropout) {
        return cell.activation() == Activation.TANH && cell.recurrentActivation() == Activation.SIGMOID
                && dropout.input().isEmpty() && dropout.recurrent().isEmpty()
                && !(mask != null && o.zeroOutputForMask());
    }

    static Recurrence.Result<LstmState> run(LstmCell cell, Variable x, LstmState initial, Tensor mask, RnnOptions o,
                                            BufferPool pool) {
        int t = x.shape().dim(1);
        Variable packed = sequence(x, cell, initial, mask, o.goBackwards(), pool);  // (B, T + 1, u)
        Variable last = packed.select(1, t - 1);                                    // (B, u)
        Variable sequence = o.returnSequences() ? packed.narrow(1, 0, t) : null;    // (B, T, u)
        return new Recurrence.Result<>(sequence, last, new LstmState(last, packed.select(1, t)));
    }

    /** x (B, T, F) → (B, T + 1, u): h after every processed step, then the final c. */
    static Variable sequence(Variable x, LstmCell cell, LstmState initial, Tensor mask, boolean reverse,
                             BufferPool pool) {
        Variable bias = cell.bias();
        LstmSequence.Forward f = LstmSequence.forward(x.value(), cell.kernel().value(),
                cell.recurrentKernel().value(), bias == null ? null : bias.value(), initial.h().value(),
                initial.c().value(), mask, reverse, pool);
        Variable out;
        if (bias == null) {
            out = Variable.op("lstm_sequence", f.output(), g -> {
                LstmSequence.Grads d = LstmSequence.backward(f.saved(), g, false);
                return new Tensor[] {d.x(), d.kernel(), d.recurrentKernel(), d.h0(), d.c0()};
            }, x, cell.kernel(), cell.recurrentKernel(), initial.h(), initial.c());
        } else {
            out = Variable.op("lstm_sequence", f.output(), g -> {
                LstmSequence.Grads d = LstmSequence.backward(f.saved(), g, true);
                return new Tensor[] {d.x(), d.kernel(), d.recurrentKernel(), d.bias(), d.h0(), d.c0()};
            }, x, cell.kernel(), cell.recurrentKernel(), bias, initial.h(), initial.c());
        }
        if (!out.requiresGrad()) {
            f.saved().release();                                                    // no backward will come
        }
        return out;
    }
}
