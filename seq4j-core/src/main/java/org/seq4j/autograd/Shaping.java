package org.seq4j.autograd;

import java.util.ArrayList;
import java.util.List;
import org.seq4j.tensor.IntTensor;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Adjoints;
import org.seq4j.tensor.Tensor;

/** Ops that move elements without arithmetic. Each backward moves the gradient back the same way. */
public final class Shaping {
    private Shaping() {}

    public static Variable reshape(Variable x, int... dims) {
        return Variable.op("reshape", x.value().reshape(dims), g -> new Tensor[] {g.reshape(x.shape().dims())}, x);
    }

    public static Variable permute(Variable x, int... axes) {
        int[] inverse = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            inverse[x.shape().axis(axes[i])] = i;
        }
        return Variable.op("permute", x.value().permute(axes), g -> new Tensor[] {g.permute(inverse)}, x);
    }

    public static Variable transpose(Variable x, int a, int b) {
        return Variable.op("transpose", x.value().transpose(a, b), g -> new Tensor[] {g.transpose(a, b)}, x);
    }

    public static Variable unsqueeze(Variable x, int axis) {
        return Variable.op("unsqueeze", x.value().unsqueeze(axis), g -> new Tensor[] {g.reshape(x.shape().dims())}, x);
    }

    public static Variable squeeze(Variable x, int axis) {
        return Variable.op("squeeze", x.value().squeeze(axis), g -> new Tensor[] {g.reshape(x.shape().dims())}, x);
    }

    /** Broadcast without copying; the gradient sums over the repeated positions. */
    public static Variable expand(Variable x, Shape target) {
        return Variable.op("expand", x.value().expand(target), g -> new Tensor[] {g.sumTo(x.shape())}, x);
    }

    /** Elements start..start+length-1 along axis; the gradient is padded with zeros back to x's shape. */
    public static Variable narrow(Variable x, int axis, int start, int length) {
        Tensor y = x.value().narrow(axis, start, length);
        return Variable.op("narrow", y, g -> new Tensor[] {padBack(g, x.shape(), axis, start)}, x);
    }

    /** Python slicing with a step along one axis; the gradient lands on the picked positions. */
    public static Variable slice(Variable x, int axis, int start, int end, int step) {
        Tensor y = x.value().slice(axis, start, end, step);
        int a = x.shape().axis(axis);
        int d = x.shape().dim(a);
        int first = Math.max(0, Math.min(d, start < 0 ? start + d : start)); // Python's clamping, as the view does
        int[] picked = new int[y.shape().dim(a)];
        for (int i = 0; i < picked.length; i++) {
            picked[i] = first + i * step;
        }
        IntTensor idx = IntTensor.of(picked, picked.length);
        return Variable.op("slice", y, g -> new Tensor[] {Adjoints.zerosIndexAdd(x.shape(), a, idx, g)}, x);
    }

    /** The slice at index along axis, with the axis removed. */
    public static Variable select(Variable x, int axis, int index) {
        int a = x.shape().axis(axis);
        int i = index < 0 ? index + x.shape().dim(a) : index;
        Tensor y = x.value().select(a, i);
        return Variable.op("select", y, g -> new Tensor[] {padBack(g.unsqueeze(a), x.shape(), a, i)}, x);
    }

    public static Variable concat(int axis, List<Variable> parts) {
        List<Tensor> values = new ArrayList<>(parts.size());
        int[] sizes = new int[parts.size()];
        for (int i = 0; i < sizes.length; i++) {
            values.add(parts.get(i).value());
        }
        Tensor y = Tensor.concat(axis, values);
        int a = y.shape().axis(axis);
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = parts.get(i).shape().dim(a);
        }
        return Variable.op("concat", y, g -> g.split(a, sizes).toArray(Tensor[]::new), parts.toArray(Variable[]::new));
    }

    public static Variable stack(int axis, List<Variable> parts) {
        List<Variable> expanded = new ArrayList<>(parts.size());
        for (Variable p : parts) {
            expanded.add(unsqueeze(p, axis));
        }
        return concat(axis, expanded);
    }

    /** Views of consecutive pieces along an axis, each its own node (gradients of unused pieces are zero). */
    public static List<Variable> split(Variable x, int axis, int... sizes) {
        List<Variable> out = new ArrayList<>(sizes.length);
        x.value().split(axis, sizes); // validates the sizes
        int start = 0;
        for (int s : sizes) {
            out.add(narrow(x, axis, start, s));
            start += s;
        }
        return out;
    }

    /** g placed at [start, start+len) along axis inside zeros of {@code full}. */
    private static Tensor padBack(Tensor g, Shape full, int axis, int start) {
        int a = full.axis(axis);
        int after = full.dim(a) - start - g.shape().dim(a);
        return start == 0 && after == 0 ? g : Adjoints.padZeros(g, a, start, after);
    }
}
