package org.seq4j.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seq4j.autograd.GradMode;
import org.seq4j.autograd.Variable;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/**
 * A layer: weights created at construction (named as Keras names them, in Keras' {@code layer.weights} order), a
 * config record that rebuilds it, and a forward pass composed of autograd primitives, so no layer writes a backward.
 *
 * <p>Single-input layers override {@link #forward(Masked, Context)}; layers with several inputs or outputs
 * (attention, merges, RNNs returning state) override {@link #call(List, Context)}. Sub-layers (Bidirectional's two
 * directions, TimeDistributed's inner layer) are registered with {@link #addChild}, and their weights appear under
 * {@code child/weight} paths.
 */
public abstract class Layer {
    private final String name;
    private final Map<String, Variable> weights = new LinkedHashMap<>();
    private final Map<String, Layer> children = new LinkedHashMap<>();
    private boolean trainable = true;

    protected Layer(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** The record this layer was built from (serialised as the Keras-style config). */
    public abstract Record config();

    /** The Keras class name shown by summary(). */
    public String className() {
        return getClass().getSimpleName();
    }

    protected final Variable addWeight(String weightName, Tensor initial) {
        if (weights.containsKey(weightName) || children.containsKey(weightName)) {
            throw new IllegalArgumentException(name + ": weight '" + weightName + "' defined twice");
        }
        Variable v = Variable.parameter(initial);
        weights.put(weightName, v);
        return v;
    }

    /** A child under the empty name is transparent: its weights keep their own names (TimeDistributed). */
    protected final <L extends Layer> L addChild(String childName, L layer) {
        if (weights.containsKey(childName) || children.containsKey(childName)) {
            throw new IllegalArgumentException(name + ": child '" + childName + "' defined twice");
        }
        children.put(childName, layer);
        return layer;
    }

    /** Every weight, own first then children's, keyed by path ("kernel", "forward_lstm/kernel"). */
    public final Map<String, Variable> weights() {
        Map<String, Variable> all = new LinkedHashMap<>(weights);
        children.forEach((c, layer) -> layer.weights().forEach((w, v) -> all.put(c.isEmpty() ? w : c + "/" + w, v)));
        return Collections.unmodifiableMap(all);
    }

    /** The weights an optimizer updates: none when this layer (or an ancestor) is frozen. */
    public final List<Variable> trainableWeights() {
        if (!trainable) {
            return List.of();
        }
        List<Variable> out = new ArrayList<>(weights.values());
        children.values().forEach(c -> out.addAll(c.trainableWeights()));
        return out;
    }

    public final int countParams() {
        return weights().values().stream().mapToInt(v -> v.value().size()).sum();
    }

    public final boolean trainable() {
        return trainable;
    }

    /** Freezes or unfreezes this layer and its children (Keras {@code layer.trainable = False}). */
    public final void setTrainable(boolean value) {
        this.trainable = value;
    }

    /** Replaces a weight's value by path, checking the shape (loading saved or imported weights). */
    public final void setWeight(String path, Tensor value) {
        Variable v = weights().get(path);
        if (v == null) {
            throw new IllegalArgumentException(name + ": no weight '" + path + "' (have " + weights().keySet() + ")");
        }
        v.assign(value);
    }

    /** The general call: several inputs and outputs. The default serves single-input, single-output layers. */
    public List<Masked> call(List<Masked> inputs, Context ctx) {
        if (inputs.size() != 1) {
            throw new IllegalArgumentException(name + " (" + className() + ") takes 1 input, got " + inputs.size());
        }
        return List.of(forward(inputs.get(0), ctx));
    }

    /** The single-input forward pass. */
    protected Masked forward(Masked input, Context ctx) {
        throw new UnsupportedOperationException(className() + " overrides call(), not forward()");
    }

    /** Calls this layer on symbolic nodes (Functional API); the first output. */
    public final Node on(Node... inputs) {
        return Node.apply(this, List.of(inputs)).get(0);
    }

    /** Calls this layer on symbolic nodes, returning every output (e.g. an RNN with returnState). */
    public final List<Node> onAll(Node... inputs) {
        return Node.apply(this, List.of(inputs));
    }

    /** Inference on one input, keeping the graph if grad mode is on (for use inside a larger expression). */
    public final Variable apply(Variable x) {
        return call(List.of(Masked.of(x)), Context.inference()).get(0).value();
    }

    public final Masked apply(Masked x, Context ctx) {
        return call(List.of(x), ctx).get(0);
    }

    /**
     * Output shapes for input shapes (batch included), found by running the layer once on zeros without a graph:
     * the forward pass is the one definition of the shapes. Layers whose input is ids accept zeros as ids.
     */
    public List<Shape> outputShapes(List<Shape> inputShapes) {
        List<Masked> probes = new ArrayList<>();
        for (Shape s : inputShapes) {
            probes.add(Masked.of(Variable.constant(Tensor.zeros(s))));
        }
        try (GradMode.Scope g = GradMode.noGrad()) {
            return call(probes, Context.inference()).stream().map(m -> m.value().shape()).toList();
        }
    }

    @Override
    public String toString() {
        return className() + "(" + name + ", " + countParams() + " params)";
    }
}
