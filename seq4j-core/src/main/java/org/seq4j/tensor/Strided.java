package org.seq4j.tensor;

/**
 * Walking tensors whose storage is not one contiguous run: views with arbitrary strides, and operands broadcast
 * (stride 0) against an output shape. The loops here are row-wise: the innermost dimension is handed to a kernel as
 * one run, so that a contiguous case costs one call.
 */
final class Strided {
    private Strided() {}

    /** A row-wise visitor: {@code offsets[i]} is where operand i's current row starts. */
    interface RowVisitor {
        void row(int outOffset, int[] offsets);
    }

    /** Copies {@code t} into a new row-major array. */
    static float[] toArray(Tensor t) {
        float[] out = new float[t.shape.size()];
        if (t.shape.size() == 0) {
            return out;
        }
        if (t.isContiguous()) {
            System.arraycopy(t.data, t.offset, out, 0, out.length);
            return out;
        }
        int[] dims = t.shape.dims();
        int r = dims.length;
        int inner = dims[r - 1];
        int innerStride = t.strides[r - 1];
        forEachRow(dims, new int[][] {t.strides}, new int[] {t.offset}, (o, offs) -> {
            if (innerStride == 1) {
                System.arraycopy(t.data, offs[0], out, o, inner);
            } else {
                for (int j = 0, src = offs[0]; j < inner; j++, src += innerStride) {
                    out[o + j] = t.data[src];
                }
            }
        });
        return out;
    }

    /**
     * Copies {@code src}'s elements into {@code dst} laid out with {@code dstStrides} from {@code dstOffset} (e.g. a
     * slice of a fresh row-major array), reading src in place whatever its layout: no intermediate copy.
     */
    static void copyInto(Tensor src, float[] dst, int dstOffset, int[] dstStrides) {
        if (src.shape.size() == 0) {
            return;
        }
        int[][] co = coalesce(src.shape.dims(), src.strides, dstStrides);
        int[] dims = co[0];
        int inner = dims[dims.length - 1];
        int si = co[1][dims.length - 1];
        int di = co[2][dims.length - 1];
        forEachRow(dims, new int[][] {co[1], co[2]}, new int[] {src.offset, dstOffset}, (o, offs) -> {
            if (si == 1 && di == 1) {
                System.arraycopy(src.data, offs[0], dst, offs[1], inner);
            } else {
                for (int j = 0, a = offs[0], b = offs[1]; j < inner; j++, a += si, b += di) {
                    dst[b] = src.data[a];
                }
            }
        });
    }

    /**
     * Visits each row (all dimensions but the last) of a row-major output of shape {@code dims}; operand i has
     * {@code strides[i]} (same rank as dims) and starts at {@code base[i]}.
     */
    static void forEachRow(int[] dims, int[][] strides, int[] base, RowVisitor visitor) {
        int r = dims.length;
        int inner = r == 0 ? 1 : dims[r - 1];
        int rows = 1;
        for (int i = 0; i < r - 1; i++) {
            rows *= dims[i];
        }
        int ops = strides.length;
        int[] offs = base.clone();
        int[] idx = new int[Math.max(r - 1, 0)];
        for (int row = 0; row < rows; row++) {
            visitor.row(row * inner, offs);
            // odometer increment over the outer dimensions, keeping the operand offsets in step
            for (int d = r - 2; d >= 0; d--) {
                idx[d]++;
                for (int k = 0; k < ops; k++) {
                    offs[k] += strides[k][d];
                }
                if (idx[d] < dims[d]) {
                    break;
                }
                for (int k = 0; k < ops; k++) {
                    offs[k] -= strides[k][d] * dims[d];
                }
                idx[d] = 0;
            }
        }
    }

    /**
     * The strides with which {@code t} is read when broadcast to {@code out}: its own strides right-aligned, and 0
     * for every dimension it lacks or has of size 1.
     */
    static int[] broadcastStrides(Tensor t, Shape out) {
        int r = out.rank();
        int lead = r - t.shape.rank();
        int[] s = new int[r];
        for (int i = 0; i < t.shape.rank(); i++) {
            s[lead + i] = t.shape.dim(i) == 1 ? 0 : t.strides[i];
        }
        return s;
    }

    /**
     * Merges adjacent dimensions that every operand walks contiguously, so that e.g. two same-shape contiguous
     * tensors become one long row. Returns {dims, strides of operand 0, strides of operand 1, ...}.
     */
    static int[][] coalesce(int[] dims, int[]... strides) {
        int r = dims.length;
        int ops = strides.length;
        int[] nd = new int[Math.max(r, 1)];
        int[][] ns = new int[ops][Math.max(r, 1)];
        if (r == 0) {
            nd[0] = 1;
            return pack(nd, ns, 1);
        }
        int k = 0;
        nd[0] = dims[0];
        for (int o = 0; o < ops; o++) {
            ns[o][0] = strides[o][0];
        }
        for (int i = 1; i < r; i++) {
            boolean merge = true;
            for (int o = 0; o < ops && merge; o++) {
                merge = ns[o][k] == strides[o][i] * dims[i];
            }
            if (merge) {
                nd[k] *= dims[i];
                for (int o = 0; o < ops; o++) {
                    ns[o][k] = strides[o][i];
                }
            } else {
                k++;
                nd[k] = dims[i];
                for (int o = 0; o < ops; o++) {
                    ns[o][k] = strides[o][i];
                }
            }
        }
        return pack(nd, ns, k + 1);
    }

    private static int[][] pack(int[] nd, int[][] ns, int rank) {
        int[][] out = new int[ns.length + 1][];
        out[0] = java.util.Arrays.copyOf(nd, rank);
        for (int o = 0; o < ns.length; o++) {
            out[o + 1] = java.util.Arrays.copyOf(ns[o], rank);
        }
        return out;
    }
}
