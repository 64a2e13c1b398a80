package org.seq4j.bench;

import java.util.List;
import java.util.Locale;
import org.seq4j.tensor.kernel.KernelThreads;
import org.seq4j.tensor.kernel.Kernels;

/**
 * The runner the peers harness calls as {@code SEQ4J_CMD <workload>}: one workload per process, stdout carrying
 * only the contract's FIRST / RESULT lines (and optional INFO lines). A new workload is a new {@link Workload}
 * class added to {@link #WORKLOADS}.
 */
public final class BenchMain {
    private static final List<Workload> WORKLOADS = List.of(new Startup(), new W1Gemm(),
            W2W3Recurrent.lstm(), W2W3Recurrent.gru(), new W4Transformer(), new W5Generation());

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || args[0].equals("--help") || args[0].equals("-h")) {
            boolean help = args.length == 1;
            usage(help);
            if (!help) {
                System.exit(2);
            }
            return;
        }
        String name = args[0].toLowerCase(Locale.ROOT);
        for (Workload w : WORKLOADS) {
            if (w.name().equals(name)) {
                if (!name.equals("startup")) {
                    Timing.info("simd=" + Kernels.simd() + " threads=" + KernelThreads.threads());
                }
                w.run();
                System.out.flush();
                return;
            }
        }
        System.err.println("unknown workload: " + args[0]);
        usage(false);
        System.exit(2);
    }

    private static void usage(boolean toStdout) {
        StringBuilder sb = new StringBuilder("usage: seq4j-bench <workload>\n\nworkloads:\n");
        for (Workload w : WORKLOADS) {
            sb.append(String.format(Locale.ROOT, "  %-8s %s%n", w.name(), w.description()));
        }
        sb.append("\nPrints the peers-harness lines (FIRST / RESULT / INFO) on stdout.\n")
                .append("BENCH_WARMUP, BENCH_ITERS, BENCH_SECONDS raise the per-case minimums;\n")
                .append("-Dseq4j.threads=N sets the kernel threads, -Dseq4j.simd=false the scalar kernels\n")
                .append("(pass JVM flags through JAVA_OPTS).\n");
        (toStdout ? System.out : System.err).print(sb);
    }
}
