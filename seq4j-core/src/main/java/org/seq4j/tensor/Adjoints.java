package org.seq4j.tensor;

/**
 * The adjoints (backward passes) of tensor ops that autograd's primitives return, each built in one new array
 * where the composition of ordinary ops (zeros, then index-add; a concat of zeros; a softmax Jacobian product in
 * four ops) would allocate several: on a training step these run once per node, on tensors as large as the
 * activations or an embedding table.
 */
public final class Adjoints {
    private Adjoints() {}

    /** g with {@code before} and {@code after} zeros added along {@code axis} (the gradient of narrow and select). */
    public static Tensor padZeros(Tensor g, int axis, int before, int after) {
        return Joining.padZeros(g, axis, before, after);
    }

    /** The gradient of softmax along {@code axis} from its output y and the output's gradient g: y ⊙ (g − Σ g⊙y). */
    public static Tensor softmaxBackward(Tensor y, Tensor g, int axis) {
        return Reductions.softmaxBackward(y, g, axis);
    }

    /** The gradient of relu from its input x and the output's gradient g: g ⊙ (x &gt; 0). */
    public static Tensor reluBackward(Tensor x, Tensor g) {
        return Elementwise.reluBackward(x, g);
    }

    /** {@code zeros(shape).indexAdd(axis, index, source)} (the gradient of indexSelect: an embedding lookup). */
    public static Tensor zerosIndexAdd(Shape shape, int axis, IntTensor index, Tensor source) {
        return Indexing.zerosIndexAdd(shape, axis, index, source);
    }

    /** {@code zeros(shape).scatterAdd(axis, index, source)} (the gradient of gather). */
    public static Tensor zerosScatterAdd(Shape shape, int axis, IntTensor index, Tensor source) {
        return Indexing.zerosScatterAdd(shape, axis, index, source);
    }
}
