package org.seq4j.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

/**
 * The peers harness's timing rule and line format (see the harness README, "The seq4j bench runner: line
 * contract"); the same semantics as its {@code bench.Bench#measure} and {@code #firstResult}, so that seq4j's
 * figures are comparable with DJL's and DL4J's.
 *
 * <ol>
 *   <li>Warm up for at least {@code minWarmup} iterations and at least a third of {@code minSeconds}, at most
 *       10,000 iterations.</li>
 *   <li>Time iterations one by one: at least {@code minIters} and at least {@code minSeconds}, at most 5,000.</li>
 *   <li>{@code BENCH_WARMUP} / {@code BENCH_ITERS} (env, or {@code -Dbench.warmup} / {@code -Dbench.iters}) raise
 *       the minimums; {@code BENCH_SECONDS} replaces the seconds.</li>
 * </ol>
 */
public final class Timing {
    public static final String PEER = "seq4j";

    /** One timed iteration. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    /** The per-case minimums of the contract table. */
    public record Minimums(int warmup, int iters, double seconds) {}

    private static boolean firstResultSeen;

    private Timing() {}

    /** Prints the FIRST line once per process: wall ms from JVM start to the first computed result. */
    public static void firstResult() {
        if (!firstResultSeen) {
            firstResultSeen = true;
            long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println("FIRST peer=" + PEER + " first_result_ms=" + ms);
            System.out.flush();
        }
    }

    /** Times {@code body} and prints its RESULT line; the metric is {@code workPerIter} per median second. */
    public static double measure(String workload, String caseName, Minimums min, double workPerIter, String unit,
                                 Body body) throws Exception {
        int minWarmup = Math.max(min.warmup(), intSetting("bench.warmup", min.warmup()));
        int minIters = Math.max(min.iters(), intSetting("bench.iters", min.iters()));
        double minSeconds = doubleSetting("bench.seconds", min.seconds());
        long wStart = System.nanoTime();
        int w = 0;
        while (w < minWarmup || (System.nanoTime() - wStart) < minSeconds / 3 * 1e9) {
            body.run();
            if (w == 0) {
                firstResult();
            }
            w++;
            if (w >= 10_000) {
                break;
            }
        }
        double[] t = new double[Math.max(minIters, 16)];
        int n = 0;
        long start = System.nanoTime();
        while (n < minIters || (System.nanoTime() - start) < minSeconds * 1e9) {
            long a = System.nanoTime();
            body.run();
            long b = System.nanoTime();
            if (n == t.length) {
                t = Arrays.copyOf(t, t.length * 2);
            }
            t[n++] = (b - a) / 1e6;
            if (n >= 5_000) {
                break;
            }
        }
        double[] s = Arrays.copyOf(t, n);
        Arrays.sort(s);
        double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        double metric = workPerIter / (median / 1e3);
        System.out.printf(Locale.ROOT,
                "RESULT peer=%s workload=%s case=%s median_ms=%.4f min_ms=%.4f max_ms=%.4f iters=%d warmup=%d"
                        + " metric=%.4f unit=%s%n",
                PEER, workload, caseName, median, s[0], s[n - 1], n, w, metric, unit);
        System.out.flush();
        return metric;
    }

    /** An optional INFO line (kept in the raw output, not parsed). */
    public static void info(String msg) {
        System.out.println("INFO peer=" + PEER + " " + msg);
    }

    /** {@code -Dbench.iters} or else the env variable {@code BENCH_ITERS} (the harness exports the latter). */
    static int intSetting(String name, int def) {
        String v = setting(name);
        return v == null || v.isBlank() ? def : Integer.parseInt(v.trim());
    }

    static double doubleSetting(String name, double def) {
        String v = setting(name);
        return v == null || v.isBlank() ? def : Double.parseDouble(v.trim());
    }

    private static String setting(String name) {
        return System.getProperty(name, System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_')));
    }
}
