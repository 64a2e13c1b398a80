package org.seq4j.tensor;

import java.util.ArrayList;
import java.util.List;

/** concat, stack, split and zero padding. Split returns views; the others copy each part's elements once. */
final class Joining {
    private Joining() {}

    static Tensor concat(int axis, List<Tensor> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("concat: no tensors");
        }
        Shape first = parts.get(0).shape;
        int a = first.axis("concat", axis);
        int total = 0;
        for (Tensor t : parts) {
            if (t.rank() != first.rank()) {
                throw new IllegalArgumentException("concat: shapes " + first + " and " + t.shape + " differ in rank");
            }
            for (int i = 0; i < first.rank(); i++) {
                if (i != a && t.shape.dim(i) != first.dim(i)) {
                    throw new IllegalArgumentException("concat: shapes " + first + " and " + t.shape
                            + " differ outside axis " + axis);
                }
            }
            total += t.shape.dim(a);
        }
        int[] dims = first.dims();
        dims[a] = total;
        Shape out = new Shape(dims);
        float[] y = new float[out.size()];
        int[] ys = out.contiguousStrides();
        int start = 0;
        for (Tensor t : parts) {
            Strided.copyInto(t, y, start * ys[a], ys); // part t fills [start, start + its length) along a
            start += t.shape.dim(a);
        }
        return Tensor.wrap(y, out);
    }

    /** x with {@code before} and {@code after} zeros added along axis: one zeroed array with x copied into its slice. */
    static Tensor padZeros(Tensor x, int axis, int before, int after) {
        int a = x.shape.axis("padZeros", axis);
        if (before < 0 || after < 0) {
            throw new IllegalArgumentException("padZeros: negative padding " + before + ", " + after + " for shape "
                    + x.shape);
        }
        int[] dims = x.shape.dims();
        dims[a] += before + after;
        Shape out = new Shape(dims);
        float[] y = new float[out.size()];
        int[] ys = out.contiguousStrides();
        Strided.copyInto(x, y, before * ys[a], ys);
        return Tensor.wrap(y, out);
    }

    static Tensor stack(int axis, List<Tensor> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("stack: no tensors");
        }
        Shape first = parts.get(0).shape;
        if (axis < -first.rank() - 1 || axis > first.rank()) {
            throw new IllegalArgumentException("stack: axis " + axis + " out of range for shape " + first
                    + " (the result has rank " + (first.rank() + 1) + ")");
        }
        List<Tensor> expanded = new ArrayList<>(parts.size());
        for (Tensor t : parts) {
            if (!t.shape.equals(first)) {
                throw new IllegalArgumentException("stack: shapes " + first + " and " + t.shape + " differ");
            }
            expanded.add(t.unsqueeze(axis));
        }
        return concat(axis, expanded);
    }

    static List<Tensor> split(Tensor x, int axis, int[] sizes) {
        int a = x.shape.axis("split", axis);
        int sum = 0;
        for (int s : sizes) {
            if (s < 0) {
                throw new IllegalArgumentException(
                        "split: negative size in " + java.util.Arrays.toString(sizes) + " for shape " + x.shape);
            }
            sum += s;
        }
        if (sum != x.shape.dim(a)) {
            throw new IllegalArgumentException("split: sizes " + java.util.Arrays.toString(sizes) + " sum to " + sum
                    + " but axis " + axis + " of shape " + x.shape + " has " + x.shape.dim(a));
        }
        List<Tensor> out = new ArrayList<>(sizes.length);
        int start = 0;
        for (int s : sizes) {
            out.add(x.narrow(a, start, s));
            start += s;
        }
        return out;
    }
}
