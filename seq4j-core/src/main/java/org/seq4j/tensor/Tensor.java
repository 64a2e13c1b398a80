package org.seq4j.tensor;

/** Work in progress: the float32 tensor. */
public final class Tensor {
    final float[] data;
    final Shape shape;

    private Tensor(float[] data, Shape shape) {
        this.data = data;
        this.shape = shape;
    }

    public static Tensor of(float[] data, int... dims) {
        return new Tensor(data.clone(), Shape.of(dims));
    }

    public Shape shape() {
        return shape;
    }
}
