package org.seq4j.tensor;

import org.seq4j.tensor.kernel.GemmConfig;
import org.seq4j.tensor.kernel.KernelThreads;

/**
 * Splits one recurrent step over the kernel threads by batch rows. Rows of a step are independent (their own
 * slice of the GEMM and of the gate math), so each thread runs its rows' GEMM and then their gates: one hand-off
 * per step instead of one per GEMM, and the gate math runs in parallel too. The GEMM inside a task stays on that
 * thread ({@link KernelThreads} runs nested calls inline).
 */
final class BatchRows {
    private BatchRows() {}

    /** The rows [r0, r1) of one step. */
    @FunctionalInterface
    interface Range {
        void run(int r0, int r1);
    }

    /** Runs {@code body} over [0, batch) in one piece per thread, or whole when the step is too small to split. */
    static void split(int batch, long multiplyAdds, Range body) {
        int parts = multiplyAdds < GemmConfig.DEFAULT.parallelWork() ? 1 : Math.min(KernelThreads.threads(), batch);
        if (parts <= 1) {
            body.run(0, batch);
            return;
        }
        KernelThreads.run(parts, p -> body.run(batch * p / parts, batch * (p + 1) / parts));
    }
}
