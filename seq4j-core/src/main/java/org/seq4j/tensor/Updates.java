package org.seq4j.tensor;

import org.seq4j.tensor.kernel.KernelThreads;
import org.seq4j.tensor.kernel.Kernels;

/**
 * Optimizer updates as single passes ({@link org.seq4j.tensor.kernel.UpdateKernel}): an Adam step over W4's 6.7M
 * parameters otherwise allocates eleven 27 MB temporaries and reads memory eleven times. Large tensors are cut in
 * chunks over the kernel threads.
 */
public final class Updates {
    private static final int PARALLEL_ELEMENTS = 1 << 16;

    private Updates() {}

    /** The new parameter and slots. */
    public record Adam(Tensor p, Tensor m, Tensor v) {}

    /** {@link org.seq4j.tensor.kernel.UpdateKernel#adam}; all four tensors of one shape. */
    public static Adam adam(Tensor p, Tensor g, Tensor m, Tensor v, float c1, float c2, float alpha, float eps) {
        for (Tensor t : new Tensor[] {g, m, v}) {
            if (!t.shape.equals(p.shape)) {
                throw new IllegalArgumentException("adam: shape " + t.shape + " differs from the parameter's "
                        + p.shape);
            }
        }
        int n = p.size();
        float[] pa = dense(p);
        float[] ga = dense(g);
        float[] ma = dense(m);
        float[] va = dense(v);
        float[] pOut = new float[n];
        float[] mOut = new float[n];
        float[] vOut = new float[n];
        int parts = n < PARALLEL_ELEMENTS ? 1 : KernelThreads.threads();
        KernelThreads.run(parts, t -> {
            int i0 = (int) ((long) n * t / parts);
            int i1 = (int) ((long) n * (t + 1) / parts);
            Kernels.update().adam(pa, ga, ma, va, i0, c1, c2, alpha, eps, pOut, mOut, vOut, i1 - i0);
        });
        return new Adam(Tensor.wrap(pOut, p.shape), Tensor.wrap(mOut, p.shape), Tensor.wrap(vOut, p.shape));
    }

    /** The row-major elements starting at index 0 of an array: the storage itself when it already is that. */
    private static float[] dense(Tensor t) {
        return t.offset == 0 && t.isContiguous() && t.data.length == t.size() ? t.data : t.toArray();
    }
}
