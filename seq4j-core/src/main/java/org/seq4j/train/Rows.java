package org.seq4j.train;

import java.util.ArrayList;
import java.util.List;
import org.seq4j.tensor.IntTensor;
import org.seq4j.tensor.Tensor;

/** Row (first-axis) selection of the two target types, so that datasets stay typed without an Object parameter. */
final class Rows {
    private Rows() {}

    static void checkTarget(Object y) {
        if (!(y instanceof Tensor) && !(y instanceof IntTensor)) {
            throw new IllegalArgumentException("targets must be a Tensor or an IntTensor, got "
                    + (y == null ? "null" : y.getClass().getName()));
        }
    }

    static int count(Object y) {
        return switch (y) {
            case Tensor t -> t.dim(0);
            case IntTensor t -> t.shape().dim(0);
            default -> throw new IllegalArgumentException("unsupported targets " + y.getClass());
        };
    }

    /** The rows {@code index} of y, in that order. */
    @SuppressWarnings("unchecked")
    static <Y> Y take(Y y, int[] index) {
        return (Y) switch (y) {
            case Tensor t -> take(t, index);
            case IntTensor t -> take(t, index);
            default -> throw new IllegalArgumentException("unsupported targets " + y.getClass());
        };
    }

    static Tensor take(Tensor t, int[] index) {
        return t.indexSelect(0, IntTensor.of(index, index.length));
    }

    static IntTensor take(IntTensor t, int[] index) {
        int[] dims = t.shape().dims().clone();
        int row = dims[0] == 0 ? 0 : t.size() / dims[0];
        int[] src = t.toArray();
        int[] out = new int[index.length * row];
        for (int i = 0; i < index.length; i++) {
            System.arraycopy(src, index[i] * row, out, i * row, row);
        }
        dims[0] = index.length;
        return IntTensor.of(out, dims);
    }

    static List<Tensor> take(List<Tensor> xs, int[] index) {
        List<Tensor> out = new ArrayList<>(xs.size());
        xs.forEach(x -> out.add(take(x, index)));
        return out;
    }

    /** Targets as floats, the form metrics read (class ids become whole numbers, as Keras' labels are). */
    static Tensor asFloat(Object y) {
        return switch (y) {
            case Tensor t -> t;
            case IntTensor t -> t.toFloat();
            default -> throw new IllegalArgumentException("unsupported targets " + y.getClass());
        };
    }

    static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }
}
