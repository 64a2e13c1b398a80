package org.seq4j.nn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model as a graph of layer calls (the Keras Functional API): inputs → layer calls → outputs, with several inputs,
 * several outputs, and shared layers (one layer called at several places has one set of weights). Build it from
 * {@link Node#input} and {@link Layer#on}:
 *
 * <pre>{@code
 * Node ids = Node.input("ids", 200);
 * Node h = lstm.on(embedding.on(ids));
 * Functional model = Functional.of("classifier", List.of(ids), List.of(dense.on(h)));
 * }</pre>
 */
public final class Functional extends Layer {

    /** The graph as data: each call is (layer name, input references "layer[index]" or "input:name"). */
    public record Config(String name, List<String> inputs, List<int[]> inputShapes, List<Record> layers,
                         List<List<String>> calls, List<String> outputs) {}

    private final List<Node> inputs;
    private final List<Node> outputs;
    private final List<Node.Call> calls;                 // topological (creation) order
    private final Map<Layer, String> layerNames = new IdentityHashMap<>();

    private Functional(String name, List<Node> inputs, List<Node> outputs) {
        super(name);
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        for (Node in : inputs) {
            if (!in.isInput()) {
                throw new IllegalArgumentException(name + ": " + in + " is not an input node");
            }
        }
        this.calls = reachableCalls(outputs);
        UniqueNames names = new UniqueNames();
        for (Node.Call c : calls) {
            for (Node n : c.inputs()) {
                if (n.isInput() && !this.inputs.contains(n)) {
                    throw new IllegalArgumentException(name + ": output depends on " + n + ", not among the inputs");
                }
            }
            if (!layerNames.containsKey(c.layer())) {
                String unique = names.next(c.layer().name());
                layerNames.put(c.layer(), unique);
                addChild(unique, c.layer());
            }
        }
    }

    public static Functional of(String name, List<Node> inputs, List<Node> outputs) {
        return new Functional(name, inputs, outputs);
    }

    private static List<Node.Call> reachableCalls(List<Node> outputs) {
        Set<Node.Call> seen = new LinkedHashSet<>();
        List<Node> stack = new ArrayList<>(outputs);
        while (!stack.isEmpty()) {
            Node n = stack.remove(stack.size() - 1);
            if (!n.isInput() && seen.add(n.call())) {
                stack.addAll(n.call().inputs());
            }
        }
        List<Node.Call> ordered = new ArrayList<>(seen);
        ordered.sort(Comparator.comparingLong(Node.Call::order));
        return ordered;
    }

    public List<Node> inputs() {
        return inputs;
    }

    public List<Node> outputs() {
        return outputs;
    }

    /** Each distinct layer once, in the order of its first call. */
    public List<Layer> layers() {
        return new ArrayList<>(layerNames.keySet().stream()
                .sorted(Comparator.comparingLong(this::firstCall)).toList());
    }

    private long firstCall(Layer l) {
        return calls.stream().filter(c -> c.layer() == l).mapToLong(Node.Call::order).min().orElse(0);
    }

    @Override
    public List<Masked> call(List<Masked> given, Context ctx) {
        if (given.size() != inputs.size()) {
            throw new IllegalArgumentException(name() + ": takes " + inputs.size() + " inputs, got " + given.size());
        }
        Map<Node, Masked> values = new IdentityHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            values.put(inputs.get(i), given.get(i));
        }
        Map<Node.Call, List<Masked>> done = new HashMap<>();
        for (Node.Call c : calls) {
            List<Masked> args = c.inputs().stream().map(n -> valueOf(n, values, done)).toList();
            done.put(c, c.layer().call(args, ctx));
        }
        return outputs.stream().map(n -> valueOf(n, values, done)).toList();
    }

    private static Masked valueOf(Node n, Map<Node, Masked> inputs, Map<Node.Call, List<Masked>> done) {
        return n.isInput() ? inputs.get(n) : done.get(n.call()).get(n.index());
    }

    @Override
    public Config config() {
        List<Record> layerConfigs = new ArrayList<>();
        layers().forEach(l -> layerConfigs.add(l.config()));
        List<List<String>> callRefs = new ArrayList<>();
        for (Node.Call c : calls) {
            List<String> ref = new ArrayList<>();
            ref.add(layerNames.get(c.layer()));
            c.inputs().forEach(n -> ref.add(reference(n)));
            callRefs.add(ref);
        }
        List<int[]> shapes = inputs.stream().map(n -> withoutBatch(n.shape())).toList();
        return new Config(name(), inputs.stream().map(Node::inputName).toList(), shapes, layerConfigs, callRefs,
                outputs.stream().map(this::reference).toList());
    }

    private static int[] withoutBatch(org.seq4j.tensor.Shape s) {
        return java.util.Arrays.copyOfRange(s.dims(), 1, s.rank());
    }

    /** Rebuilds the graph from its config: the layers from their configs, then every call replayed in order. */
    public static Functional fromConfig(Config config, java.util.random.RandomGenerator rng) {
        Map<String, Node> inputNodes = new LinkedHashMap<>();
        for (int i = 0; i < config.inputs().size(); i++) {
            inputNodes.put(config.inputs().get(i), Node.input(config.inputs().get(i), config.inputShapes().get(i)));
        }
        UniqueNames names = new UniqueNames();
        Map<String, Layer> layers = new HashMap<>();
        for (Record c : config.layers()) {
            Layer l = LayerFactory.create(c, rng);
            layers.put(names.next(l.name()), l);
        }
        List<List<Node>> callOutputs = new ArrayList<>();
        for (List<String> call : config.calls()) {
            Layer l = layers.get(call.get(0));
            if (l == null) {
                throw new IllegalArgumentException(config.name() + ": call of unknown layer " + call.get(0));
            }
            List<Node> args = call.subList(1, call.size()).stream()
                    .map(r -> resolve(r, inputNodes, callOutputs)).toList();
            callOutputs.add(Node.apply(l, args));
        }
        return of(config.name(), List.copyOf(inputNodes.values()),
                config.outputs().stream().map(r -> resolve(r, inputNodes, callOutputs)).toList());
    }

    private static Node resolve(String ref, Map<String, Node> inputs, List<List<Node>> calls) {
        if (ref.startsWith("input:")) {
            Node n = inputs.get(ref.substring("input:".length()));
            if (n == null) {
                throw new IllegalArgumentException("unknown input in reference " + ref);
            }
            return n;
        }
        int hash = ref.lastIndexOf('#');
        int bracket = ref.lastIndexOf('[');
        int call = Integer.parseInt(ref.substring(hash + 1, bracket));
        int index = Integer.parseInt(ref.substring(bracket + 1, ref.length() - 1));
        if (call < 0 || call >= calls.size() || index >= calls.get(call).size()) {
            throw new IllegalArgumentException("reference " + ref + " points at no earlier call");
        }
        return calls.get(call).get(index);
    }

    private String reference(Node n) {
        if (n.isInput()) {
            return "input:" + n.inputName();
        }
        return layerNames.get(n.call().layer()) + "#" + calls.indexOf(n.call()) + "[" + n.index() + "]";
    }

    /** The Keras summary table with a "Connected to" column. */
    public String summary() {
        Summary s = new Summary(name(), true);
        for (Node in : inputs) {
            s.row(in.inputName(), "InputLayer", List.of(in.shape()), 0, List.of());
        }
        Map<Layer, List<String>> connected = new LinkedHashMap<>();
        Map<Layer, List<org.seq4j.tensor.Shape>> shapes = new LinkedHashMap<>();
        for (Node.Call c : calls) {
            List<String> from = connected.computeIfAbsent(c.layer(), k -> new ArrayList<>());
            c.inputs().forEach(n -> from.add(n.isInput() ? n.inputName() + "[0]"
                    : layerNames.get(n.call().layer()) + "[" + n.index() + "]"));
            shapes.computeIfAbsent(c.layer(), k -> outputsOf(c));
        }
        for (Layer l : layers()) {
            s.row(layerNames.get(l), l.className(), shapes.get(l), l.countParams(), connected.get(l));
        }
        return s.render(this);
    }

    private List<org.seq4j.tensor.Shape> outputsOf(Node.Call c) {
        return c.layer().outputShapes(c.inputs().stream().map(Node::shape).toList());
    }
}
