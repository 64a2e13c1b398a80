package org.seq4j.nn.recurrent;

import java.util.List;
import org.seq4j.autograd.Variable;
import org.seq4j.nn.Activation;
import org.seq4j.tensor.GruSequence;
import org.seq4j.tensor.Tensor;

/**
 * The whole-sequence GRU primitive (reset after, the Keras 2/3 default and PyTorch's form), as {@link FusedLstm}
 * for the {@link GruCell}: one graph node, backward through time in {@link GruSequence}. The reset-before form
 * and non-default activations or dropout take the composed path.
 */
final class FusedGru {
    private FusedGru() {}

    static boolean applies(GruCell cell, Tensor mask, RnnOptions o, DropoutMasks dropout) {
        return cell.resetAfter() && cell.activation() == Activation.TANH
                && cell.recurrentActivation() == Activation.SIGMOID
                && dropout.input().isEmpty() && dropout.recurrent().isEmpty()
                && !(mask != null && o.zeroOutputForMask());
    }

    static Recurrence.Result<HiddenState> run(GruCell cell, Variable x, HiddenState initial, Tensor mask,
                                              RnnOptions o) {
        int t = x.shape().dim(1);
        Variable xw = cell.project(x.permute(1, 0, 2), List.of());                  // (T, B, 3u), time-major
        Variable recurrentBias = cell.bias() == null ? null : cell.bias().select(0, 1);      // (3u)
        Variable hs = sequence(xw, cell.recurrentKernel(), recurrentBias, initial.h(), mask, o.goBackwards());
        Variable last = hs.select(0, t - 1);                                         // (B, u)
        Variable sequence = o.returnSequences() ? hs.permute(1, 0, 2) : null;       // (B, T, u)
        return new Recurrence.Result<>(sequence, last, new HiddenState(last));
    }

    /** xw (T, B, 3u), U (u, 3u), b' (3u) or null, h0 (B, u) → h after every step (T, B, u). */
    static Variable sequence(Variable xw, Variable u, Variable bias, Variable h0, Tensor mask, boolean reverse) {
        GruSequence.Forward f = GruSequence.forward(xw.value(), u.value(), bias == null ? null : bias.value(),
                h0.value(), mask, reverse);
        if (bias == null) {
            return Variable.op("gru_sequence", f.output(), g -> {
                GruSequence.Grads d = GruSequence.backward(f.saved(), g, false);
                return new Tensor[] {d.xw(), d.recurrentKernel(), d.h0()};
            }, xw, u, h0);
        }
        return Variable.op("gru_sequence", f.output(), g -> {
            GruSequence.Grads d = GruSequence.backward(f.saved(), g, true);
            return new Tensor[] {d.xw(), d.recurrentKernel(), d.bias(), d.h0()};
        }, xw, u, bias, h0);
    }
}
