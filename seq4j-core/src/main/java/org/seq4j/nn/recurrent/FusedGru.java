package org.seq4j.nn.recurrent;

import java.util.ArrayList;
import java.util.List;
import org.seq4j.autograd.Variable;
import org.seq4j.nn.Activation;
import org.seq4j.tensor.BufferPool;
import org.seq4j.tensor.GruSequence;
import org.seq4j.tensor.Tensor;

/**
 * The whole-sequence GRU primitive (reset after, the Keras 2/3 default and PyTorch's form), as {@link FusedLstm}
 * for the {@link GruCell}: one graph node, input projection included, backward through time in
 * {@link GruSequence}. The reset-before form and non-default activations or dropout take the composed path.
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
                                              RnnOptions o, BufferPool pool) {
        int t = x.shape().dim(1);
        Variable hs = sequence(x, cell, initial.h(), mask, o.goBackwards(), pool);  // (B, T, u)
        Variable last = hs.select(1, t - 1);                                         // (B, u)
        return new Recurrence.Result<>(o.returnSequences() ? hs : null, last, new HiddenState(last));
    }

    /** x (B, T, F) → h after every processed step (B, T, u). */
    static Variable sequence(Variable x, GruCell cell, Variable h0, Tensor mask, boolean reverse, BufferPool pool) {
        // bias (2, 3u): row 0 the input bias, row 1 the recurrent b'
        Variable inputBias = cell.bias() == null ? null : cell.bias().select(0, 0);
        Variable recurrentBias = cell.bias() == null ? null : cell.bias().select(0, 1);
        GruSequence.Forward f = GruSequence.forward(x.value(), cell.kernel().value(), cell.recurrentKernel().value(),
                inputBias == null ? null : inputBias.value(), recurrentBias == null ? null : recurrentBias.value(),
                h0.value(), mask, reverse, pool);
        boolean biased = inputBias != null;
        List<Variable> inputs = new ArrayList<>(List.of(x, cell.kernel(), cell.recurrentKernel(), h0));
        if (biased) {
            inputs.addAll(List.of(inputBias, recurrentBias));
        }
        Variable out = Variable.op("gru_sequence", f.output(), g -> {
            GruSequence.Grads d = GruSequence.backward(f.saved(), g, biased, biased);
            return biased
                    ? new Tensor[] {d.x(), d.kernel(), d.recurrentKernel(), d.h0(), d.inputBias(), d.recurrentBias()}
                    : new Tensor[] {d.x(), d.kernel(), d.recurrentKernel(), d.h0()};
        }, inputs.toArray(Variable[]::new));
        if (!out.requiresGrad()) {
            f.saved().release();                                                     // no backward will come
        }
        return out;
    }
}
