package org.seq4j.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Keras {@code ModelCheckpoint}: saves the model (a {@code Model.save} directory, written atomically) at the end
 * of each epoch, or with {@code saveBestOnly} only when {@code monitor} beats its best so far. {@code "{epoch}"} in
 * the path is replaced by the 1-based epoch number, as Keras formats {@code {epoch}}.
 */
public final class ModelCheckpoint implements Callback {

    public record Config(Path path, String monitor, MonitorMode mode, boolean saveBestOnly) {
        /** Keras defaults: val_loss, auto, every epoch. */
        public static Config of(Path path) {
            return new Config(path, "val_loss", MonitorMode.AUTO, false);
        }

        public Config monitor(String m) { return new Config(path, m, mode, saveBestOnly); }
        public Config mode(MonitorMode m) { return new Config(path, monitor, m, saveBestOnly); }
        public Config saveBestOnly(boolean b) { return new Config(path, monitor, mode, b); }
    }

    private final Config config;
    private final MonitorMode mode;
    private double best;

    public ModelCheckpoint(Config config) {
        this.config = config;
        this.mode = config.mode().resolve(config.monitor());
        this.best = mode.worst();
    }

    @Override
    public void onEpochEnd(Model<?> model, int epoch, Map<String, Double> logs) {
        if (config.saveBestOnly()) {
            Double current = logs.get(config.monitor());
            if (current == null) {
                throw new IllegalStateException("ModelCheckpoint: no '" + config.monitor() + "' in the logs "
                        + logs.keySet());
            }
            if (!mode.improves(current, best, 0)) {
                return;
            }
            best = current;
        }
        Path target = Path.of(config.path().toString().replace("{epoch}", Integer.toString(epoch + 1)));
        try {
            model.save(target);
        } catch (IOException e) {
            throw new UncheckedIOException("ModelCheckpoint: cannot save " + target, e);
        }
    }
}
