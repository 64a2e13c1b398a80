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
        Tensor c = x.contiguous();
        float[] y = new float[c.size()];
        Kernels.math().unary(op, c.data, c.offset, y, 0, y.length);
        return Tensor.wrap(y, c.shape);
    }

    static Tensor binaryScalar(BinaryOp op, Tensor a, float s) {
        Tensor c = a.contiguous();
        float[] y = new float[c.size()];
        Kernels.math().binaryScalar(op, c.data, c.offset, s, y, 0, y.length);
        return Tensor.wrap(y, c.shape);
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
