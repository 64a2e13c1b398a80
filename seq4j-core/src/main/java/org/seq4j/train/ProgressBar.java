package org.seq4j.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Keras 2's {@code Progbar}. On a terminal, one line redrawn in place with {@code \r} (at most every 50 ms):
 * <pre>  12/352 [==&gt;...........................] - ETA: 31s - loss: 0.4123 - accuracy: 0.8125</pre>
 * ending as {@code 352/352 [==============================] - 41s 115ms/step - loss: ... - val_loss: ...}.
 * Elsewhere (CI, pipes, Keras verbose=2) nothing during the epoch and one line at its end:
 * <pre>352/352 - 41s - loss: 0.3012 - accuracy: 0.8721 - val_loss: 0.3301 - val_accuracy: 0.8603</pre>
 * A target of 0 means unknown (a stream without steps per epoch), shown as Keras does, {@code 12/Unknown}.
 */
final class ProgressBar {
    private static final int WIDTH = 30;
    private static final long INTERVAL_NANOS = 50_000_000L;

    private final PrintStream out;
    private final boolean interactive;
    private final int target;
    private final long start;
    private long lastDraw;
    private int lastWidth;

    ProgressBar(PrintStream out, boolean interactive, int target) {
        this.out = out;
        this.interactive = interactive;
        this.target = target;
        this.start = System.nanoTime();
    }

    /** After each batch: redraws the bar when interactive and due. */
    void update(int current, Map<String, Double> logs) {
        if (!interactive) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < INTERVAL_NANOS && current != 1) {
            return;
        }
        lastDraw = now;
        double perStep = (now - start) / 1e9 / Math.max(1, current);
        draw(barLine(current, target, perStep * (target - current), logs));
    }

    /** At the end of the epoch, with its final logs (validation included). */
    void finish(int current, Map<String, Double> logs) {
        double seconds = (System.nanoTime() - start) / 1e9;
        if (interactive) {
            draw(finalBarLine(current, target, seconds, logs));
            out.println();
        } else {
            out.println(summaryLine(current, target, seconds, logs));
        }
        out.flush();
    }

    private void draw(String line) {
        int pad = Math.max(0, lastWidth - line.length());
        out.print("\r" + line + " ".repeat(pad));
        out.flush();
        lastWidth = line.length();
    }

    /** The in-progress line: counter, bar, ETA, logs. */
    static String barLine(int current, int target, double etaSeconds, Map<String, Double> logs) {
        StringBuilder s = new StringBuilder(counterAndBar(current, target));
        if (target > 0 && current < target) {
            s.append(" - ETA: ").append(eta(etaSeconds));
        }
        return s.append(values(logs)).toString();
    }

    /** The finished bar: counter, full bar, elapsed time and time per step, logs. */
    static String finalBarLine(int current, int target, double seconds, Map<String, Double> logs) {
        return counterAndBar(current, target) + " - " + String.format(Locale.ROOT, "%.0fs", seconds) + " "
                + perStep(seconds / Math.max(1, current)) + values(logs);
    }

    /** The non-interactive epoch line. */
    static String summaryLine(int current, int target, double seconds, Map<String, Double> logs) {
        String counter = target > 0 ? current + "/" + target : current + "/Unknown";
        return counter + " - " + String.format(Locale.ROOT, "%.0fs", seconds) + values(logs);
    }

    private static String counterAndBar(int current, int target) {
        if (target <= 0) {
            return String.format(Locale.ROOT, "%7d/Unknown", current);
        }
        int digits = (int) Math.floor(Math.log10(target)) + 1;
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%" + digits + "d/%d [", current, target));
        int filled = (int) ((double) WIDTH * current / target);
        if (filled > 0) {
            s.append("=".repeat(filled - 1)).append(current < target ? '>' : '=');
        }
        return s.append(".".repeat(WIDTH - filled)).append(']').toString();
    }

    /** Keras: h:mm:ss above an hour, m:ss above a minute, else seconds. */
    static String eta(double seconds) {
        long e = (long) seconds;
        if (e > 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", e / 3600, (e % 3600) / 60, e % 60);
        }
        if (e > 60) {
            return String.format(Locale.ROOT, "%d:%02d", e / 60, e % 60);
        }
        return e + "s";
    }

    private static String perStep(double seconds) {
        if (seconds >= 1) {
            return String.format(Locale.ROOT, "%.0fs/step", seconds);
        }
        if (seconds >= 1e-3) {
            return String.format(Locale.ROOT, "%.0fms/step", seconds * 1e3);
        }
        return String.format(Locale.ROOT, "%.0fus/step", seconds * 1e6);
    }

    /** " - name: value" per log, %.4f, or %.4e for magnitudes up to 1e-3 (Keras). */
    static String values(Map<String, Double> logs) {
        StringBuilder s = new StringBuilder();
        logs.forEach((k, v) -> s.append(" - ").append(k).append(": ").append(
                Math.abs(v) > 1e-3 ? String.format(Locale.ROOT, "%.4f", v) : String.format(Locale.ROOT, "%.4e", v)));
        return s.toString();
    }
}
