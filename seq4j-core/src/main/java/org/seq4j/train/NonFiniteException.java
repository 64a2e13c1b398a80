package org.seq4j.train;

/**
 * Training met a NaN or an infinity (Keras' TerminateOnNaN, always on). The message names the 1-based epoch and
 * step and where it was seen: for a non-finite loss in a Sequential, the first layer whose output is non-finite
 * (the batch re-run layer by layer in inference); then the first weight path (in {@code Layer.weights()} order)
 * with a non-finite gradient, or else with a non-finite value.
 */
public final class NonFiniteException extends ArithmeticException {
    private final int epoch;
    private final int step;
    private final String where;

    NonFiniteException(int epoch, int step, String what, String where) {
        super("training stopped at epoch " + epoch + ", step " + step + ": " + what
                + (where == null ? "" : "; first non-finite: " + where));
        this.epoch = epoch;
        this.step = step;
        this.where = where;
    }

    /** 1-based. */
    public int epoch() {
        return epoch;
    }

    /** 1-based, within the epoch. */
    public int step() {
        return step;
    }

    /** The weight path or layer named, or null when none could be found. */
    public String where() {
        return where;
    }
}
