package org.seq4j.tensor;

import org.seq4j.tensor.kernel.BinaryOp;
import org.seq4j.tensor.kernel.Kernels;
import org.seq4j.tensor.kernel.MathKernel;
import org.seq4j.tensor.kernel.ReduceOp;

/**
 * Reductions over any set of axes, and the row-wise softmax family. The reduced axes are brought to the end (a
 * permuted view, copied once if needed) so that each output element is the kernel's reduction of one contiguous
 * run. When the reduced axes lead instead (a bias gradient summing over batch and time), rows are folded together
 * element-wise, which reads memory once in order.
 */
final class Reductions {
    private Reductions() {}

    static Tensor reduce(ReduceOp op, Tensor x, Axes axes) {
        String name = op.name().toLowerCase(java.util.Locale.ROOT);
        int[] red = axes.resolve(name, x.shape);
        int r = x.rank();
        boolean[] isRed = new boolean[r];
        for (int a : red) {
            isRed[a] = true;
        }
        int[] keptDims = new int[r - red.length];
        int[] perm = new int[r];
        int k = 0;
        for (int i = 0; i < r; i++) {
            if (!isRed[i]) {
                perm[k] = i;
                keptDims[k++] = x.shape.dim(i);
            }
        }
        for (int a : red) {
            perm[k++] = a;
        }
        int outer = Shape.of(keptDims).size();
        int inner = x.size() / Math.max(outer, 1);
        float[] y = new float[outer];
        MathKernel kern = Kernels.math();
        if (x.size() == 0) {
            java.util.Arrays.fill(y, kern.reduce(op, y, 0, 0));
        } else if (block(isRed) && !isRed[r - 1] && x.isContiguous()) {
            // a run of axes before the last (a mean over time of (B, T, F)): fold rows in place, no permuted copy
            int before = 1;
            for (int i = 0; !isRed[i]; i++) {
                before *= x.shape.dim(i);
            }
            int width = outer / Math.max(before, 1);
            for (int o = 0; o < before; o++) {
                foldRows(op, x, x.offset + o * inner * width, inner, width, y, o * width, kern);
            }
        } else {
            Tensor p = x.permute(perm).contiguous();
            for (int i = 0; i < outer; i++) {
                y[i] = kern.reduce(op, p.data, p.offset + i * inner, inner);
            }
        }
        return Tensor.wrap(y, resultShape(x.shape, isRed, axes.keep()));
    }

    /** True when the reduced axes are one consecutive run. */
    private static boolean block(boolean[] isRed) {
        int runs = 0;
        for (int i = 0; i < isRed.length; i++) {
            if (isRed[i] && (i == 0 || !isRed[i - 1])) {
                runs++;
            }
        }
        return runs == 1;
    }

    /** The (rows, width) block of x's storage at {@code base}: y[yOff..] = row0 op row1 op ... element-wise. */
    private static void foldRows(ReduceOp op, Tensor x, int base, int rows, int width, float[] y, int yOff,
                                 MathKernel k) {
        if (op == ReduceOp.SUM) {
            // in double, as the kernel's reduce sums: summing rows in float would lose digits on long batches
            double[] acc = new double[width];
            for (int r = 0, b = base; r < rows; r++, b += width) {
                for (int j = 0; j < width; j++) {
                    acc[j] += x.data[b + j];
                }
            }
            for (int j = 0; j < width; j++) {
                y[yOff + j] = (float) acc[j];
            }
            return;
        }
        BinaryOp combine = op == ReduceOp.MAX ? BinaryOp.MAX : BinaryOp.MIN;
        System.arraycopy(x.data, base, y, yOff, width);
        for (int r = 1; r < rows; r++) {
            k.binary(combine, y, yOff, x.data, base + r * width, y, yOff, width);
        }
    }

    private static Shape resultShape(Shape in, boolean[] isRed, boolean keepDims) {
        int n = 0;
        for (boolean b : isRed) {
            n += (b && !keepDims) ? 0 : 1;
        }
        int[] dims = new int[n];
        for (int i = 0, j = 0; i < isRed.length; i++) {
            if (!isRed[i]) {
                dims[j++] = in.dim(i);
            } else if (keepDims) {
                dims[j++] = 1;
            }
        }
        return new Shape(dims);
    }

    static Tensor mean(Tensor x, Axes axes) {
        int[] red = axes.resolve("mean", x.shape);
        long count = 1;
        for (int a : red) {
            count *= x.shape.dim(a);
        }
        return reduce(ReduceOp.SUM, x, axes).mul((float) (1.0 / count));
    }

    /** log Σ exp(x), stabilised by the maximum; a row of only -inf gives -inf rather than NaN. */
    static Tensor logSumExp(Tensor x, Axes axes) {
        boolean[] reduced = reducedMask(x.shape, axes); // validates first, so that errors name logSumExp
        Tensor m = reduce(ReduceOp.MAX, x, axes.keepDims());
        Tensor safe = Tensor.where(m.abs().lt(Float.POSITIVE_INFINITY), m, Tensor.scalar(0f));
        Tensor s = reduce(ReduceOp.SUM, x.sub(safe).exp(), axes.keepDims()).log().add(safe);
        return axes.keep() ? s : s.reshape(resultShape(x.shape, reduced, false).dims());
    }

    private static boolean[] reducedMask(Shape s, Axes axes) {
        boolean[] m = new boolean[s.rank()];
        for (int a : axes.resolve("logSumExp", s)) {
            m[a] = true;
        }
        return m;
    }

    /** Sums the dimensions that broadcasting added or stretched, giving {@code target}'s shape. */
    static Tensor sumTo(Tensor x, Shape target) {
        if (x.shape.equals(target)) {
            return x;
        }
        int lead = x.rank() - target.rank();
        if (lead < 0) {
            throw new IllegalArgumentException("sumTo: cannot reduce " + x.shape + " to larger rank " + target);
        }
        // target must broadcast to exactly x's shape: (3, 1) cannot be summed to (1, 4)
        if (!Shape.broadcast("sumTo", x.shape, target).equals(x.shape)) {
            throw new IllegalArgumentException("sumTo: " + target + " does not broadcast to " + x.shape);
        }
        int[] axes = new int[x.rank()];
        int n = 0;
        for (int i = 0; i < x.rank(); i++) {
            if (i < lead || (target.dim(i - lead) == 1 && x.shape.dim(i) != 1)) {
                axes[n++] = i;
            }
        }
        if (n == 0) {
            return x.reshape(target.dims());
        }
        Tensor s = reduce(ReduceOp.SUM, x, Axes.of(java.util.Arrays.copyOf(axes, n)).keepDims());
        return s.reshape(target.dims());
    }

    static IntTensor argmax(Tensor x, int axis) {
        int a = x.shape.axis("argmax", axis);
        Tensor p = moveToEnd(x, a).contiguous();
        int n = x.shape.dim(a);
        if (n == 0) {
            throw new IllegalArgumentException("argmax: axis " + axis + " is empty in shape " + x.shape);
        }
        int rows = x.size() / n;
        int[] out = new int[rows];
        for (int r = 0; r < rows; r++) {
            int base = p.offset + r * n;
            int best = 0;
            float bv = p.data[base];
            for (int j = 1; j < n && !Float.isNaN(bv); j++) {
                float v = p.data[base + j];
                if (v > bv || Float.isNaN(v)) { // NumPy: the first NaN wins
                    bv = v;
                    best = j;
                }
            }
            out[r] = best;
        }
        int[] dims = new int[x.rank() - 1];
        for (int i = 0, j = 0; i < x.rank(); i++) {
            if (i != a) {
                dims[j++] = x.shape.dim(i);
            }
        }
        return IntTensor.wrap(out, new Shape(dims));
    }

    static Tensor softmax(Tensor x, int axis, boolean log) {
        int a = x.shape.axis(log ? "logSoftmax" : "softmax", axis);
        boolean last = a == x.rank() - 1;
        Tensor p = (last ? x : moveToEnd(x, a)).contiguous();
        int n = x.shape.dim(a);
        float[] y = new float[p.size()];
        MathKernel k = Kernels.math();
        for (int off = 0; n > 0 && off < y.length; off += n) {
            if (log) {
                k.logSoftmax(p.data, p.offset + off, y, off, n);
            } else {
                k.softmax(p.data, p.offset + off, y, off, n);
            }
        }
        Tensor out = Tensor.wrap(y, p.shape);
        return last ? out : moveFromEnd(out, a).contiguous();
    }

    /**
     * The softmax gradient y ⊙ (g − Σ g⊙y) along the axis, with one new array (and one row of scratch) instead of
     * three temporaries when the axis is last and both are contiguous: row by row, the same kernel calls as the
     * composed formula, so bit for bit the same. Otherwise the composed formula.
     */
    static Tensor softmaxBackward(Tensor y, Tensor g, int axis) {
        int a = y.shape.axis("softmaxBackward", axis);
        if (!g.shape.equals(y.shape)) {
            throw new IllegalArgumentException("softmaxBackward: gradient shape " + g.shape + " differs from "
                    + y.shape);
        }
        if (a != y.rank() - 1 || y.size() == 0 || !y.isContiguous() || !g.isContiguous()) {
            return y.mul(g.sub(g.mul(y).sum(Axes.of(a).keepDims())));
        }
        int n = y.shape.dim(a);
        float[] out = new float[y.size()];
        float[] gy = new float[n];
        MathKernel k = Kernels.math();
        for (int off = 0; off < out.length; off += n) {
            k.binary(BinaryOp.MUL, g.data, g.offset + off, y.data, y.offset + off, gy, 0, n);
            float dot = k.reduce(ReduceOp.SUM, gy, 0, n);
            k.binaryScalar(BinaryOp.SUB, g.data, g.offset + off, dot, out, off, n);
            k.binary(BinaryOp.MUL, y.data, y.offset + off, out, off, out, off, n);
        }
        return Tensor.wrap(out, y.shape);
    }

    static Tensor moveToEnd(Tensor x, int a) {
        int r = x.rank();
        int[] perm = new int[r];
        for (int i = 0, j = 0; i < r; i++) {
            if (i != a) {
                perm[j++] = i;
            }
        }
        perm[r - 1] = a;
        return x.permute(perm);
    }

    private static Tensor moveFromEnd(Tensor x, int a) {
        int r = x.rank();
        int[] perm = new int[r];
        for (int i = 0, j = 0; i < r; i++) {
            perm[i] = i == a ? r - 1 : j++;
        }
        return x.permute(perm);
    }
}
