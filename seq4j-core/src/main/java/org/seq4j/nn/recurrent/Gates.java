package org.seq4j.nn.recurrent;

import java.util.ArrayList;
import java.util.List;
import org.seq4j.autograd.Shaping;
import org.seq4j.autograd.Variable;
import org.seq4j.tensor.Tensor;

/** The matrix products the cells share, with and without per-gate dropout masks. */
final class Gates {
    private Gates() {}

    /** x (B, T, F) · kernel (F, k·u) [+ bias] → (B, T, k·u); with masks, block g is (x ⊙ masks[g])·kernel_g. */
    static Variable project(Variable x, Variable kernel, Variable bias, List<Tensor> masks) {
        int b = x.shape().dim(0);
        int t = x.shape().dim(1);
        int f = x.shape().dim(2);
        int width = kernel.shape().dim(1);
        Variable flat = x.reshape(b * t, f);                                       // (B·T, F)
        Variable xw;
        if (masks.isEmpty()) {
            xw = flat.matmul(kernel);                                              // (B·T, k·u)
        } else {
            int u = width / masks.size();
            List<Variable> blocks = new ArrayList<>(masks.size());
            for (int g = 0; g < masks.size(); g++) {
                Variable dropped = x.mul(Variable.constant(masks.get(g).unsqueeze(1))).reshape(b * t, f);
                blocks.add(dropped.matmul(kernel.narrow(1, g * u, u)));             // (B·T, u)
            }
            xw = Shaping.concat(1, blocks);                                        // (B·T, k·u)
        }
        if (bias != null) {
            xw = xw.add(bias);
        }
        return xw.reshape(b, t, width);
    }

    /** h (B, u) · U (u, k·u) → (B, k·u); with masks, block g is (h ⊙ masks[g])·U_g. */
    static Variable recurrent(Variable h, Variable recurrentKernel, List<Tensor> masks) {
        if (masks.isEmpty()) {
            return h.matmul(recurrentKernel);
        }
        int u = recurrentKernel.shape().dim(1) / masks.size();
        List<Variable> blocks = new ArrayList<>(masks.size());
        for (int g = 0; g < masks.size(); g++) {
            blocks.add(h.mul(Variable.constant(masks.get(g))).matmul(recurrentKernel.narrow(1, g * u, u)));
        }
        return Shaping.concat(1, blocks);
    }
}
