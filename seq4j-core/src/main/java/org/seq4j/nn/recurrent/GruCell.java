package org.seq4j.nn.recurrent;

import java.util.List;
import org.seq4j.autograd.Variable;
import org.seq4j.nn.Activation;
import org.seq4j.tensor.Tensor;

/**
 * The GRU cell (Cho et al. 2014) in Keras' layout: kernel (F, 3u), recurrent_kernel (u, 3u), column blocks
 * [z, r, h]; σ = recurrentActivation, act = activation.
 *
 * <pre>
 *   z  = σ(x_t·W_z + b_z + h_{t−1}·U_z [+ b'_z])       r = σ(x_t·W_r + b_r + h_{t−1}·U_r [+ b'_r])
 *   resetAfter (Keras 2/3 default, CuDNN/PyTorch form; bias (2, 3u): row 0 input b, row 1 recurrent b'):
 *     hh = act(x_t·W_h + b_h + r ⊙ (h_{t−1}·U_h + b'_h))
 *   reset before (Keras 1/tfjs; bias (3u,)):
 *     hh = act(x_t·W_h + b_h + (r ⊙ h_{t−1})·U_h)
 *   h_t = z ⊙ h_{t−1} + (1 − z) ⊙ hh
 * </pre>
 *
 * The reset-before form needs a second recurrent product per step, since its input depends on r.
 */
public record GruCell(Variable kernel, Variable recurrentKernel, Variable bias, Activation activation,
                      Activation recurrentActivation, boolean resetAfter) implements RecurrentCell<HiddenState> {

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
        return 3;
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
        Variable inputBias = bias == null ? null : resetAfter ? bias.select(0, 0) : bias;
        return Gates.project(x, kernel, inputBias, inputMasks);
    }

    @Override
    public Step<HiddenState> stepProjected(Variable xw, HiddenState state, List<Tensor> recurrentMasks) {
        int u = units();
        Variable h = state.h();
        List<Variable> xs = xw.split(1, u, u, u);                                  // each (B, u)
        Variable hh;
        Variable z;
        if (resetAfter) {
            Variable hu = Gates.recurrent(h, recurrentKernel, recurrentMasks);      // (B, 3u)
            if (bias != null) {
                hu = hu.add(bias.select(0, 1));
            }
            List<Variable> hs = hu.split(1, u, u, u);
            z = recurrentActivation.apply(xs.get(0).add(hs.get(0)));
            Variable r = recurrentActivation.apply(xs.get(1).add(hs.get(1)));
            hh = activation.apply(xs.get(2).add(r.mul(hs.get(2))));
        } else {
            List<Tensor> zrMasks = recurrentMasks.isEmpty() ? List.of() : recurrentMasks.subList(0, 2);
            Variable hu = Gates.recurrent(h, recurrentKernel.narrow(1, 0, 2 * u), zrMasks);   // (B, 2u)
            List<Variable> hs = hu.split(1, u, u);
            z = recurrentActivation.apply(xs.get(0).add(hs.get(0)));
            Variable r = recurrentActivation.apply(xs.get(1).add(hs.get(1)));
            Variable hForCandidate = recurrentMasks.isEmpty() ? h : h.mul(Variable.constant(recurrentMasks.get(2)));
            hh = activation.apply(xs.get(2).add(r.mul(hForCandidate).matmul(recurrentKernel.narrow(1, 2 * u, u))));
        }
        Variable next = z.mul(h).add(z.neg().add(1f).mul(hh));                     // (B, u)
        return new Step<>(next, new HiddenState(next));
    }
}
