package org.seq4j.tensor;

import org.seq4j.tensor.kernel.Kernels;
import org.seq4j.tensor.kernel.MathKernel;

/**
 * Integer-indexed ops: index-select (embedding lookup) and its adjoint index-add, PyTorch-style gather and its
 * adjoint scatter-add, and one-hot. Every index is bounds-checked; a bad one names the op, its value and the shape.
 */
final class Indexing {
    private Indexing() {}

    /** out[pre, i..., post] = x[pre, index[i...], post]. */
    static Tensor indexSelect(Tensor x, int axis, IntTensor index) {
        int a = x.shape.axis("indexSelect", axis);
        Tensor c = x.contiguous();
        int pre = prod(x.shape, 0, a);
        int d = x.shape.dim(a);
        int post = prod(x.shape, a + 1, x.rank());
        int n = index.size();
        float[] y = new float[pre * n * post];
        for (int p = 0; p < pre; p++) {
            for (int i = 0; i < n; i++) {
                int id = checked("indexSelect", index.getFlat(i), d, x.shape);
                System.arraycopy(c.data, c.offset + (p * d + id) * post, y, (p * n + i) * post, post);
            }
        }
        return Tensor.wrap(y, splice(x.shape, a, index.shape()));
    }

    /** x + Σ source slices added at the positions index names; repeated indices accumulate. */
    static Tensor indexAdd(Tensor x, int axis, IntTensor index, Tensor source) {
        int a = x.shape.axis("indexAdd", axis);
        Shape expect = splice(x.shape, a, index.shape());
        if (!source.shape.equals(expect)) {
            throw new IllegalArgumentException("indexAdd: source shape " + source.shape + " should be " + expect
                    + " for x " + x.shape + " and index " + index.shape());
        }
        float[] y = x.toArray();
        Tensor s = source.contiguous();
        int pre = prod(x.shape, 0, a);
        int d = x.shape.dim(a);
        int post = prod(x.shape, a + 1, x.rank());
        int n = index.size();
        MathKernel k = Kernels.math();
        for (int p = 0; p < pre; p++) {
            for (int i = 0; i < n; i++) {
                int id = checked("indexAdd", index.getFlat(i), d, x.shape);
                k.axpy(1f, s.data, s.offset + (p * n + i) * post, y, (p * d + id) * post, post);
            }
        }
        return Tensor.wrap(y, x.shape);
    }

    /** out[i][j][k] = x[i][index[i][j][k]][k] (axis 1); index has x's rank and no larger a dimension elsewhere. */
    static Tensor gather(Tensor x, int axis, IntTensor index) {
        int a = checkGatherShapes("gather", x.shape, axis, index.shape());
        Tensor c = x.contiguous();
        int[] xs = x.shape.contiguousStrides();
        int[] dims = index.shape().dims();
        float[] y = new float[index.size()];
        int[] idx = new int[dims.length];
        for (int f = 0; f < y.length; f++) {
            y[f] = c.data[c.offset + sourceOffset("gather", idx, a, index.getFlat(f), x.shape, xs)];
            increment(idx, dims);
        }
        return Tensor.wrap(y, index.shape());
    }

    /** x + source added at the positions gather would have read (repeated positions accumulate). */
    static Tensor scatterAdd(Tensor x, int axis, IntTensor index, Tensor source) {
        int a = checkGatherShapes("scatterAdd", x.shape, axis, index.shape());
        if (!source.shape.equals(index.shape())) {
            throw new IllegalArgumentException(
                    "scatterAdd: source shape " + source.shape + " differs from index shape " + index.shape());
        }
        float[] y = x.toArray();
        float[] src = source.toArray();
        int[] xs = x.shape.contiguousStrides();
        int[] dims = index.shape().dims();
        int[] idx = new int[dims.length];
        for (int f = 0; f < src.length; f++) {
            y[sourceOffset("scatterAdd", idx, a, index.getFlat(f), x.shape, xs)] += src[f];
            increment(idx, dims);
        }
        return Tensor.wrap(y, x.shape);
    }

    static Tensor oneHot(IntTensor ids, int depth) {
        if (depth <= 0) {
            throw new IllegalArgumentException("oneHot: depth must be positive, got " + depth);
        }
        float[] y = new float[ids.size() * depth];
        for (int i = 0; i < ids.size(); i++) {
            y[i * depth + checked("oneHot", ids.getFlat(i), depth, Shape.of(depth))] = 1f;
        }
        int[] dims = java.util.Arrays.copyOf(ids.shape().dims(), ids.shape().rank() + 1);
        dims[dims.length - 1] = depth;
        return Tensor.wrap(y, new Shape(dims));
    }

    private static int checkGatherShapes(String op, Shape x, int axis, Shape index) {
        int a = x.axis(op, axis);
        if (index.rank() != x.rank()) {
            throw new IllegalArgumentException(op + ": index shape " + index + " must have the rank of " + x);
        }
        for (int i = 0; i < x.rank(); i++) {
            if (i != a && index.dim(i) > x.dim(i)) {
                throw new IllegalArgumentException(op + ": index shape " + index + " exceeds " + x + " on axis " + i);
            }
        }
        return a;
    }

    private static int sourceOffset(String op, int[] idx, int axis, int id, Shape x, int[] xs) {
        int off = 0;
        for (int d = 0; d < idx.length; d++) {
            off += (d == axis ? checked(op, id, x.dim(axis), x) : idx[d]) * xs[d];
        }
        return off;
    }

    private static void increment(int[] idx, int[] dims) {
        for (int d = dims.length - 1; d >= 0; d--) {
            if (++idx[d] < dims[d]) {
                return;
            }
            idx[d] = 0;
        }
    }

    private static int checked(String op, int id, int size, Shape shape) {
        if (id < 0 || id >= size) {
            throw new IndexOutOfBoundsException(op + ": index " + id + " out of range [0, " + size + ") for shape " + shape);
        }
        return id;
    }

    private static int prod(Shape s, int from, int to) {
        int p = 1;
        for (int i = from; i < to; i++) {
            p *= s.dim(i);
        }
        return p;
    }

    /** shape with dimension {@code axis} replaced by all of {@code inner}'s dimensions. */
    private static Shape splice(Shape s, int axis, Shape inner) {
        int[] d = new int[s.rank() - 1 + inner.rank()];
        int j = 0;
        for (int i = 0; i < axis; i++) {
            d[j++] = s.dim(i);
        }
        for (int i = 0; i < inner.rank(); i++) {
            d[j++] = inner.dim(i);
        }
        for (int i = axis + 1; i < s.rank(); i++) {
            d[j++] = s.dim(i);
        }
        return new Shape(d);
    }
}
