package org.seq4j.tensor;

import java.util.Arrays;

/**
 * The dimensions of a tensor, outermost first (row-major). Immutable; a rank-0 shape is a scalar.
 *
 * <p>Batch-first throughout seq4j: a sequence batch is {@code (B, T, F)}.
 */
public record Shape(int[] dims) {

    public Shape {
        dims = dims.clone();
        for (int d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("Shape: negative dimension in " + Arrays.toString(dims));
            }
        }
    }

    public static Shape of(int... dims) {
        return new Shape(dims);
    }

    public static Shape scalar() {
        return new Shape(new int[0]);
    }

    public int rank() {
        return dims.length;
    }

    /** The size of dimension {@code axis}; negative axes count from the end. */
    public int dim(int axis) {
        return dims[axis(axis)];
    }

    /** Number of elements (1 for a scalar). */
    public int size() {
        long n = 1;
        for (int d : dims) {
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Shape: more than 2^31-1 elements in " + this);
        }
        return (int) n;
    }

    /** A copy of the dimensions (the record keeps its own array private to stay immutable). */
    @Override
    public int[] dims() {
        return dims.clone();
    }

    /** Normalises a possibly negative axis. */
    public int axis(int axis) {
        return axis(null, axis);
    }

    /** Normalises a possibly negative axis, naming {@code op} (when not null) in the error. */
    public int axis(String op, int axis) {
        int a = axis < 0 ? axis + dims.length : axis;
        if (a < 0 || a >= dims.length) {
            throw new IllegalArgumentException((op == null ? "" : op + ": ") + "axis " + axis
                    + " out of range for shape " + this + " (rank " + dims.length + ")");
        }
        return a;
    }

    /** Row-major (C-order) strides for these dimensions. */
    public int[] contiguousStrides() {
        int[] s = new int[dims.length];
        int acc = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= dims[i];
        }
        return s;
    }

    /** The NumPy broadcast of two shapes, or an exception naming {@code op} and both shapes. */
    public static Shape broadcast(String op, Shape a, Shape b) {
        int rank = Math.max(a.rank(), b.rank());
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.rank() ? 1 : a.dims[i - (rank - a.rank())];
            int db = i < rank - b.rank() ? 1 : b.dims[i - (rank - b.rank())];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(op + ": shapes " + a + " and " + b + " cannot be broadcast");
            }
            out[i] = da == 1 ? db : da;
        }
        return new Shape(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < dims.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(dims[i]);
        }
        return sb.append(dims.length == 1 ? ",)" : ")").toString();
    }
}
