package org.seq4j.tensor;

import java.util.Arrays;
import org.seq4j.tensor.kernel.KernelThreads;
import org.seq4j.tensor.kernel.Kernels;
import org.seq4j.tensor.kernel.NormKernel;

/**
 * Layer normalisation over the last axis, forward and backward, row by row through {@link NormKernel}: two passes
 * over x forward and two backward, instead of the ~20 element-wise tensors of the composed formula. Rows are split
 * over the kernel threads; each thread sums its own dγ, dβ and they are added at the end.
 */
public final class LayerNorms {
    /** Below this many elements one thread does it all: the hand-off would cost more. */
    private static final int PARALLEL_ELEMENTS = 1 << 15;

    private LayerNorms() {}

    /** y and the per-row (μ, 1/√(σ² + ε)) that backward reads. */
    public record Forward(Tensor y, float[] stats) {}

    /** gamma and beta are null when the forward had none. */
    public record Grads(Tensor x, Tensor gamma, Tensor beta) {}

    /** x (..., D); gamma, beta (D) or null (then 1 and 0). */
    public static Forward forward(Tensor x, Tensor gamma, Tensor beta, float eps) {
        int n = x.dim(-1);
        int rows = x.size() / Math.max(n, 1);
        Tensor xc = x.contiguous();
        float[] g = gamma == null ? ones(n) : gamma.contiguous().toArray();
        float[] b = beta == null ? new float[n] : beta.contiguous().toArray();
        float[] y = new float[x.size()];
        float[] stats = new float[2 * rows];
        NormKernel k = Kernels.norm();
        split(rows, n, (p, r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                k.layerNormForward(xc.data, xc.offset + r * n, g, b, eps, y, r * n, stats, 2 * r, n);
            }
        });
        return new Forward(Tensor.wrap(y, x.shape), stats);
    }

    public static Grads backward(Tensor x, Tensor gamma, boolean withBeta, Forward f, Tensor dy) {
        int n = x.dim(-1);
        int rows = x.size() / Math.max(n, 1);
        Tensor xc = x.contiguous();
        Tensor dc = dy.contiguous();
        float[] g = gamma == null ? ones(n) : gamma.contiguous().toArray();
        float[] dx = new float[x.size()];
        int parts = parts(rows, n);
        float[][] dGamma = new float[parts][n];
        float[][] dBeta = new float[parts][n];
        NormKernel k = Kernels.norm();
        float[] stats = f.stats();
        split(rows, n, (p, r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                k.layerNormBackward(xc.data, xc.offset + r * n, dc.data, dc.offset + r * n, g, stats[2 * r],
                        stats[2 * r + 1], dx, r * n, dGamma[p], dBeta[p], n);
            }
        });
        for (int p = 1; p < parts; p++) {
            Kernels.math().axpy(1f, dGamma[p], 0, dGamma[0], 0, n);
            Kernels.math().axpy(1f, dBeta[p], 0, dBeta[0], 0, n);
        }
        return new Grads(Tensor.wrap(dx, x.shape), gamma == null ? null : Tensor.wrap(dGamma[0], Shape.of(n)),
                withBeta ? Tensor.wrap(dBeta[0], Shape.of(n)) : null);
    }

    @FunctionalInterface
    private interface Rows {
        void run(int part, int r0, int r1);
    }

    private static int parts(int rows, int n) {
        return (long) rows * n < PARALLEL_ELEMENTS ? 1 : Math.max(1, Math.min(KernelThreads.threads(), rows));
    }

    private static void split(int rows, int n, Rows body) {
        int parts = parts(rows, n);
        if (parts == 1) {
            body.run(0, 0, rows);
            return;
        }
        KernelThreads.run(parts, p -> body.run(p, rows * p / parts, rows * (p + 1) / parts));
    }

    private static float[] ones(int n) {
        float[] a = new float[n];
        Arrays.fill(a, 1f);
        return a;
    }
}
