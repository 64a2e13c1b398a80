package org.seq4j.tensor;

import org.seq4j.tensor.kernel.KernelThreads;
import org.seq4j.tensor.kernel.Kernels;

/**
 * Optimizer updates as single passes ({@link org.seq4j.tensor.kernel.UpdateKernel}): an Adam step over W4's 6.7M
 * parameters otherwise allocates eleven 27 MB temporaries and reads memory eleven times. Large tensors are cut in
 * chunks over the kernel threads.
 *
 * <p>{@link #adamInPlace} overwrites its moment slots instead of returning new ones (2 × 27 MB less per W4 step): the
 * one place where a tensor's storage changes after birth. It is safe only for slots the caller alone holds, made by
 * {@link #ownedCopy} or {@link Tensor#zeros} and never handed out (an optimizer hands out {@link #ownedCopy copies}).
 */
public final class Updates {
    private static final int PARALLEL_ELEMENTS = 1 << 16;

    private Updates() {}

    /**
     * Keras Adam ({@link org.seq4j.tensor.kernel.UpdateKernel#adam}) with the moments updated in place: <b>m and v
     * are overwritten</b> with m', v' and must be owned exclusively by the caller (nobody else may hold them or a
     * view of them), dense ({@link #ownedCopy}) and distinct. Returns the new parameter, a new tensor: p itself is not touched (users may hold old values).
     */
    public static Tensor adamInPlace(Tensor p, Tensor g, Tensor m, Tensor v, float c1, float c2, float alpha,
                                     float eps) {
        for (Tensor t : new Tensor[] {g, m, v}) {
            if (!t.shape.equals(p.shape)) {
                throw new IllegalArgumentException("adamInPlace: shape " + t.shape + " differs from the parameter's "
                        + p.shape);
            }
        }
        if (!isDense(m) || !isDense(v) || m.data == v.data) {
            throw new IllegalArgumentException("adamInPlace: the moments must be two distinct dense tensors");
        }
        int n = p.size();
        float[] pa = dense(p);
        float[] ga = dense(g);
        float[] ma = m.data;
        float[] va = v.data;
        float[] pOut = new float[n];
        int parts = n < PARALLEL_ELEMENTS ? 1 : KernelThreads.threads();
        KernelThreads.run(parts, t -> {
            int i0 = (int) ((long) n * t / parts);
            int i1 = (int) ((long) n * (t + 1) / parts);
            Kernels.update().adam(pa, ga, ma, va, i0, c1, c2, alpha, eps, pOut, ma, va, i1 - i0);
        });
        return Tensor.wrap(pOut, p.shape);
    }

    /** A dense copy in fresh storage: state that the caller may then own and update in place. */
    public static Tensor ownedCopy(Tensor t) {
        return Tensor.wrap(t.toArray(), t.shape);
    }

    private static boolean isDense(Tensor t) {
        return t.offset == 0 && t.isContiguous() && t.data.length == t.size();
    }

    /** The row-major elements starting at index 0 of an array: the storage itself when it already is that. */
    private static float[] dense(Tensor t) {
        return isDense(t) ? t.data : t.toArray();
    }
}
