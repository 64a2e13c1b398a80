package org.seq4j.bench;

/**
 * One argument of {@link BenchMain} ({@code startup}, {@code w1}, ...): runs its cases and prints their lines
 * through {@link Timing}. Each workload is its own class so that w2..w5 can be added without touching the others.
 */
public interface Workload {
    /** The command-line name, e.g. {@code w1}. */
    String name();

    /** One line for {@code --help}. */
    String description();

    void run() throws Exception;
}
