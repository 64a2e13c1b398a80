package org.seq4j.tensor;

import java.util.Locale;

/**
 * A readable rendering in the style of NumPy/PyTorch: nested brackets, aligned columns, and at most 6 entries per
 * dimension (first 3, "...", last 3) once a tensor has more than 1000 elements.
 */
final class TensorFormat {
    private static final int SUMMARISE_ABOVE = 1000;
    private static final int EDGE = 3;

    private TensorFormat() {}

    static String format(Tensor t) {
        float[] v = t.toArray();
        boolean summarise = v.length > SUMMARISE_ABOVE;
        boolean integral = true;
        for (float f : v) {
            integral &= f == Math.rint(f) && Math.abs(f) < 1e7f;
        }
        String fmt = integral ? "%.0f." : "%.4f";
        int width = 1;
        for (float f : v) {
            width = Math.max(width, cell(fmt, f).length());
        }
        StringBuilder sb = new StringBuilder("Tensor").append(t.shape).append(' ');
        int[] dims = t.shape.dims();
        if (dims.length == 0) {
            return sb.append(cell(fmt, v[0])).toString();
        }
        render(sb, v, dims, 0, 0, fmt, width, summarise);
        return sb.toString();
    }

    private static void render(StringBuilder sb, float[] v, int[] dims, int depth, int base, String fmt, int width,
                               boolean summarise) {
        int n = dims[depth];
        int block = 1;
        for (int i = depth + 1; i < dims.length; i++) {
            block *= dims[i];
        }
        sb.append('[');
        for (int i = 0; i < n; i++) {
            if (summarise && n > 2 * EDGE && i == EDGE) {
                sb.append(depth == dims.length - 1 ? "..., " : "...,\n" + " ".repeat(8 + depth + 1));
                i = n - EDGE - 1;
                continue;
            }
            if (depth == dims.length - 1) {
                String c = cell(fmt, v[base + i]);
                sb.append(" ".repeat(width - c.length())).append(c);
            } else {
                render(sb, v, dims, depth + 1, base + i * block, fmt, width, summarise);
            }
            if (i < n - 1) {
                sb.append(depth == dims.length - 1 ? ", " : ",\n" + " ".repeat(7 + t(depth)));
            }
        }
        sb.append(']');
    }

    private static int t(int depth) {
        return depth + 1 + 1;
    }

    private static String cell(String fmt, float f) {
        if (Float.isNaN(f) || Float.isInfinite(f)) {
            return Float.toString(f).replace("Infinity", "inf");
        }
        return String.format(Locale.ROOT, fmt, f);
    }
}
