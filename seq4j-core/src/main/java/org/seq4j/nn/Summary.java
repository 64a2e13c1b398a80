package org.seq4j.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.seq4j.autograd.Variable;
import org.seq4j.tensor.Shape;

/**
 * Renders Keras' {@code model.summary()} table (the Keras 2 layout, plain ASCII so that it survives any terminal):
 * layer name and class, output shape with the batch shown as None, parameter count, and for functional models the
 * layers each call is connected to; then total, trainable and non-trainable counts with their float32 size.
 */
final class Summary {
    private record Row(String layer, String shape, String params, String connected) {}

    private final String model;
    private final boolean functional;
    private final List<Row> rows = new ArrayList<>();

    Summary(String model, boolean functional) {
        this.model = model;
        this.functional = functional;
    }

    void row(String name, String className, List<Shape> shapes, int params, List<String> connectedTo) {
        List<String> parts = new ArrayList<>();
        shapes.forEach(s -> parts.add(noneBatch(s)));
        String shape = parts.size() == 1 ? parts.get(0) : "[" + String.join(", ", parts) + "]";
        rows.add(new Row(name + " (" + className + ")", shape, Integer.toString(params), String.join(", ", connectedTo)));
    }

    String render(Layer network) {
        // Keras' widths as minimums, widened so that long names (multi_head_attention (MultiHeadAttention)) fit
        int[] w = functional ? new int[] {29, 26, 10, 30} : new int[] {28, 26, 10};
        for (Row r : rows) {
            String[] cells = {r.layer(), r.shape(), r.params(), r.connected()};
            for (int c = 0; c < w.length; c++) {
                w[c] = Math.max(w[c], cells[c].length() + 2);
            }
        }
        int width = 0;
        for (int c : w) {
            width += c;
        }
        width += 1;
        StringBuilder sb = new StringBuilder();
        sb.append("Model: \"").append(model).append("\"\n").append("_".repeat(width)).append('\n');
        line(sb, w, "Layer (type)", "Output Shape", "Param #", "Connected to");
        sb.append("=".repeat(width)).append('\n');
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            line(sb, w, r.layer(), r.shape(), r.params(), r.connected());
            sb.append(i < rows.size() - 1 ? " ".repeat(width) + "\n" : "");
        }
        sb.append("=".repeat(width)).append('\n');
        long total = network.countParams();
        long trainable = network.trainableWeights().stream().mapToLong(v -> v.value().size()).sum();
        sb.append("Total params: ").append(count(total)).append('\n');
        sb.append("Trainable params: ").append(count(trainable)).append('\n');
        sb.append("Non-trainable params: ").append(count(total - trainable)).append('\n');
        sb.append("_".repeat(width)).append('\n');
        return sb.toString();
    }

    private void line(StringBuilder sb, int[] w, String... cells) {
        sb.append(' ');
        for (int c = 0; c < w.length; c++) {
            String cell = cells[c];
            sb.append(cell.length() >= w[c] - 1 ? cell + " " : cell + " ".repeat(w[c] - cell.length()));
        }
        sb.append('\n');
    }

    /** Keras prints counts with their float32 size, e.g. "2691713 (10.27 MB)". */
    private static String count(long n) {
        double bytes = 4.0 * n;
        String size = bytes >= 1 << 20 ? String.format(Locale.ROOT, "%.2f MB", bytes / (1 << 20))
                : bytes >= 1 << 10 ? String.format(Locale.ROOT, "%.2f KB", bytes / (1 << 10))
                : String.format(Locale.ROOT, "%.2f Byte", bytes);
        return n + " (" + size + ")";
    }

    private static String noneBatch(Shape s) {
        StringBuilder sb = new StringBuilder("(None");
        for (int i = 1; i < s.rank(); i++) {
            sb.append(", ").append(s.dim(i));
        }
        return sb.append(s.rank() == 1 ? ",)" : ")").toString();
    }

    static long size(Variable v) {
        return v.value().size();
    }
}
