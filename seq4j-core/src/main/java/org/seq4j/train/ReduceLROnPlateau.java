package org.seq4j.train;

import java.util.Map;
import org.seq4j.optim.ReduceOnPlateau;

/**
 * Keras {@code ReduceLROnPlateau}: at each epoch end feeds {@code monitor} to {@link ReduceOnPlateau} (factor,
 * patience, min_delta, cooldown, min_lr) and sets the optimizer's learning rate to what it returns.
 */
public final class ReduceLROnPlateau implements Callback {
    private final String monitor;
    private final ReduceOnPlateau logic;

    /** Keras defaults: val_loss, factor 0.1, patience 10, min_delta 1e-4, cooldown 0, min_lr 0. */
    public ReduceLROnPlateau(String monitor, ReduceOnPlateau.Config config) {
        this.monitor = monitor;
        this.logic = new ReduceOnPlateau(config);
    }

    @Override
    public void onEpochEnd(Model<?> model, int epoch, Map<String, Double> logs) {
        Double current = logs.get(monitor);
        if (current == null) {
            throw new IllegalStateException("ReduceLROnPlateau: no '" + monitor + "' in the logs " + logs.keySet());
        }
        float lr = model.optimizer().learningRate();
        float next = logic.update(current, lr);
        if (next != lr) {
            model.optimizer().setLearningRate(next);
        }
    }

    /** The plateau state (best, wait, cooldown), for inspection or to carry across a resume. */
    public ReduceOnPlateau logic() {
        return logic;
    }
}
