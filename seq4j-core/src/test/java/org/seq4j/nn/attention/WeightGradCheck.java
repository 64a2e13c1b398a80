package org.seq4j.nn.attention;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.seq4j.autograd.GradCheck;
import org.seq4j.autograd.GradMode;
import org.seq4j.autograd.Variable;
import org.seq4j.nn.Layer;
import org.seq4j.tensor.Tensor;

/**
 * {@link GradCheck} for a layer's own weights, which a function of its inputs cannot reach: the analytic gradient of
 * L = Σ f() ⊙ R from back-propagation against central differences taken by re-assigning each weight element.
 */
final class WeightGradCheck {
    private WeightGradCheck() {}

    static void check(Layer layer, Supplier<Variable> forward) {
        GradCheck.Options o = GradCheck.Options.defaults();
        Variable out = forward.get();
        Tensor r = projection(out.value(), o.seed());
        layer.weights().values().forEach(Variable::zeroGrad);
        out.mul(Variable.constant(r)).sum().backward();
        for (Map.Entry<String, Variable> e : layer.weights().entrySet()) {
            Variable w = e.getValue();
            Tensor saved = w.value();
            float[] x = saved.toArray();
            float[] analytic = w.grad() == null ? new float[x.length] : w.grad().toArray();
            int[] dims = saved.shape().dims();
            for (int j = 0; j < x.length; j++) {
                float keep = x[j];
                x[j] = (float) (keep + o.eps());
                w.assign(Tensor.of(x.clone(), dims));
                double plus = loss(forward, r);
                x[j] = (float) (keep - o.eps());
                w.assign(Tensor.of(x.clone(), dims));
                double minus = loss(forward, r);
                x[j] = keep;
                w.assign(saved);
                double numeric = (plus - minus) / (2 * o.eps());
                double err = Math.abs(analytic[j] - numeric);
                if (!(err <= o.atol() + o.rtol() * Math.abs(numeric))) {
                    throw new AssertionError(layer.name() + ": gradient check failed for weight " + e.getKey()
                            + " " + saved.shape() + " at flat index " + j + ": analytic " + analytic[j]
                            + ", numeric " + numeric);
                }
            }
        }
    }

    private static double loss(Supplier<Variable> forward, Tensor r) {
        float[] y;
        try (GradMode.Scope s = GradMode.noGrad()) {
            y = forward.get().value().toArray();
        }
        float[] w = r.toArray();
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += (double) y[i] * w[i];
        }
        return sum;
    }

    private static Tensor projection(Tensor like, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] w = new float[like.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (0.5 + rng.nextDouble());
        }
        return Tensor.of(w, like.shape().dims());
    }
}
