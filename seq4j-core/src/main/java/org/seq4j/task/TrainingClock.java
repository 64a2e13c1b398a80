package org.seq4j.task;

import java.time.Duration;
import java.util.Map;
import org.seq4j.train.Callback;
import org.seq4j.train.Model;

/**
 * Adds {@code seconds} (wall time since training began) to every epoch's logs, so a History reads as loss vs
 * time, and stops training after the first epoch that ends past {@code budget} (ZERO: never).
 */
public final class TrainingClock implements Callback {
    private final Duration budget;
    private long start;

    public TrainingClock(Duration budget) {
        this.budget = budget;
    }

    @Override
    public void onTrainBegin(Model<?> model) {
        start = System.nanoTime();
    }

    @Override
    public void onEpochEnd(Model<?> model, int epoch, Map<String, Double> logs) {
        long elapsed = System.nanoTime() - start;
        logs.put("seconds", elapsed / 1e9);
        if (!budget.isZero() && elapsed >= budget.toNanos()) {
            model.stopTraining();
        }
    }
}
