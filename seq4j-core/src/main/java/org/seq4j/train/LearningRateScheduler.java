package org.seq4j.train;

/**
 * Keras {@code LearningRateScheduler}: at the start of each epoch sets the learning rate to
 * {@code schedule.at(epoch, currentLr)} (0-based epoch). The optimizer must have a constant learning rate.
 */
public final class LearningRateScheduler implements Callback {

    /** The new learning rate for a 0-based epoch, given the current one. */
    @FunctionalInterface
    public interface Schedule {
        float at(int epoch, float currentLr);
    }

    private final Schedule schedule;

    public LearningRateScheduler(Schedule schedule) {
        this.schedule = schedule;
    }

    @Override
    public void onEpochBegin(Model<?> model, int epoch) {
        float lr = schedule.at(epoch, model.optimizer().learningRate());
        if (!Float.isFinite(lr) || lr < 0) {
            throw new IllegalStateException("LearningRateScheduler: epoch " + epoch + " gave learning rate " + lr);
        }
        model.optimizer().setLearningRate(lr);
    }
}
