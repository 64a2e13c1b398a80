package org.seq4j.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keras {@code CSVLogger}: one row per epoch, columns {@code epoch} (0-based) then the log keys sorted by name, as
 * Keras writes them; each row is written and flushed at the end of its epoch. With {@code append} an existing file
 * is continued without a second header (resumed training).
 */
public final class CSVLogger implements Callback {

    public record Config(Path path, String separator, boolean append) {
        public static Config of(Path path) {
            return new Config(path, ",", false);
        }

        public Config separator(String s) { return new Config(path, s, append); }
        public Config append(boolean a) { return new Config(path, separator, a); }
    }

    private final Config config;
    private List<String> keys;

    public CSVLogger(Config config) {
        this.config = config;
    }

    @Override
    public void onTrainBegin(Model<?> model) {
        keys = null;
        try {
            if (!config.append() || !Files.exists(config.path())) {
                Files.writeString(config.path(), "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("CSVLogger: cannot write " + config.path(), e);
        }
    }

    @Override
    public void onEpochEnd(Model<?> model, int epoch, Map<String, Double> logs) {
        StringBuilder s = new StringBuilder();
        if (keys == null) {
            keys = new ArrayList<>(logs.keySet());
            keys.sort(null);
            if (fileIsEmpty()) {
                s.append("epoch");
                keys.forEach(k -> s.append(config.separator()).append(k));
                s.append('\n');
            }
        }
        s.append(epoch);
        keys.forEach(k -> s.append(config.separator()).append(format(logs.get(k))));
        s.append('\n');
        try {
            Files.writeString(config.path(), s, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("CSVLogger: cannot write " + config.path(), e);
        }
    }

    /** The shortest decimal that reads back as the value (Python's repr, which Keras writes); "NA" when absent. */
    private static String format(Double v) {
        return v == null ? "NA" : Double.toString(v);
    }

    private boolean fileIsEmpty() {
        try {
            return Files.size(config.path()) == 0;
        } catch (IOException e) {
            return true;
        }
    }
}
