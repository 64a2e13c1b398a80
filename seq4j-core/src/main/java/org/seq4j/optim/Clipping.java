package org.seq4j.optim;

import java.util.ArrayList;
import java.util.List;
import org.seq4j.tensor.Tensor;

/**
 * Gradient clipping as Keras' optimizer arguments do it (at most one kind per optimizer):
 * <ul>
 *   <li>VALUE ({@code clipvalue} v): g ← clip(g, −v, v) element-wise;</li>
 *   <li>NORM ({@code clipnorm} c): each tensor by its own norm, g ← g·c / max(‖g‖, c);</li>
 *   <li>GLOBAL_NORM ({@code global_clipnorm} c): with N = √(Σ_i ‖g_i‖²) over all tensors,
 *       g_i ← g_i·c / max(N, c) (PyTorch's clip_grad_norm_ divides by N + 1e-6 instead).</li>
 * </ul>
 * Null gradients (parameters the loss did not reach) pass through as null and count for nothing.
 */
public record Clipping(Mode mode, float threshold) {

    public enum Mode { NONE, VALUE, NORM, GLOBAL_NORM }

    /** The clipped gradients and the global norm of the gradients before clipping. */
    public record Clipped(List<Tensor> grads, float globalNorm) {}

    public Clipping {
        if (mode != Mode.NONE && !(threshold > 0f)) {
            throw new IllegalArgumentException("Clipping " + mode + ": threshold must be positive, got " + threshold);
        }
    }

    public static Clipping none() {
        return new Clipping(Mode.NONE, 0f);
    }

    public static Clipping byValue(float v) {
        return new Clipping(Mode.VALUE, v);
    }

    public static Clipping byNorm(float c) {
        return new Clipping(Mode.NORM, c);
    }

    public static Clipping byGlobalNorm(float c) {
        return new Clipping(Mode.GLOBAL_NORM, c);
    }

    /** Clips {@code grads} (entries may be null); the list returned is new, the tensors are new or the same. */
    public Clipped apply(List<Tensor> grads) {
        float norm = globalNorm(grads);
        float globalScale = mode == Mode.GLOBAL_NORM ? threshold / Math.max(norm, threshold) : 1f;
        List<Tensor> out = new ArrayList<>(grads.size());
        for (Tensor g : grads) {
            out.add(g == null ? null : switch (mode) {
                case NONE -> g;
                case VALUE -> g.clamp(-threshold, threshold);
                case NORM -> clipByNorm(g, threshold);
                case GLOBAL_NORM -> globalScale == 1f ? g : g.mul(globalScale);
            });
        }
        return new Clipped(out, norm);
    }

    /** √(Σ_i ‖g_i‖²), summed in double; nulls are skipped. */
    public static float globalNorm(List<Tensor> grads) {
        double sum = 0;
        for (Tensor g : grads) {
            if (g != null) {
                for (float v : g.toArray()) {
                    sum += (double) v * v;
                }
            }
        }
        return (float) Math.sqrt(sum);
    }

    /** Keras clip_by_norm: g·c / max(‖g‖, c) (unchanged when ‖g‖ ≤ c). */
    public static Tensor clipByNorm(Tensor g, float c) {
        float norm = globalNorm(List.of(g));
        return norm <= c ? g : g.mul(c).div(norm);
    }
}
