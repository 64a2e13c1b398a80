package org.seq4j.tensor;

import org.seq4j.tensor.kernel.BinaryOp;
import org.seq4j.tensor.kernel.Kernels;
import org.seq4j.tensor.kernel.MathKernel;

/**
 * A running sum of same-shape tensors, t₁ + t₂ + ... added left to right, in one array: the gradient of a value
 * used k times costs one new array instead of k − 1. The first term is kept as given (no copy while it is alone);
 * the second makes the sum's own array, into which later terms are added in place. That array becomes a tensor only
 * in {@link #result()}, after which the accumulator must not be used: tensors stay immutable. Bit for bit the same
 * as {@code t1.add(t2).add(t3)...}.
 */
public final class Accumulator {
    private final Shape shape;
    private Tensor first;
    private float[] sum;
    private boolean done;

    public Accumulator(Tensor first) {
        this.shape = first.shape;
        this.first = first;
    }

    /** Adds {@code t} (same shape, any layout). */
    public void add(Tensor t) {
        if (done) {
            throw new IllegalStateException("Accumulator: add after result()");
        }
        if (!t.shape.equals(shape)) {
            throw new IllegalArgumentException("Accumulator: shape " + t.shape + " differs from " + shape);
        }
        if (sum == null) {
            sum = first.add(t).data; // a fresh row-major array from offset 0: ours alone
            first = null;
        } else {
            addInto(sum, t);
        }
    }

    /** The sum: the first term itself when it was the only one. */
    public Tensor result() {
        done = true;
        return sum == null ? first : Tensor.wrap(sum, shape);
    }

    /** y += t elementwise, y row-major of t's shape, t read in place. */
    private static void addInto(float[] y, Tensor t) {
        if (y.length == 0) {
            return;
        }
        int[][] co = Strided.coalesce(t.shape.dims(), t.shape.contiguousStrides(), t.strides);
        int[] dims = co[0];
        int n = dims[dims.length - 1];
        int st = co[2][dims.length - 1];
        MathKernel k = Kernels.math();
        Strided.forEachRow(dims, new int[][] {co[2]}, new int[] {t.offset}, (o, offs) -> {
            if (st == 1) {
                k.binary(BinaryOp.ADD, y, o, t.data, offs[0], y, o, n);
            } else {
                for (int j = 0, src = offs[0]; j < n; j++, src += st) {
                    y[o + j] += t.data[src];
                }
            }
        });
    }
}
