package org.seq4j.nn.recurrent;

import java.util.List;
import org.seq4j.autograd.Variable;
import org.seq4j.nn.Activation;
import org.seq4j.tensor.Tensor;

/**
 * The Elman cell: h_t = act(x_t·W + b + h_{t−1}·U), with W = kernel (F, u), U = recurrent_kernel (u, u), b = bias
 * (u,) or none. Dropout (Keras): x_t ⊙ m and h_{t−1} ⊙ m' with one mask each.
 */
public record SimpleRnnCell(Variable kernel, Variable recurrentKernel, Variable bias, Activation activation)
        implements RecurrentCell<HiddenState> {

    @Override
    public int inputDim() {
        return kernel.shape().dim(0);
    }

    @Override
    public int units() {
        return recurrentKernel.shape().dim(0);
    }

    @Override
    public int gates() {
        return 1;
    }

    @Override
    public HiddenState zeroState(int batch) {
        return new HiddenState(Variable.constant(Tensor.zeros(batch, units())));   // (B, u)
    }

    @Override
    public HiddenState state(List<Variable> parts) {
        return new HiddenState(parts.get(0));
    }

    @Override
    public Variable project(Variable x, List<Tensor> inputMasks) {
        return Gates.project(x, kernel, bias, inputMasks);
    }

    @Override
    public Step<HiddenState> stepProjected(Variable xw, HiddenState state, List<Tensor> recurrentMasks) {
        Variable h = activation.apply(xw.add(Gates.recurrent(state.h(), recurrentKernel, recurrentMasks))); // (B, u)
        return new Step<>(h, new HiddenState(h));
    }
}
