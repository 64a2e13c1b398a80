package org.seq4j.tensor;

import java.util.Arrays;

/**
 * An immutable, contiguous, row-major tensor of 32-bit ints: token ids, class labels, argmax results, indices for
 * gather. Kept apart from the float32 {@link Tensor} so that ids are never rounded through a float.
 */
public final class IntTensor {
    private final Shape shape;
    private final int[] data;

    private IntTensor(Shape shape, int[] data) {
        this.shape = shape;
        this.data = data;
    }

    /** Copies {@code data} into a tensor of shape {@code dims}. */
    public static IntTensor of(int[] data, int... dims) {
        Shape s = Shape.of(dims);
        if (s.size() != data.length) {
            throw new IllegalArgumentException(
                    "IntTensor.of: " + data.length + " values do not fill shape " + s);
        }
        return new IntTensor(s, data.clone());
    }

    /** A rank-2 tensor from equal-length rows. */
    public static IntTensor of(int[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        int[] flat = new int[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != cols) {
                throw new IllegalArgumentException("IntTensor.of: row " + r + " has length " + rows[r].length
                        + " but row 0 has " + cols);
            }
            System.arraycopy(rows[r], 0, flat, r * cols, cols);
        }
        return new IntTensor(Shape.of(rows.length, cols), flat);
    }

    /** Takes ownership of {@code data}: for producers inside the tensor package that just filled it. */
    static IntTensor wrap(int[] data, Shape shape) {
        return new IntTensor(shape, data);
    }

    public Shape shape() {
        return shape;
    }

    public int size() {
        return data.length;
    }

    public int get(int... index) {
        return data[flatIndex(index)];
    }

    /** The element at a flat row-major position. */
    public int getFlat(int i) {
        return data[i];
    }

    public int[] toArray() {
        return data.clone();
    }

    /** Row {@code r} of a rank-2 tensor, as a copy. */
    public int[] row(int r) {
        if (shape.rank() != 2) {
            throw new IllegalArgumentException("IntTensor.row: needs rank 2, shape is " + shape);
        }
        if (r < 0 || r >= shape.dim(0)) {
            throw new IndexOutOfBoundsException("IntTensor.row: row " + r + " out of range for shape " + shape);
        }
        int cols = shape.dim(1);
        return Arrays.copyOfRange(data, r * cols, (r + 1) * cols);
    }

    public IntTensor reshape(int... dims) {
        Shape s = Shape.of(dims);
        if (s.size() != data.length) {
            throw new IllegalArgumentException("IntTensor.reshape: shapes " + shape + " and " + s + " differ in size");
        }
        return new IntTensor(s, data);
    }

    /** Converts to float32, for arithmetic with ids (masks, one-hot by comparison). */
    public Tensor toFloat() {
        float[] f = new float[data.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = data[i];
        }
        return Tensor.of(f, shape.dims());
    }

    private int flatIndex(int[] index) {
        if (index.length != shape.rank()) {
            throw new IllegalArgumentException(
                    "IntTensor.get: index of rank " + index.length + " for shape " + shape);
        }
        int[] strides = shape.contiguousStrides();
        int flat = 0;
        for (int i = 0; i < index.length; i++) {
            if (index[i] < 0 || index[i] >= shape.dim(i)) {
                throw new IndexOutOfBoundsException(
                        "IntTensor.get: index " + Arrays.toString(index) + " out of bounds for shape " + shape);
            }
            flat += index[i] * strides[i];
        }
        return flat;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntTensor t && shape.equals(t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * shape.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "IntTensor" + shape + " " + (data.length <= 64 ? Arrays.toString(data) : "[" + data.length + " values]");
    }
}
