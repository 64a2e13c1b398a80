package org.seq4j.tensor;

import java.util.Arrays;

/** Views that share storage: reshape, permute, narrow/slice/select, (un)squeeze, expand; plus index arithmetic. */
final class Views {
    private Views() {}

    static int flatOffset(Tensor t, int[] index) {
        if (index.length != t.shape.rank()) {
            throw new IllegalArgumentException(
                    "get: index " + Arrays.toString(index) + " has rank " + index.length + ", shape is " + t.shape);
        }
        int off = t.offset;
        for (int i = 0; i < index.length; i++) {
            if (index[i] < 0 || index[i] >= t.shape.dim(i)) {
                throw new IndexOutOfBoundsException(
                        "get: index " + Arrays.toString(index) + " out of bounds for shape " + t.shape);
            }
            off += index[i] * t.strides[i];
        }
        return off;
    }

    static Tensor reshape(Tensor t, int[] dims) {
        Shape target = inferShape("reshape", t.shape, dims);
        if (t.isContiguous()) {
            return new Tensor(t.data, t.offset, target, target.contiguousStrides());
        }
        int[] strides = viewStrides(t.shape.dims(), t.strides, target.dims());
        if (strides != null) {
            return new Tensor(t.data, t.offset, target, strides);
        }
        return Tensor.wrap(t.toArray(), target);
    }

    private static Shape inferShape(String op, Shape from, int[] dims) {
        int infer = -1;
        long known = 1;
        int[] out = dims.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == -1) {
                if (infer >= 0) {
                    throw new IllegalArgumentException(op + ": more than one -1 in " + Arrays.toString(dims));
                }
                infer = i;
            } else if (out[i] < 0) {
                throw new IllegalArgumentException(op + ": negative size in " + Arrays.toString(dims));
            } else {
                known *= out[i];
            }
        }
        if (infer >= 0) {
            if (known == 0 || from.size() % known != 0) {
                throw new IllegalArgumentException(
                        op + ": cannot reshape " + from + " to " + Arrays.toString(dims));
            }
            out[infer] = (int) (from.size() / known);
            known *= out[infer];
        }
        if (known != from.size()) {
            throw new IllegalArgumentException(op + ": cannot reshape " + from + " (" + from.size()
                    + " elements) to " + Arrays.toString(dims));
        }
        return new Shape(out);
    }

    /**
     * Strides that read {@code newDims} from storage laid out as (oldDims, oldStrides) without a copy, or null. Each
     * run of old dimensions that is contiguous within itself may be split or merged freely (PyTorch's view rule).
     */
    private static int[] viewStrides(int[] oldDims, int[] oldStrides, int[] newDims) {
        int[] ns = new int[newDims.length];
        int oi = 0;
        int ni = 0;
        while (oi < oldDims.length || ni < newDims.length) {
            // skip size-1 dimensions on either side; they constrain nothing
            if (ni < newDims.length && newDims[ni] == 1) {
                ns[ni] = 1;
                ni++;
                continue;
            }
            if (oi < oldDims.length && oldDims[oi] == 1) {
                oi++;
                continue;
            }
            if (oi >= oldDims.length || ni >= newDims.length) {
                return null;
            }
            // gather a chunk of old dims and a chunk of new dims with equal element counts
            long oldSize = oldDims[oi];
            long newSize = newDims[ni];
            int newStart = ni;
            int outer = oi; // the chunk's last dimension of size > 1 so far (size-1 strides are arbitrary)
            while (oldSize != newSize) {
                if (oldSize < newSize) {
                    oi++;
                    if (oi >= oldDims.length) {
                        return null;
                    }
                    if (oldDims[oi] == 1) {
                        continue;
                    }
                    if (oldStrides[outer] != oldStrides[oi] * oldDims[oi]) {
                        return null; // the chunk is not contiguous within itself
                    }
                    outer = oi;
                    oldSize *= oldDims[oi];
                } else {
                    ni++;
                    if (ni >= newDims.length) {
                        return null;
                    }
                    newSize *= newDims[ni];
                }
            }
            // the old chunk runs with the innermost stride of its last dimension
            int stride = oldStrides[outer];
            for (int k = ni; k >= newStart; k--) {
                ns[k] = stride;
                stride *= newDims[k];
            }
            oi++;
            ni++;
        }
        return ns;
    }

    static Tensor permute(Tensor t, int[] axes) {
        int r = t.shape.rank();
        if (axes.length != r) {
            throw new IllegalArgumentException(
                    "permute: " + Arrays.toString(axes) + " does not name every axis of shape " + t.shape);
        }
        boolean[] seen = new boolean[r];
        int[] dims = new int[r];
        int[] strides = new int[r];
        for (int i = 0; i < r; i++) {
            int a = t.shape.axis("permute", axes[i]);
            if (seen[a]) {
                throw new IllegalArgumentException(
                        "permute: axis " + axes[i] + " repeated in " + Arrays.toString(axes) + " for shape " + t.shape);
            }
            seen[a] = true;
            dims[i] = t.shape.dim(a);
            strides[i] = t.strides[a];
        }
        return new Tensor(t.data, t.offset, new Shape(dims), strides);
    }

    static Tensor transpose(Tensor t, int a, int b) {
        int r = t.shape.rank();
        if (r < 2) {
            throw new IllegalArgumentException("transpose: needs rank >= 2, shape is " + t.shape);
        }
        int[] perm = new int[r];
        for (int i = 0; i < r; i++) {
            perm[i] = i;
        }
        int na = t.shape.axis("transpose", a);
        int nb = t.shape.axis("transpose", b);
        perm[na] = nb;
        perm[nb] = na;
        return permute(t, perm);
    }

    static Tensor narrow(Tensor t, int axis, int start, int length) {
        int a = t.shape.axis("narrow", axis);
        int d = t.shape.dim(a);
        if (start < 0 || length < 0 || start + length > d) {
            throw new IllegalArgumentException("narrow: [" + start + ", " + (start + length) + ") outside axis "
                    + axis + " of size " + d + " in shape " + t.shape);
        }
        int[] dims = t.shape.dims();
        dims[a] = length;
        return new Tensor(t.data, t.offset + start * t.strides[a], new Shape(dims), t.strides.clone());
    }

    static Tensor slice(Tensor t, int axis, int start, int end, int step) {
        int a = t.shape.axis("slice", axis);
        int d = t.shape.dim(a);
        if (step <= 0) {
            throw new IllegalArgumentException("slice: step must be positive, got " + step + " for shape " + t.shape);
        }
        int s = clampIndex(start, d);
        int e = clampIndex(end, d);
        int n = e <= s ? 0 : 1 + (e - s - 1) / step; // not (e - s + step - 1) / step: that overflows
        int[] dims = t.shape.dims();
        int[] strides = t.strides.clone();
        dims[a] = n;
        strides[a] = t.strides[a] * step;
        return new Tensor(t.data, t.offset + (n == 0 ? 0 : s * t.strides[a]), new Shape(dims), strides);
    }

    private static int clampIndex(int i, int d) {
        int j = i < 0 ? i + d : i;
        return Math.max(0, Math.min(d, j));
    }

    static Tensor select(Tensor t, int axis, int index) {
        int a = t.shape.axis("select", axis);
        int d = t.shape.dim(a);
        int i = index < 0 ? index + d : index;
        if (i < 0 || i >= d) {
            throw new IndexOutOfBoundsException(
                    "select: index " + index + " out of range for axis " + axis + " of shape " + t.shape);
        }
        return squeeze(narrow(t, a, i, 1), a);
    }

    static Tensor unsqueeze(Tensor t, int axis) {
        int r = t.shape.rank();
        int a = axis < 0 ? axis + r + 1 : axis;
        if (a < 0 || a > r) {
            throw new IllegalArgumentException("unsqueeze: axis " + axis + " out of range for shape " + t.shape);
        }
        int[] dims = new int[r + 1];
        int[] strides = new int[r + 1];
        for (int i = 0, j = 0; i <= r; i++) {
            if (i == a) {
                dims[i] = 1;
                strides[i] = a < r ? t.strides[a] * t.shape.dim(a) : 1;
            } else {
                dims[i] = t.shape.dim(j);
                strides[i] = t.strides[j];
                j++;
            }
        }
        return new Tensor(t.data, t.offset, new Shape(dims), strides);
    }

    static Tensor squeeze(Tensor t, int axis) {
        int a = t.shape.axis("squeeze", axis);
        if (t.shape.dim(a) != 1) {
            throw new IllegalArgumentException(
                    "squeeze: axis " + axis + " has size " + t.shape.dim(a) + " in shape " + t.shape);
        }
        int r = t.shape.rank();
        int[] dims = new int[r - 1];
        int[] strides = new int[r - 1];
        for (int i = 0, j = 0; i < r; i++) {
            if (i != a) {
                dims[j] = t.shape.dim(i);
                strides[j] = t.strides[i];
                j++;
            }
        }
        return new Tensor(t.data, t.offset, new Shape(dims), strides);
    }

    static Tensor expand(Tensor t, Shape target) {
        if (target.rank() < t.shape.rank()) {
            throw new IllegalArgumentException("expand: cannot expand " + t.shape + " to lower rank " + target);
        }
        int lead = target.rank() - t.shape.rank();
        for (int i = 0; i < t.shape.rank(); i++) {
            int d = t.shape.dim(i);
            if (d != 1 && d != target.dim(lead + i)) {
                throw new IllegalArgumentException("expand: cannot expand " + t.shape + " to " + target);
            }
        }
        return new Tensor(t.data, t.offset, target, Strided.broadcastStrides(t, target));
    }

    static boolean allClose(Tensor a, Tensor b, float rtol, float atol) {
        if (!a.shape.equals(b.shape)) {
            return false;
        }
        float[] x = a.toArray();
        float[] y = b.toArray();
        for (int i = 0; i < x.length; i++) {
            if (Float.isNaN(x[i]) || Float.isNaN(y[i])) {
                if (Float.isNaN(x[i]) != Float.isNaN(y[i])) {
                    return false;
                }
            } else if (x[i] != y[i] && !(Math.abs(x[i] - y[i]) <= atol + rtol * Math.abs(y[i]))) {
                return false;
            }
        }
        return true;
    }
}
