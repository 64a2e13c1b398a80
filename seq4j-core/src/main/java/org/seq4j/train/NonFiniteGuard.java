package org.seq4j.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.seq4j.autograd.GradMode;
import org.seq4j.autograd.Variable;
import org.seq4j.nn.Context;
import org.seq4j.nn.Layer;
import org.seq4j.nn.Masked;
import org.seq4j.nn.Sequential;
import org.seq4j.tensor.Axes;
import org.seq4j.tensor.Tensor;

/**
 * Checked after every backward pass and before the optimizer step, so that a NaN never reaches the weights: the
 * loss, then every gradient. A tensor's sum is finite exactly when its elements are (an overflowing sum of huge
 * finite values also counts as non-finite, which is as much a divergence), so the check costs one reduction per
 * weight, no copy.
 */
final class NonFiniteGuard {
    private NonFiniteGuard() {}

    static void check(Layer network, float loss, Batch<?> batch, int epoch, int step) {
        String badGrad = firstBad(network.weights(), true);
        if (Float.isFinite(loss) && badGrad == null) {
            return;
        }
        List<String> where = new ArrayList<>();
        if (!Float.isFinite(loss)) {
            String layer = firstBadLayer(network, batch);   // the root cause, when a layer's output overflowed
            if (layer != null) {
                where.add(layer);
            }
        }
        if (badGrad != null) {
            where.add("gradient of weight '" + badGrad + "'");
        } else {
            String badValue = firstBad(network.weights(), false);
            if (badValue != null) {
                where.add("value of weight '" + badValue + "'");
            }
        }
        String what = Float.isFinite(loss) ? "a gradient is not finite (loss " + loss + ")" : "loss is " + loss;
        throw new NonFiniteException(epoch, step, what, where.isEmpty() ? null : String.join("; ", where));
    }

    private static String firstBad(Map<String, Variable> weights, boolean grads) {
        for (Map.Entry<String, Variable> e : weights.entrySet()) {
            Tensor t = grads ? e.getValue().grad() : e.getValue().value();
            if (t != null && !finite(t)) {
                return e.getKey();
            }
        }
        return null;
    }

    static boolean finite(Tensor t) {
        return t.size() == 0 || Float.isFinite(t.sum(Axes.all()).item());
    }

    /** Re-runs a Sequential layer by layer in inference on the batch and names the first non-finite output. */
    private static String firstBadLayer(Layer network, Batch<?> batch) {
        if (!(network instanceof Sequential seq) || batch.x().size() != 1) {
            return null;
        }
        try (GradMode.Scope s = GradMode.noGrad()) {
            Masked x = Masked.of(Variable.constant(batch.x().get(0)));
            List<Layer> layers = new ArrayList<>(seq.layers());
            for (Layer l : layers) {
                x = l.apply(x, Context.inference());
                if (!finite(x.value().value())) {
                    return "output of layer '" + l.name() + "' (" + l.className() + ")";
                }
            }
        }
        return null;
    }
}
