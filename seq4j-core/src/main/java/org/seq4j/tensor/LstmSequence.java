package org.seq4j.tensor;

import static org.seq4j.tensor.kernel.Transpose.NO;
import static org.seq4j.tensor.kernel.Transpose.YES;

import org.seq4j.tensor.kernel.BinaryOp;
import org.seq4j.tensor.kernel.GemmKernel;
import org.seq4j.tensor.kernel.Kernels;
import org.seq4j.tensor.kernel.RnnKernel;

/**
 * A whole LSTM sequence, forward and backward through time, on time-major buffers (the math of
 * {@link org.seq4j.tensor.kernel.RnnKernel}). Per step: one GEMM h_{s−1}·U (B, u)·(u, 4u) into the step's slot of
 * the saved activations, then the fused gate kernel row by row. Backward: per step the gate kernel and one GEMM
 * dz_s·Uᵀ for the gradient reaching h_{s−1}; dU = Σ_s h_{s−1}ᵀ·dz_s as ONE (u, T·B)·(T·B, 4u) GEMM at the end,
 * which is why h and dz are kept time-major and contiguous. Each step is split over the threads by batch rows
 * ({@link BatchRows}).
 *
 * <p>Steps run in processing order s (time T−1−s with {@code reverse}). A row whose mask is 0 at a step carries
 * h and c unchanged (its output is the carried h) and passes its gradients straight through.
 */
public final class LstmSequence {
    private LstmSequence() {}

    /** What backward reads: the (T, B, 4u) activations, h and c for s = 0..T (row 0 the initial state). */
    public record Saved(int steps, int batch, int units, Tensor recurrentKernel, float[] acts, float[] hs, float[] cs,
                        boolean[] keep, boolean reverse) {}

    /** output (T + 1, B, u): h after each processed step, then the final c. */
    public record Forward(Tensor output, Saved saved) {}

    /** bias is null when the forward had none. */
    public record Grads(Tensor xw, Tensor recurrentKernel, Tensor bias, Tensor h0, Tensor c0) {}

    /**
     * xw (T, B, 4u) = x·W, time-major; recurrentKernel (u, 4u); bias (4u) or null, added here (each step's GEMM
     * accumulates onto it) rather than as a (T, B, 4u) temporary; h0, c0 (B, u); mask (B, T) or null.
     */
    public static Forward forward(Tensor xw, Tensor recurrentKernel, Tensor bias, Tensor h0, Tensor c0,
                                  Tensor mask, boolean reverse) {
        int t = xw.dim(0);
        int b = xw.dim(1);
        int u = recurrentKernel.dim(0);
        Tensor x = xw.contiguous();
        Tensor w = recurrentKernel.contiguous();
        boolean[] keep = keep(mask, t, b, reverse);
        float[] bv = bias == null ? null : bias.contiguous().toArray();
        int bu = b * u;
        float[] hs = new float[(t + 1) * bu];                                      // (T + 1, B, u)
        float[] cs = new float[(t + 1) * bu];                                      // (T + 1, B, u)
        float[] acts = new float[t * b * 4 * u];                                   // (T, B, 4u)
        System.arraycopy(h0.contiguous().toArray(), 0, hs, 0, bu);
        System.arraycopy(c0.contiguous().toArray(), 0, cs, 0, bu);
        GemmKernel gemm = Kernels.gemm();
        RnnKernel k = Kernels.rnn();
        for (int s = 0; s < t; s++) {
            int step = s;
            int time = reverse ? t - 1 - s : s;
            BatchRows.split(b, (long) b * 4 * u * u, (r0, r1) -> {
                if (bv != null) {
                    for (int r = r0; r < r1; r++) {
                        System.arraycopy(bv, 0, acts, (step * b + r) * 4 * u, 4 * u);
                    }
                }
                gemm.sgemm(NO, NO, r1 - r0, 4 * u, u, 1f, hs, (step * b + r0) * u, u, w.data, w.offset, 4 * u,
                        bv == null ? 0f : 1f, acts, (step * b + r0) * 4 * u, 4 * u);
                for (int r = r0; r < r1; r++) {
                    int row = step * b + r;
                    if (keep == null || keep[row]) {
                        k.lstmForward(x.data, x.offset + (time * b + r) * 4 * u, acts, row * 4 * u, cs, row * u,
                                cs, row * u + bu, hs, row * u + bu, u);
                    } else {
                        System.arraycopy(hs, row * u, hs, row * u + bu, u);
                        System.arraycopy(cs, row * u, cs, row * u + bu, u);
                    }
                }
            });
        }
        float[] out = new float[(t + 1) * bu];
        System.arraycopy(hs, bu, out, 0, t * bu);
        System.arraycopy(cs, t * bu, out, t * bu, bu);
        return new Forward(Tensor.wrap(out, Shape.of(t + 1, b, u)),
                new Saved(t, b, u, w, acts, hs, cs, keep, reverse));
    }

    /** g (T + 1, B, u): the gradient of {@link Forward#output}. */
    public static Grads backward(Saved sv, Tensor g, boolean withBias) {
        int t = sv.steps();
        int b = sv.batch();
        int u = sv.units();
        int bu = b * u;
        Tensor gc = g.contiguous();
        Tensor w = sv.recurrentKernel();
        float[] dz = new float[t * b * 4 * u];                                     // (T, B, 4u)
        float[] dh = new float[bu];                                                // reaching h_s
        float[] dhNext = new float[bu];                                            // reaching h_s from step s + 1
        float[] dc = new float[bu];
        boolean[] keep = sv.keep();
        System.arraycopy(gc.data, gc.offset + t * bu, dc, 0, bu);
        GemmKernel gemm = Kernels.gemm();
        RnnKernel k = Kernels.rnn();
        for (int s = t - 1; s >= 0; s--) {
            int step = s;
            BatchRows.split(b, (long) b * 4 * u * u, (r0, r1) -> {
                float[] scratch = new float[u];
                Kernels.math().binary(BinaryOp.ADD, gc.data, gc.offset + step * bu + r0 * u, dhNext, r0 * u,
                        dh, r0 * u, (r1 - r0) * u);
                for (int r = r0; r < r1; r++) {
                    int row = step * b + r;
                    if (keep == null || keep[row]) {
                        k.lstmBackward(sv.acts(), row * 4 * u, sv.cs(), row * u, sv.cs(), row * u + bu, dh, r * u,
                                dc, r * u, dz, row * 4 * u, scratch, u);
                    }
                }
                gemm.sgemm(NO, YES, r1 - r0, u, 4 * u, 1f, dz, (step * b + r0) * 4 * u, 4 * u, w.data, w.offset,
                        4 * u, 0f, dhNext, r0 * u, u);
                for (int r = r0; r < r1; r++) {
                    if (keep != null && !keep[step * b + r]) {
                        // dz was 0, so the GEMM left 0: the whole gradient reaching h_s goes on to h_{s−1}
                        System.arraycopy(dh, r * u, dhNext, r * u, u);
                    }
                }
            });
        }
        float[] dw = new float[u * 4 * u];
        gemm.sgemm(YES, NO, u, 4 * u, t * b, 1f, sv.hs(), 0, u, dz, 0, 4 * u, 0f, dw, 0, 4 * u);
        Tensor db = null;
        if (withBias) {
            float[] sum = new float[4 * u];
            for (int row = 0; row < t * b; row++) {
                Kernels.math().axpy(1f, dz, row * 4 * u, sum, 0, 4 * u);
            }
            db = Tensor.wrap(sum, Shape.of(4 * u));
        }
        return new Grads(Tensor.wrap(timeOrder(dz, t, b * 4 * u, sv.reverse()), Shape.of(t, b, 4 * u)),
                Tensor.wrap(dw, Shape.of(u, 4 * u)), db, Tensor.wrap(dhNext, Shape.of(b, u)),
                Tensor.wrap(dc, Shape.of(b, u)));
    }

    /** keep[s·B + r] = mask[r, time(s)] != 0 in processing order, or null without a mask. */
    static boolean[] keep(Tensor mask, int t, int b, boolean reverse) {
        if (mask == null) {
            return null;
        }
        float[] m = mask.contiguous().toArray();                                   // (B, T)
        boolean[] keep = new boolean[t * b];
        for (int s = 0; s < t; s++) {
            int time = reverse ? t - 1 - s : s;
            for (int r = 0; r < b; r++) {
                keep[s * b + r] = m[r * t + time] != 0f;
            }
        }
        return keep;
    }

    /** Blocks in processing order put back in time order (reversed when the steps ran backwards). */
    static float[] timeOrder(float[] a, int t, int block, boolean reverse) {
        if (!reverse) {
            return a;
        }
        float[] out = new float[a.length];
        for (int s = 0; s < t; s++) {
            System.arraycopy(a, s * block, out, (t - 1 - s) * block, block);
        }
        return out;
    }
}
