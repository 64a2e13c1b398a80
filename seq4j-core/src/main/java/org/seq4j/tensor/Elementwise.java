package org.seq4j.tensor;

import org.seq4j.tensor.kernel.BinaryOp;
import org.seq4j.tensor.kernel.KernelThreads;
import org.seq4j.tensor.kernel.Kernels;
import org.seq4j.tensor.kernel.MathKernel;
import org.seq4j.tensor.kernel.UnaryOp;

/** Element-wise ops with NumPy broadcasting, dispatched row by row to the chosen {@link MathKernel}. */
final class Elementwise {
    /** From this size on, same-shaped binary ops are split over the kernel threads. */
    private static final int PARALLEL_ELEMENTS = 1 << 16;

    private Elementwise() {}

    static Tensor unary(UnaryOp op, Tensor x) {
        float[] y = new float[x.size()];
        MathKernel k = Kernels.math();
        forEachRun(x, (data, from, o, n) -> k.unary(op, data, from, y, o, n));
        return Tensor.wrap(y, x.shape);
    }

    static Tensor binaryScalar(BinaryOp op, Tensor a, float s) {
        float[] y = new float[a.size()];
        MathKernel k = Kernels.math();
        forEachRun(a, (data, from, o, n) -> k.binaryScalar(op, data, from, s, y, o, n));
        return Tensor.wrap(y, a.shape);
    }

    private static final int MASK_CHUNK = 4096;

    /**
     * g ⊙ (x &gt; 0), the relu gradient, with one new array instead of two (the mask is made a chunk at a time in
     * scratch) when both are contiguous: the same kernel calls as {@code g.mul(x.gt(0))}, so bit for bit the same.
     */
    static Tensor reluBackward(Tensor x, Tensor g) {
        if (!g.shape.equals(x.shape)) {
            throw new IllegalArgumentException("reluBackward: gradient shape " + g.shape + " differs from " + x.shape);
        }
        if (!x.isContiguous() || !g.isContiguous()) {
            return g.mul(x.gt(0f));
        }
        float[] y = new float[x.size()];
        float[] mask = new float[Math.min(MASK_CHUNK, y.length)];
        MathKernel k = Kernels.math();
        for (int off = 0; off < y.length; off += MASK_CHUNK) {
            int n = Math.min(MASK_CHUNK, y.length - off);
            k.binaryScalar(BinaryOp.GT, x.data, x.offset + off, 0f, mask, 0, n);
            k.binary(BinaryOp.MUL, g.data, g.offset + off, mask, 0, y, off, n);
        }
        return Tensor.wrap(y, x.shape);
    }

    /** A contiguous run of n elements of {@code data} from {@code from}, for output positions o.. o + n - 1. */
    private interface RunVisitor {
        void run(float[] data, int from, int o, int n);
    }

    /**
     * Visits x's elements in row-major order as contiguous runs: one run when x is contiguous, else one per row
     * read in place (a transposed or narrowed view is not copied first); only a strided last dimension is copied.
     */
    private static void forEachRun(Tensor x, RunVisitor visitor) {
        if (x.isContiguous() || x.size() == 0) {
            visitor.run(x.data, x.offset, 0, x.size());
            return;
        }
        int[][] co = Strided.coalesce(x.shape.dims(), x.shape.contiguousStrides(), x.strides);
        int[] dims = co[0];
        int n = dims[dims.length - 1];
        if (n != 1 && co[2][dims.length - 1] != 1) { // a strided last dimension: through a copy
            Tensor c = x.contiguous();
            visitor.run(c.data, c.offset, 0, c.size());
            return;
        }
        Strided.forEachRow(dims, new int[][] {co[2]}, new int[] {x.offset},
                (o, offs) -> visitor.run(x.data, offs[0], o, n));
    }

    static Tensor binary(BinaryOp op, Tensor a, Tensor b) {
        if (a.shape.equals(b.shape) && a.isContiguous() && b.isContiguous() && a.size() >= PARALLEL_ELEMENTS) {
            return flat(op, a, b);
        }
        Shape out = Shape.broadcast(op.name().toLowerCase(java.util.Locale.ROOT), a.shape, b.shape);
        // an operand walked with a stride other than 0 or 1 in its last dimension is copied first, so that every
        // row the kernel sees is either a contiguous run or one broadcast value
        Tensor ca = innerUnit(a);
        Tensor cb = innerUnit(b);
        float[] y = new float[out.size()];
        if (y.length == 0) {
            return Tensor.wrap(y, out);
        }
        int[][] co = Strided.coalesce(out.dims(), out.contiguousStrides(),
                Strided.broadcastStrides(ca, out), Strided.broadcastStrides(cb, out));
        int[] dims = co[0];
        int last = dims.length - 1;
        int n = dims[last];
        int sa = co[2][last];
        int sb = co[3][last];
        MathKernel k = Kernels.math();
        Strided.forEachRow(dims, new int[][] {co[2], co[3]}, new int[] {ca.offset, cb.offset}, (o, offs) -> {
            if (sa == 1 && sb == 1) {
                k.binary(op, ca.data, offs[0], cb.data, offs[1], y, o, n);
            } else if (sa == 0 && sb == 1) {
                k.scalarBinary(op, ca.data[offs[0]], cb.data, offs[1], y, o, n);
            } else if (sa == 1) {
                k.binaryScalar(op, ca.data, offs[0], cb.data[offs[1]], y, o, n);
            } else {
                k.binaryScalar(op, ca.data, offs[0], cb.data[offs[1]], y, o, 1);
                java.util.Arrays.fill(y, o + 1, o + n, y[o]);
            }
        });
        return Tensor.wrap(y, out);
    }

    /**
     * Two large operands of one shape (a residual sum, a gradient accumulated from two uses): one flat run, split
     * over the kernel threads in chunks of whole vectors. Memory-bound, but a second core still adds bandwidth.
     */
    private static Tensor flat(BinaryOp op, Tensor a, Tensor b) {
        float[] y = new float[a.size()];
        int parts = KernelThreads.threads();
        int chunk = (y.length / parts + 1023) / 1024 * 1024;
        MathKernel k = Kernels.math();
        KernelThreads.run(parts, p -> {
            int i0 = Math.min(y.length, p * chunk);
            int i1 = p == parts - 1 ? y.length : Math.min(y.length, i0 + chunk);
            k.binary(op, a.data, a.offset + i0, b.data, b.offset + i0, y, i0, i1 - i0);
        });
        return Tensor.wrap(y, a.shape);
    }

    /** {@code cond != 0 ? a : b}, broadcast together. NaN in cond counts as true, as in NumPy. */
    static Tensor where(String op, Tensor cond, Tensor a, Tensor b) {
        Shape out = Shape.broadcast(op, Shape.broadcast(op, cond.shape, a.shape), b.shape);
        float[] y = new float[out.size()];
        if (y.length == 0) {
            return Tensor.wrap(y, out);
        }
        int[][] co = Strided.coalesce(out.dims(), out.contiguousStrides(), Strided.broadcastStrides(cond, out),
                Strided.broadcastStrides(a, out), Strided.broadcastStrides(b, out));
        int[] dims = co[0];
        int last = dims.length - 1;
        int n = dims[last];
        int sc = co[2][last];
        int sa = co[3][last];
        int sb = co[4][last];
        Strided.forEachRow(dims, new int[][] {co[2], co[3], co[4]},
                new int[] {cond.offset, a.offset, b.offset}, (o, offs) -> {
                    for (int j = 0; j < n; j++) {
                        boolean c = cond.data[offs[0] + j * sc] != 0f;
                        y[o + j] = c ? a.data[offs[1] + j * sa] : b.data[offs[2] + j * sb];
                    }
                });
        return Tensor.wrap(y, out);
    }

    private static Tensor innerUnit(Tensor t) {
        if (t.rank() == 0) {
            return t;
        }
        int s = t.strides[t.rank() - 1];
        return s == 0 || s == 1 || t.shape.dim(-1) == 1 ? t : t.contiguous();
    }
}
