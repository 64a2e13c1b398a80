package org.seq4j.train;

import java.util.Map;

/**
 * Hooks into fit (Keras {@code Callback}). Epochs are 0-based as in Keras' hooks; logs are the metrics so far
 * (per batch) or of the epoch (loss, metrics, val_*, lr). Epoch logs are handed to the callbacks in order before
 * History records them, so a callback may add entries for the ones after it (as Keras' do). A callback stops
 * training with {@link Model#stopTraining()}; the current epoch still ends normally.
 */
public interface Callback {

    default void onTrainBegin(Model<?> model) {}

    default void onEpochBegin(Model<?> model, int epoch) {}

    default void onBatchEnd(Model<?> model, int batch, Map<String, Double> logs) {}

    default void onEpochEnd(Model<?> model, int epoch, Map<String, Double> logs) {}

    default void onTrainEnd(Model<?> model, Map<String, Double> logs) {}
}
