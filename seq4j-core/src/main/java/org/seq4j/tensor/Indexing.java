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
        return Tensor.wrap(addRows("indexAdd", x.toArray(), x.shape, axis, index, source), x.shape);
    }

    /** zeros(shape).indexAdd(...) into one fresh array (the embedding gradient: one table-sized allocation). */
    static Tensor zerosIndexAdd(Shape shape, int axis, IntTensor index, Tensor source) {
        return Tensor.wrap(addRows("zerosIndexAdd", new float[shape.size()], shape, axis, index, source), shape);
    }

    /** Adds source's slices into y (row-major, of shape) at the positions index names; returns y. */
    private static float[] addRows(String op, float[] y, Shape shape, int axis, IntTensor index, Tensor source) {
        int a = shape.axis(op, axis);
        Shape expect = splice(shape, a, index.shape());
        if (!source.shape.equals(expect)) {
            throw new IllegalArgumentException(op + ": source shape " + source.shape + " should be " + expect
                    + " for x " + shape + " and index " + index.shape());
        }
        int pre = prod(shape, 0, a);
        int d = shape.dim(a);
        int post = prod(shape, a + 1, shape.rank());
        int n = index.size();
        int[] starts = rowStarts(source, a + index.shape().rank());
        Tensor s = starts == null ? source.contiguous() : source;
        MathKernel k = Kernels.math();
        for (int p = 0; p < pre; p++) {
            for (int i = 0; i < n; i++) {
                int id = checked(op, index.getFlat(i), d, shape);
                int r = p * n + i;
                k.axpy(1f, s.data, starts == null ? s.offset + r * post : starts[r], y, (p * d + id) * post, post);
            }
        }
        return y;
    }

    /**
     * Where each row of t starts in its storage, t seen as (rows, post) with rows over its first {@code outer}
     * dimensions; null when a row is not one contiguous run (then t is read through a copy). Lets a transposed
     * gradient be read in place.
     */
    private static int[] rowStarts(Tensor t, int outer) {
        int expected = 1;
        for (int i = t.rank() - 1; i >= outer; i--) {
            if (t.shape.dim(i) != 1 && t.strides[i] != expected) {
                return null;
            }
            expected *= t.shape.dim(i);
        }
        int rows = prod(t.shape, 0, outer);
        int[] starts = new int[rows];
        int[] idx = new int[outer];
        int off = t.offset;
        for (int r = 0; r < rows; r++) {
            starts[r] = off;
            for (int dim = outer - 1; dim >= 0; dim--) { // odometer over the outer dimensions
                off += t.strides[dim];
                if (++idx[dim] < t.shape.dim(dim)) {
                    break;
                }
                off -= t.strides[dim] * t.shape.dim(dim);
                idx[dim] = 0;
            }
        }
        return starts;
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
        return Tensor.wrap(scatter("scatterAdd", x.toArray(), x.shape, axis, index, source), x.shape);
    }

    /** zeros(shape).scatterAdd(...) into one fresh array (the gather gradient). */
    static Tensor zerosScatterAdd(Shape shape, int axis, IntTensor index, Tensor source) {
        return Tensor.wrap(scatter("zerosScatterAdd", new float[shape.size()], shape, axis, index, source), shape);
    }

    private static float[] scatter(String op, float[] y, Shape shape, int axis, IntTensor index, Tensor source) {
        int a = checkGatherShapes(op, shape, axis, index.shape());
        if (!source.shape.equals(index.shape())) {
            throw new IllegalArgumentException(
                    op + ": source shape " + source.shape + " differs from index shape " + index.shape());
        }
        float[] src = source.toArray();
        int[] xs = shape.contiguousStrides();
        int[] dims = index.shape().dims();
        int[] idx = new int[dims.length];
        for (int f = 0; f < src.length; f++) {
            y[sourceOffset(op, idx, a, index.getFlat(f), shape, xs)] += src[f];
            increment(idx, dims);
        }
        return y;
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
