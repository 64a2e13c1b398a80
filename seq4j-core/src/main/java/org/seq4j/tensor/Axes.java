package org.seq4j.tensor;

/**
 * Which axes a reduction collapses, and whether it keeps them as size-1 dimensions ({@code keep}). No axes means all of them.
 * {@code Axes.of(1, 2).keepDims()} is NumPy's {@code axis=(1, 2), keepdims=True}.
 */
public record Axes(int[] axes, boolean keep) {

    public Axes {
        axes = axes.clone();
    }

    public static Axes of(int... axes) {
        return new Axes(axes, false);
    }

    public static Axes all() {
        return new Axes(new int[0], false);
    }

    /** The same axes, kept as size-1 dimensions in the result. */
    public Axes keepDims() {
        return new Axes(axes, true);
    }

    @Override
    public int[] axes() {
        return axes.clone();
    }

    /** The shape a keep-dims reduction of a tensor of {@code shape} over these axes has: reduced axes set to 1. */
    public Shape keptShape(Shape shape) {
        int[] dims = shape.dims();
        for (int a : resolve("reduce", shape)) {
            dims[a] = 1;
        }
        return Shape.of(dims);
    }

    /** Normalised, sorted, duplicate-checked axes of a tensor of {@code shape}; all of them when none are named. */
    int[] resolve(String op, Shape shape) {
        if (axes.length == 0) {
            int[] all = new int[shape.rank()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        boolean[] seen = new boolean[shape.rank()];
        for (int a : axes) {
            int n = shape.axis(op, a);
            if (seen[n]) {
                throw new IllegalArgumentException(op + ": axis " + a + " named twice for shape " + shape);
            }
            seen[n] = true;
        }
        int[] out = new int[axes.length];
        int k = 0;
        for (int i = 0; i < seen.length; i++) {
            if (seen[i]) {
                out[k++] = i;
            }
        }
        return out;
    }
}
