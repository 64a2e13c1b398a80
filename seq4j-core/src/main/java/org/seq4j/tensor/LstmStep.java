package org.seq4j.tensor;

import static org.seq4j.tensor.kernel.Transpose.NO;

import org.seq4j.tensor.kernel.GemmConfig;
import org.seq4j.tensor.kernel.Kernels;
import org.seq4j.tensor.kernel.KernelThreads;

/**
 * One LSTM step without a graph (generation: batch 1, one token at a time), the math of
 * {@link org.seq4j.tensor.kernel.RnnKernel#lstmForward}. At batch 1 the step is two GEMVs bound by reading the
 * weights (W (F, 4u) and U (u, 4u): 4.6 MB per 512-unit layer), so the threads split the UNITS: thread p reads
 * columns [j0, j1) of all four gate blocks of W and U into its own (4, j1 − j0) buffers and runs the gates of its
 * units. One hand-off per step, every weight read once, two cores' worth of cache bandwidth, and a few KB of
 * scratch per step.
 */
public final class LstmStep {
    private LstmStep() {}

    /** h and c after the step, each (B, u). */
    public record Result(Tensor h, Tensor c) {}

    /** x (B, F), kernel (F, 4u), recurrentKernel (u, 4u), bias (4u) or null, h and c (B, u). */
    public static Result step(Tensor x, Tensor kernel, Tensor recurrentKernel, Tensor bias, Tensor h, Tensor c) {
        int b = x.dim(0);
        int f = x.dim(1);
        int u = recurrentKernel.dim(0);
        Tensor xc = x.contiguous();
        Tensor w = kernel.contiguous();
        Tensor rw = recurrentKernel.contiguous();
        Tensor bc = bias == null ? null : bias.contiguous();
        Tensor hc = h.contiguous();
        Tensor cc = c.contiguous();
        float[] hOut = new float[b * u];
        float[] cOut = new float[b * u];
        long work = (long) b * 4 * u * (f + u);
        int parts = work < GemmConfig.DEFAULT.parallelWork() ? 1
                : Math.min(KernelThreads.threads(), Math.max(1, u / 16));
        KernelThreads.run(parts, p -> {
            int j0 = u * p / parts;
            int n = u * (p + 1) / parts - j0;
            float[] xw = new float[b * 4 * n];                                    // (B, 4, n)
            float[] z = new float[b * 4 * n];                                     // (B, 4, n)
            for (int g = 0; g < 4; g++) {
                int col = g * u + j0;
                if (bc != null) {
                    for (int r = 0; r < b; r++) {
                        System.arraycopy(bc.data, bc.offset + col, xw, r * 4 * n + g * n, n);
                    }
                }
                Kernels.gemm().sgemm(NO, NO, b, n, f, 1f, xc.data, xc.offset, f, w.data, w.offset + col, 4 * u,
                        bc == null ? 0f : 1f, xw, g * n, 4 * n);
                Kernels.gemm().sgemm(NO, NO, b, n, u, 1f, hc.data, hc.offset, u, rw.data, rw.offset + col, 4 * u,
                        0f, z, g * n, 4 * n);
            }
            float[] hPart = new float[n];
            float[] cPart = new float[n];
            for (int r = 0; r < b; r++) {
                System.arraycopy(cc.data, cc.offset + r * u + j0, cPart, 0, n);
                Kernels.rnn().lstmForward(xw, r * 4 * n, z, r * 4 * n, cPart, 0, cPart, 0, hPart, 0, n);
                System.arraycopy(hPart, 0, hOut, r * u + j0, n);
                System.arraycopy(cPart, 0, cOut, r * u + j0, n);
            }
        });
        return new Result(Tensor.wrap(hOut, Shape.of(b, u)), Tensor.wrap(cOut, Shape.of(b, u)));
    }
}
