package org.seq4j.autograd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.seq4j.tensor.Accumulator;
import org.seq4j.tensor.Axes;
import org.seq4j.tensor.IntTensor;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/**
 * A node of the computation graph: a tensor value, and, when it requires grad, how it was made (the op's name, its
 * inputs, its {@link Backward}). Reverse-mode differentiation walks the graph from a scalar loss back to the leaves
 * in reverse topological order; a leaf used several times accumulates the sum of its gradients.
 *
 * <p>Leaves that require grad are the trainable parameters: their value may be replaced (by an optimizer) with
 * {@link #assign}, their gradient read with {@link #grad} and cleared with {@link #zeroGrad}. Gradients of
 * intermediate nodes are released as soon as they have been propagated.
 */
public final class Variable {
    private Tensor value;
    private Tensor grad;
    private final boolean requiresGrad;
    private final String op;
    private final Variable[] inputs;
    private final Backward backward;

    private Variable(Tensor value, boolean requiresGrad, String op, Variable[] inputs, Backward backward) {
        this.value = value;
        this.requiresGrad = requiresGrad;
        this.op = op;
        this.inputs = inputs;
        this.backward = backward;
    }

    /** A leaf that requires grad: a trainable parameter or an input whose gradient is wanted. */
    public static Variable parameter(Tensor value) {
        return new Variable(value, true, "parameter", new Variable[0], null);
    }

    /** A leaf that needs no gradient: data, labels, masks. */
    public static Variable constant(Tensor value) {
        return new Variable(value, false, "constant", new Variable[0], null);
    }

    /**
     * The result of a primitive. It records the graph only when grad mode is on and some input requires grad;
     * otherwise it is a constant and {@code backward} is dropped unused.
     */
    public static Variable op(String name, Tensor value, Backward backward, Variable... inputs) {
        if (GradMode.isEnabled()) {
            for (Variable in : inputs) {
                if (in.requiresGrad) {
                    return new Variable(value, true, name, inputs.clone(), backward);
                }
            }
        }
        return new Variable(value, false, name, new Variable[0], null);
    }

    public Tensor value() {
        return value;
    }

    public Shape shape() {
        return value.shape();
    }

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** The name of the primitive that made this node ("parameter" and "constant" for leaves). */
    public String opName() {
        return op;
    }

    public boolean isLeaf() {
        return backward == null;
    }

    /** The accumulated gradient, or null when none has reached this leaf yet. */
    public Tensor grad() {
        return grad;
    }

    public void zeroGrad() {
        grad = null;
    }

    /** Replaces a parameter's value (same shape), as an optimizer step does. */
    public void assign(Tensor newValue) {
        if (!isLeaf() || !requiresGrad) {
            throw new IllegalStateException("assign: only parameters can be assigned, this is " + op);
        }
        if (!newValue.shape().equals(value.shape())) {
            throw new IllegalArgumentException("assign: shape " + newValue.shape() + " differs from " + value.shape());
        }
        value = newValue;
    }

    /** The same value cut from the graph: gradients stop here. */
    public Variable detach() {
        return constant(value);
    }

    /** Back-propagates from this scalar (seed 1). */
    public void backward() {
        if (value.size() != 1) {
            throw new IllegalStateException("backward: needs a scalar, shape is " + value.shape()
                    + "; pass a seed gradient of that shape instead");
        }
        backward(Tensor.full(value.shape(), 1f));
    }

    /** Back-propagates {@code seed} (the gradient of some loss with respect to this value). */
    public void backward(Tensor seed) {
        if (!seed.shape().equals(value.shape())) {
            throw new IllegalArgumentException("backward: seed shape " + seed.shape() + " differs from " + value.shape());
        }
        if (!requiresGrad) {
            throw new IllegalStateException("backward: " + op + " does not require grad (no parameter reaches it)");
        }
        List<Variable> order = topologicalOrder();
        // a node's gradient sums what each use sends back, in one array however many uses (Accumulator)
        Map<Variable, Accumulator> pending = new IdentityHashMap<>();
        pending.put(this, new Accumulator(seed));
        for (Variable v : order) {
            Accumulator sum = pending.remove(v);
            if (sum == null) {
                continue;
            }
            Tensor g = sum.result();
            if (v.isLeaf()) {
                v.grad = v.grad == null ? g : v.grad.add(g);
                continue;
            }
            Tensor[] gin = v.backward.apply(g);
            for (int i = 0; i < v.inputs.length; i++) {
                Variable in = v.inputs[i];
                if (in.requiresGrad && gin[i] != null) {
                    checkShape(v, in, gin[i]);
                    Accumulator acc = pending.get(in);
                    if (acc == null) {
                        pending.put(in, new Accumulator(gin[i]));
                    } else {
                        acc.add(gin[i]);
                    }
                }
            }
        }
    }

    private static void checkShape(Variable node, Variable input, Tensor g) {
        if (!g.shape().equals(input.shape())) {
            throw new IllegalStateException("backward of " + node.op + ": gradient shape " + g.shape()
                    + " differs from input shape " + input.shape());
        }
    }

    /** Nodes reachable from here that require grad, each after every node that uses it (iterative DFS). */
    private List<Variable> topologicalOrder() {
        List<Variable> post = new ArrayList<>();
        Map<Variable, Boolean> visited = new IdentityHashMap<>();
        ArrayDeque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {this, 0});
        visited.put(this, Boolean.TRUE);
        while (!stack.isEmpty()) {
            Object[] frame = stack.peek();
            Variable v = (Variable) frame[0];
            int next = (Integer) frame[1];
            if (next < v.inputs.length) {
                frame[1] = next + 1;
                Variable in = v.inputs[next];
                if (in.requiresGrad && visited.put(in, Boolean.TRUE) == null) {
                    stack.push(new Object[] {in, 0});
                }
            } else {
                stack.pop();
                post.add(v);
            }
        }
        Collections.reverse(post);
        return post;
    }

    /** The inputs of the op that made this node (empty for leaves). */
    public List<Variable> inputs() {
        return List.of(inputs);
    }

    // ---- the primitives, fluently (each delegates to the class that holds its forward and backward) ------------

    public Variable add(Variable o) { return Arithmetic.add(this, o); }
    public Variable sub(Variable o) { return Arithmetic.sub(this, o); }
    public Variable mul(Variable o) { return Arithmetic.mul(this, o); }
    public Variable div(Variable o) { return Arithmetic.div(this, o); }
    public Variable add(float s) { return Arithmetic.addScalar(this, s); }
    public Variable mul(float s) { return Arithmetic.mulScalar(this, s); }
    public Variable pow(float p) { return Arithmetic.powScalar(this, p); }
    public Variable neg() { return Arithmetic.neg(this); }
    public Variable maskedFill(Tensor mask, float v) { return Arithmetic.maskedFill(this, mask, v); }
    public Variable exp() { return Pointwise.exp(this); }
    public Variable log() { return Pointwise.log(this); }
    public Variable tanh() { return Pointwise.tanh(this); }
    public Variable sigmoid() { return Pointwise.sigmoid(this); }
    public Variable relu() { return Pointwise.relu(this); }
    public Variable sqrt() { return Pointwise.sqrt(this); }
    public Variable square() { return Pointwise.square(this); }
    public Variable abs() { return Pointwise.abs(this); }
    public Variable clamp(float lo, float hi) { return Pointwise.clamp(this, lo, hi); }
    public Variable matmul(Variable o) { return LinearAlgebra.matmul(this, o); }
    public Variable sum(Axes axes) { return Reduce.sum(this, axes); }
    public Variable sum(int... axes) { return Reduce.sum(this, Axes.of(axes)); }
    public Variable mean(Axes axes) { return Reduce.mean(this, axes); }
    public Variable mean(int... axes) { return Reduce.mean(this, Axes.of(axes)); }
    public Variable max(Axes axes) { return Reduce.max(this, axes); }
    public Variable logSumExp(Axes axes) { return Reduce.logSumExp(this, axes); }
    public Variable softmax(int axis) { return Reduce.softmax(this, axis); }
    public Variable logSoftmax(int axis) { return Reduce.logSoftmax(this, axis); }
    public Variable reshape(int... dims) { return Shaping.reshape(this, dims); }
    public Variable permute(int... axes) { return Shaping.permute(this, axes); }
    public Variable transpose(int a, int b) { return Shaping.transpose(this, a, b); }
    public Variable unsqueeze(int axis) { return Shaping.unsqueeze(this, axis); }
    public Variable squeeze(int axis) { return Shaping.squeeze(this, axis); }
    public Variable expand(Shape target) { return Shaping.expand(this, target); }
    public Variable narrow(int axis, int start, int length) { return Shaping.narrow(this, axis, start, length); }
    public Variable select(int axis, int index) { return Shaping.select(this, axis, index); }
    public List<Variable> split(int axis, int... sizes) { return Shaping.split(this, axis, sizes); }
    public Variable indexSelect(int axis, IntTensor index) { return Indexed.indexSelect(this, axis, index); }
    public Variable gather(int axis, IntTensor index) { return Indexed.gather(this, axis, index); }

    @Override
    public String toString() {
        return "Variable[" + op + (requiresGrad ? ", requires grad" : "") + "] " + value;
    }
}
