package org.seq4j.tensor;

import java.util.Locale;

/**
 * A readable rendering in the style of NumPy/PyTorch: nested brackets, aligned columns, and at most 6 entries per
 * dimension (first 3, "...", last 3) once a tensor has more than 1000 elements. Integral values print as {@code 3.},
 * others with 4 decimals, or in scientific notation when 4 decimals would hide them (below 1e-4) or be unwieldy
 * (1e8 and above).
 */
final class TensorFormat {
    private static final int SUMMARISE_ABOVE = 1000;
    private static final int EDGE = 3;

    private TensorFormat() {}

    static String format(Tensor t) {
        float[] v = t.toArray();
        boolean summarise = v.length > SUMMARISE_ABOVE;
        String fmt = format(v);
        int width = 1;
        for (float f : v) {
            width = Math.max(width, cell(fmt, f).length());
        }
        StringBuilder sb = new StringBuilder("Tensor").append(t.shape).append(' ');
        int[] dims = t.shape.dims();
        if (dims.length == 0) {
            return sb.append(cell(fmt, v[0])).toString();
        }
        render(sb, v, dims, 0, 0, fmt, width, summarise, sb.length());
        return sb.toString();
    }

    /** The cell format for all values: integral, fixed with 4 decimals, or scientific. */
    private static String format(float[] v) {
        boolean integral = true;
        float min = Float.POSITIVE_INFINITY;
        float max = 0;
        for (float f : v) {
            integral &= f == Math.rint(f) && Math.abs(f) < 1e7f;
            if (Float.isFinite(f) && f != 0) {
                min = Math.min(min, Math.abs(f));
                max = Math.max(max, Math.abs(f));
            }
        }
        if (integral) {
            return "%.0f.";
        }
        return min < 1e-4f || max >= 1e8f ? "%.4e" : "%.4f";
    }

    /** {@code indent} is the column of the outermost '[': nested rows line up under their parent's bracket. */
    private static void render(StringBuilder sb, float[] v, int[] dims, int depth, int base, String fmt, int width,
                               boolean summarise, int indent) {
        int n = dims[depth];
        int block = 1;
        for (int i = depth + 1; i < dims.length; i++) {
            block *= dims[i];
        }
        sb.append('[');
        for (int i = 0; i < n; i++) {
            if (summarise && n > 2 * EDGE && i == EDGE) {
                sb.append(depth == dims.length - 1 ? "..., " : "...,\n" + " ".repeat(indent + depth + 1));
                i = n - EDGE - 1;
                continue;
            }
            if (depth == dims.length - 1) {
                String c = cell(fmt, v[base + i]);
                sb.append(" ".repeat(width - c.length())).append(c);
            } else {
                render(sb, v, dims, depth + 1, base + i * block, fmt, width, summarise, indent);
            }
            if (i < n - 1) {
                sb.append(depth == dims.length - 1 ? ", " : ",\n" + " ".repeat(indent + depth + 1));
            }
        }
        sb.append(']');
    }

    private static String cell(String fmt, float f) {
        if (Float.isNaN(f) || Float.isInfinite(f)) {
            return Float.toString(f).replace("Infinity", "inf");
        }
        return String.format(Locale.ROOT, fmt, f);
    }
}
