package org.seq4j.train;

import java.util.Map;
import org.seq4j.tensor.Tensor;

/**
 * Keras {@code EarlyStopping}: stops when {@code monitor} has not improved by more than {@code minDelta} for
 * {@code patience} epochs. With {@code restoreBestWeights}, the weights of the best epoch are put back when it
 * stops (as in Keras, only when it stops: a run that uses all its epochs keeps the last weights).
 */
public final class EarlyStopping implements Callback {

    public record Config(String monitor, MonitorMode mode, int patience, double minDelta, boolean restoreBestWeights) {
        /** Keras defaults: val_loss, auto, patience 0, min_delta 0, no restore. */
        public static Config defaults() {
            return new Config("val_loss", MonitorMode.AUTO, 0, 0.0, false);
        }

        public Config monitor(String m) { return new Config(m, mode, patience, minDelta, restoreBestWeights); }
        public Config mode(MonitorMode m) { return new Config(monitor, m, patience, minDelta, restoreBestWeights); }
        public Config patience(int p) { return new Config(monitor, mode, p, minDelta, restoreBestWeights); }
        public Config minDelta(double d) { return new Config(monitor, mode, patience, d, restoreBestWeights); }
        public Config restoreBestWeights(boolean r) { return new Config(monitor, mode, patience, minDelta, r); }
    }

    private final Config config;
    private final MonitorMode mode;
    private double best;
    private int wait;
    private int bestEpoch = -1;
    private int stoppedEpoch = -1;
    private Map<String, Tensor> bestWeights;

    public EarlyStopping(Config config) {
        this.config = config;
        this.mode = config.mode().resolve(config.monitor());
    }

    @Override
    public void onTrainBegin(Model<?> model) {
        best = mode.worst();
        wait = 0;
        bestEpoch = -1;
        stoppedEpoch = -1;
        bestWeights = null;
    }

    @Override
    public void onEpochEnd(Model<?> model, int epoch, Map<String, Double> logs) {
        Double current = logs.get(config.monitor());
        if (current == null) {
            throw new IllegalStateException("EarlyStopping: no '" + config.monitor() + "' in the logs "
                    + logs.keySet());
        }
        if (config.restoreBestWeights() && bestWeights == null) {
            bestWeights = model.weightValues();   // Keras: restore the first epoch's if nothing ever improves
        }
        wait++;
        if (mode.improves(current, best, Math.abs(config.minDelta()))) {
            best = current;
            bestEpoch = epoch;
            if (config.restoreBestWeights()) {
                bestWeights = model.weightValues();
            }
            wait = 0;
            return;
        }
        if (wait >= config.patience() && epoch > 0) {
            stoppedEpoch = epoch;
            model.stopTraining();
            if (config.restoreBestWeights() && bestWeights != null) {
                model.setWeightValues(bestWeights);
            }
        }
    }

    /** The 0-based epoch with the best value, or -1. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The 0-based epoch at which it stopped training, or -1 when it did not. */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }
}
