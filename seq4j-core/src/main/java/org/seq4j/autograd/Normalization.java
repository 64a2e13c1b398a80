package org.seq4j.autograd;

import java.util.ArrayList;
import java.util.List;
import org.seq4j.tensor.LayerNorms;
import org.seq4j.tensor.Tensor;

/**
 * Layer normalisation as one primitive (formula and backward in {@link org.seq4j.tensor.kernel.NormKernel}); it
 * equals the composition (x − mean)/√(var + ε)·γ + β of {@code sub}, {@code mean}, {@code square}, {@code sqrt},
 * {@code div}, as {@code NormalizationTest} proves, forward and gradients.
 */
public final class Normalization {
    private Normalization() {}

    /** Over the last axis of x; gamma and beta (D) may be null (no scale, no centre). */
    public static Variable layerNorm(Variable x, Variable gamma, Variable beta, float eps) {
        LayerNorms.Forward f = LayerNorms.forward(x.value(), gamma == null ? null : gamma.value(),
                beta == null ? null : beta.value(), eps);
        List<Variable> inputs = new ArrayList<>(List.of(x));
        if (gamma != null) {
            inputs.add(gamma);
        }
        if (beta != null) {
            inputs.add(beta);
        }
        return Variable.op("layer_norm", f.y(), g -> {
            LayerNorms.Grads d = LayerNorms.backward(x.value(), gamma == null ? null : gamma.value(), beta != null,
                    f, g);
            List<Tensor> out = new ArrayList<>(3);
            out.add(d.x());
            if (gamma != null) {
                out.add(d.gamma());
            }
            if (beta != null) {
                out.add(d.beta());
            }
            return out.toArray(Tensor[]::new);
        }, inputs.toArray(Variable[]::new));
    }
}
