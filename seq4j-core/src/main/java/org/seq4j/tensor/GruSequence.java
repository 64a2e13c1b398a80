package org.seq4j.tensor;

import static org.seq4j.tensor.kernel.Transpose.NO;
import static org.seq4j.tensor.kernel.Transpose.YES;

import org.seq4j.tensor.kernel.BinaryOp;
import org.seq4j.tensor.kernel.GemmKernel;
import org.seq4j.tensor.kernel.Kernels;
import org.seq4j.tensor.kernel.RnnKernel;

/**
 * A whole GRU sequence (reset after: the CuDNN/PyTorch form), forward and backward through time, laid out as
 * {@link LstmSequence}: per step one GEMM h_{s−1}·U (B, u)·(u, 3u) and the fused gate kernel; backward one GEMM
 * dhu_s·Uᵀ per step, dU = Σ h_{s−1}ᵀ·dhu_s as one GEMM and db' = Σ dhu_s at the end. Masks as in
 * {@link LstmSequence}.
 */
public final class GruSequence {
    private GruSequence() {}

    /** The (T, B, 4u) activations [z, r, n, hu_n + b'_n] and h for s = 0..T (row 0 the initial state). */
    public record Saved(int steps, int batch, int units, Tensor recurrentKernel, float[] acts, float[] hs,
                        boolean[] keep, boolean reverse) {}

    /** output (T, B, u): h after each processed step. */
    public record Forward(Tensor output, Saved saved) {}

    /** bias is null when the forward had none. */
    public record Grads(Tensor xw, Tensor recurrentKernel, Tensor bias, Tensor h0) {}

    /** xw (T, B, 3u) = x·W + b, time-major; recurrentKernel (u, 3u); bias b' (3u) or null; h0 (B, u). */
    public static Forward forward(Tensor xw, Tensor recurrentKernel, Tensor bias, Tensor h0, Tensor mask,
                                  boolean reverse) {
        int t = xw.dim(0);
        int b = xw.dim(1);
        int u = recurrentKernel.dim(0);
        Tensor x = xw.contiguous();
        Tensor w = recurrentKernel.contiguous();
        float[] bv = bias == null ? new float[3 * u] : bias.contiguous().toArray();
        boolean[] keep = LstmSequence.keep(mask, t, b, reverse);
        int bu = b * u;
        float[] hs = new float[(t + 1) * bu];                                      // (T + 1, B, u)
        float[] acts = new float[t * b * 4 * u];                                   // (T, B, 4u)
        float[] hu = new float[b * 3 * u];                                         // (B, 3u), reused every step
        System.arraycopy(h0.contiguous().toArray(), 0, hs, 0, bu);
        GemmKernel gemm = Kernels.gemm();
        RnnKernel k = Kernels.rnn();
        for (int s = 0; s < t; s++) {
            int step = s;
            int time = reverse ? t - 1 - s : s;
            BatchRows.split(b, (long) b * 3 * u * u, (r0, r1) -> {
                gemm.sgemm(NO, NO, r1 - r0, 3 * u, u, 1f, hs, (step * b + r0) * u, u, w.data, w.offset, 3 * u,
                        0f, hu, r0 * 3 * u, 3 * u);
                for (int r = r0; r < r1; r++) {
                    int row = step * b + r;
                    if (keep == null || keep[row]) {
                        k.gruForward(x.data, x.offset + (time * b + r) * 3 * u, hu, r * 3 * u, bv, 0, hs, row * u,
                                acts, row * 4 * u, hs, row * u + bu, u);
                    } else {
                        System.arraycopy(hs, row * u, hs, row * u + bu, u);
                    }
                }
            });
        }
        float[] out = new float[t * bu];
        System.arraycopy(hs, bu, out, 0, t * bu);
        return new Forward(Tensor.wrap(out, Shape.of(t, b, u)), new Saved(t, b, u, w, acts, hs, keep, reverse));
    }

    /** g (T, B, u): the gradient of {@link Forward#output}. */
    public static Grads backward(Saved sv, Tensor g, boolean withBias) {
        int t = sv.steps();
        int b = sv.batch();
        int u = sv.units();
        int bu = b * u;
        Tensor gc = g.contiguous();
        Tensor w = sv.recurrentKernel();
        float[] dxw = new float[t * b * 3 * u];                                    // (T, B, 3u)
        float[] dhu = new float[t * b * 3 * u];                                    // (T, B, 3u)
        float[] dh = new float[bu];
        float[] dhNext = new float[bu];
        GemmKernel gemm = Kernels.gemm();
        RnnKernel k = Kernels.rnn();
        boolean[] keep = sv.keep();
        for (int s = t - 1; s >= 0; s--) {
            int step = s;
            BatchRows.split(b, (long) b * 3 * u * u, (r0, r1) -> {
                Kernels.math().binary(BinaryOp.ADD, gc.data, gc.offset + step * bu + r0 * u, dhNext, r0 * u,
                        dh, r0 * u, (r1 - r0) * u);
                for (int r = r0; r < r1; r++) {
                    int row = step * b + r;
                    if (keep == null || keep[row]) {
                        k.gruBackward(sv.acts(), row * 4 * u, sv.hs(), row * u, dh, r * u, dxw, row * 3 * u,
                                dhu, row * 3 * u, dhNext, r * u, u);
                    } else {
                        System.arraycopy(dh, r * u, dhNext, r * u, u);
                    }
                }
                gemm.sgemm(NO, YES, r1 - r0, u, 3 * u, 1f, dhu, (step * b + r0) * 3 * u, 3 * u, w.data, w.offset,
                        3 * u, 1f, dhNext, r0 * u, u);
            });
        }
        float[] dw = new float[u * 3 * u];
        gemm.sgemm(YES, NO, u, 3 * u, t * b, 1f, sv.hs(), 0, u, dhu, 0, 3 * u, 0f, dw, 0, 3 * u);
        Tensor db = null;
        if (withBias) {
            float[] sum = new float[3 * u];
            for (int row = 0; row < t * b; row++) {
                Kernels.math().axpy(1f, dhu, row * 3 * u, sum, 0, 3 * u);
            }
            db = Tensor.wrap(sum, Shape.of(3 * u));
        }
        return new Grads(Tensor.wrap(LstmSequence.timeOrder(dxw, t, b * 3 * u, sv.reverse()), Shape.of(t, b, 3 * u)),
                Tensor.wrap(dw, Shape.of(u, 3 * u)), db, Tensor.wrap(dhNext, Shape.of(b, u)));
    }
}
