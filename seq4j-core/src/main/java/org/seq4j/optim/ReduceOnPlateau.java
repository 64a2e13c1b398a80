package org.seq4j.optim;

/**
 * The logic of Keras' ReduceLROnPlateau callback, called once per epoch with the monitored value:
 * <ul>
 *   <li>an improvement is current &lt; best − minDelta (mode MIN) or current &gt; best + minDelta (MAX); it
 *       resets the wait;</li>
 *   <li>otherwise, outside a cooldown, wait += 1; when wait reaches {@code patience} and lr &gt; minLr,
 *       lr ← max(lr·factor, minLr), the wait restarts and a cooldown of {@code cooldown} epochs begins;</li>
 *   <li>during a cooldown each epoch decrements the counter and keeps the wait at 0.</li>
 * </ul>
 * Mutable (it is the state of a callback); {@link #state()} and {@link #load} carry it across a resume.
 */
public final class ReduceOnPlateau {

    public enum Mode {
        MIN, MAX;

        /** Keras mode "auto": MAX for a monitored name containing "acc", else MIN. */
        public static Mode auto(String monitor) {
            return monitor.contains("acc") ? MAX : MIN;
        }
    }

    /** Keras' arguments and defaults (factor 0.1, patience 10, min_delta 1e-4, cooldown 0, min_lr 0, mode min). */
    public record Config(float factor, int patience, double minDelta, int cooldown, float minLr, Mode mode) {
        public Config {
            if (!(factor < 1f) || !(factor >= 0f)) {
                throw new IllegalArgumentException("ReduceOnPlateau: factor must be in [0, 1), got " + factor);
            }
        }

        public static Config defaults() {
            return new Config(0.1f, 10, 1e-4, 0, 0f, Mode.MIN);
        }

        public Config factor(float f) { return new Config(f, patience, minDelta, cooldown, minLr, mode); }
        public Config patience(int p) { return new Config(factor, p, minDelta, cooldown, minLr, mode); }
        public Config minDelta(double d) { return new Config(factor, patience, d, cooldown, minLr, mode); }
        public Config cooldown(int c) { return new Config(factor, patience, minDelta, c, minLr, mode); }
        public Config minLr(float m) { return new Config(factor, patience, minDelta, cooldown, m, mode); }
        public Config mode(Mode m) { return new Config(factor, patience, minDelta, cooldown, minLr, m); }
    }

    /** Everything that changes between epochs. */
    public record State(double best, int epochsWaited, int cooldownCounter) {}

    private final Config config;
    private double best;
    private int wait;
    private int cooldownCounter;

    public ReduceOnPlateau(Config config) {
        this.config = config;
        this.best = config.mode() == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    public Config config() {
        return config;
    }

    /** Feeds the epoch's monitored value; returns the learning rate to use from now on (lr itself or reduced). */
    public float update(double current, float lr) {
        if (inCooldown()) {
            cooldownCounter--;
            wait = 0;
        }
        if (improves(current)) {
            best = current;
            wait = 0;
            return lr;
        }
        if (inCooldown()) {
            return lr;
        }
        wait++;
        if (wait >= config.patience() && lr > config.minLr()) {
            cooldownCounter = config.cooldown();
            wait = 0;
            return Math.max(lr * config.factor(), config.minLr());
        }
        return lr;
    }

    public boolean inCooldown() {
        return cooldownCounter > 0;
    }

    public State state() {
        return new State(best, wait, cooldownCounter);
    }

    public void load(State s) {
        best = s.best();
        wait = s.epochsWaited();
        cooldownCounter = s.cooldownCounter();
    }

    private boolean improves(double current) {
        return config.mode() == Mode.MIN ? current < best - config.minDelta() : current > best + config.minDelta();
    }
}
