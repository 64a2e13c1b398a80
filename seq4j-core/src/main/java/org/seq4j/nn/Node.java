package org.seq4j.nn;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.seq4j.tensor.Shape;

/**
 * A symbolic tensor of the Functional API (Keras' KerasTensor): either a model input or output {@code index} of one
 * layer call. Its shape (batch dimension shown as 1) is known when it is made, because the call is traced once on
 * zeros, so a wrong wiring fails at the line that made it.
 */
public final class Node {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    /** One application of a layer to input nodes; its output nodes share it. */
    record Call(long order, Layer layer, List<Node> inputs) {}

    private final Call call;          // null for an input
    private final String inputName;   // null for a layer output
    private final int index;
    private final Shape shape;

    private Node(Call call, String inputName, int index, Shape shape) {
        this.call = call;
        this.inputName = inputName;
        this.index = index;
        this.shape = shape;
    }

    /** A model input of the given shape without the batch dimension. */
    public static Node input(String name, int... dims) {
        return new Node(null, name, 0, Sequential.withBatch(Shape.of(dims)));
    }

    /** Applies {@code layer} to input nodes, returning one node per output of the call. */
    static List<Node> apply(Layer layer, List<Node> inputs) {
        List<Shape> shapes = layer.outputShapes(inputs.stream().map(Node::shape).toList());
        Call c = new Call(SEQUENCE.incrementAndGet(), layer, List.copyOf(inputs));
        return java.util.stream.IntStream.range(0, shapes.size())
                .mapToObj(i -> new Node(c, null, i, shapes.get(i))).toList();
    }

    /** Shape with a leading batch dimension of 1 standing for any batch. */
    public Shape shape() {
        return shape;
    }

    public boolean isInput() {
        return call == null;
    }

    String inputName() {
        return inputName;
    }

    Call call() {
        return call;
    }

    int index() {
        return index;
    }

    @Override
    public String toString() {
        return isInput() ? "Input(" + inputName + ", " + shape + ")"
                : "Node(" + call.layer().name() + "[" + index + "], " + shape + ")";
    }
}
