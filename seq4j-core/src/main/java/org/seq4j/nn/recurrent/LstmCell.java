package org.seq4j.nn.recurrent;

import java.util.List;
import org.seq4j.autograd.GradMode;
import org.seq4j.autograd.Variable;
import org.seq4j.nn.Activation;
import org.seq4j.tensor.LstmStep;
import org.seq4j.tensor.Tensor;

/**
 * The LSTM cell (Hochreiter and Schmidhuber 1997, with the forget gate of Gers et al. 2000) in Keras' layout:
 * kernel (F, 4u), recurrent_kernel (u, 4u) and ONE bias (4u,), column blocks [i, f, c, o].
 *
 * <pre>
 *   z   = x_t·W + b + h_{t−1}·U                       (B, 4u) → z_i, z_f, z_c, z_o
 *   i   = σ(z_i)   f = σ(z_f)   o = σ(z_o)             σ = recurrentActivation (sigmoid; or hard_sigmoid)
 *   c_t = f ⊙ c_{t−1} + i ⊙ act(z_c)                  act = activation (tanh)
 *   h_t = o ⊙ act(c_t)
 * </pre>
 */
public record LstmCell(Variable kernel, Variable recurrentKernel, Variable bias, Activation activation,
                       Activation recurrentActivation) implements RecurrentCell<LstmState> {

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
        return 4;
    }

    @Override
    public LstmState zeroState(int batch) {
        Variable zeros = Variable.constant(Tensor.zeros(batch, units()));            // (B, u)
        return new LstmState(zeros, zeros);
    }

    @Override
    public LstmState state(List<Variable> parts) {
        return new LstmState(parts.get(0), parts.get(1));
    }

    @Override
    public Variable project(Variable x, List<Tensor> inputMasks) {
        return Gates.project(x, kernel, bias, inputMasks);
    }

    @Override
    public Step<LstmState> stepProjected(Variable xw, LstmState state, List<Tensor> recurrentMasks) {
        int u = units();
        Variable z = xw.add(Gates.recurrent(state.h(), recurrentKernel, recurrentMasks));     // (B, 4u)
        List<Variable> zs = z.split(1, u, u, u, u);
        Variable i = recurrentActivation.apply(zs.get(0));
        Variable f = recurrentActivation.apply(zs.get(1));
        Variable o = recurrentActivation.apply(zs.get(3));
        Variable c = f.mul(state.c()).add(i.mul(activation.apply(zs.get(2))));             // (B, u)
        Variable h = o.mul(activation.apply(c));                                           // (B, u)
        return new Step<>(h, new LstmState(h, c));
    }

    /**
     * Without a graph to record (generation) and with the default activations, one fused step
     * ({@link LstmStep}: GEMVs split over the threads by units, the gate kernel, no intermediate tensors);
     * otherwise the composed step.
     */
    @Override
    public Step<LstmState> step(Variable x, LstmState state) {
        boolean graph = GradMode.isEnabled() && (x.requiresGrad() || kernel.requiresGrad()
                || recurrentKernel.requiresGrad() || (bias != null && bias.requiresGrad())
                || state.h().requiresGrad() || state.c().requiresGrad());
        if (graph || activation != Activation.TANH || recurrentActivation != Activation.SIGMOID) {
            return RecurrentCell.super.step(x, state);
        }
        LstmStep.Result r = LstmStep.step(x.value(), kernel.value(), recurrentKernel.value(),
                bias == null ? null : bias.value(), state.h().value(), state.c().value());
        Variable h = Variable.constant(r.h());                                             // (B, u)
        return new Step<>(h, new LstmState(h, Variable.constant(r.c())));
    }
}
