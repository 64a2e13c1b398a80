package org.seq4j.tensor;

import static org.seq4j.tensor.kernel.Transpose.NO;
import static org.seq4j.tensor.kernel.Transpose.YES;

import java.util.Arrays;
import org.seq4j.tensor.kernel.GemmKernel;
import org.seq4j.tensor.kernel.Kernels;
import org.seq4j.tensor.kernel.PackedB;
import org.seq4j.tensor.kernel.RnnKernel;

/**
 * A whole GRU sequence (reset after: the CuDNN/PyTorch form), forward and backward through time, laid out as
 * {@link LstmSequence}:
 * <pre>
 *   xw = x·W + b                     one (B·T, F)·(F, 3u) GEMM before the recurrence
 *   per step: hu = h'·U              one (B, u)·(u, 3u) GEMM, then the fused gate kernel (which adds b')
 *   backward per step: dh' += dhu·Uᵀ one GEMM; then dU = Σ h'ᵀ·dhu, db' = Σ dhu, dW = xᵀ·dxw, db = Σ dxw,
 *                                    dx = dxw·Wᵀ
 * </pre>
 * Masks, processing order and the one-shot backward as in {@link LstmSequence}.
 */
public final class GruSequence {
    private GruSequence() {}

    /** output (B, T, u): h after each processed step. */
    public record Forward(Tensor output, Saved saved) {}

    /** A bias gradient is null when the forward had no such bias. */
    public record Grads(Tensor x, Tensor kernel, Tensor recurrentKernel, Tensor inputBias, Tensor recurrentBias,
                        Tensor h0) {}

    /**
     * x (B, T, F); kernel W (F, 3u); recurrentKernel U (u, 3u); inputBias b and recurrentBias b' (3u) or null;
     * h0 (B, u); mask (B, T) or null.
     */
    public static Forward forward(Tensor x, Tensor kernel, Tensor recurrentKernel, Tensor inputBias,
                                  Tensor recurrentBias, Tensor h0, Tensor mask, boolean reverse, BufferPool pool) {
        Tensor xc = InputProjection.rows(x);
        int b = xc.dim(0);
        int t = xc.dim(1);
        int u = recurrentKernel.dim(0);
        Tensor w = recurrentKernel.contiguous();
        float[] bv = recurrentBias == null ? new float[3 * u] : recurrentBias.contiguous().toArray();
        boolean[] keep = InputProjection.keep(mask, b, t);
        float[] xw = InputProjection.forward(xc, kernel, inputBias, pool);         // (B, T, 3u)
        float[] acts = pool.take(b * t * 4 * u);                                   // (B, T, 4u)
        float[] hPrev = pool.take(b * t * u);                                      // (B, T, u): h entering each time
        float[] out = new float[b * t * u];                                        // (B, T, u)
        float[] hu = new float[b * 3 * u];                                         // (B, 3u), reused every step
        int first = reverse ? t - 1 : 0;
        float[] h0a = h0.contiguous().toArray();
        for (int r = 0; r < b; r++) {
            System.arraycopy(h0a, r * u, hPrev, (r * t + first) * u, u);
        }
        GemmKernel gemm = Kernels.gemm();
        PackedB packedU = gemm.pack(NO, u, 3 * u, w.data, w.offset, 3 * u);          // packed once for all T steps
        RnnKernel k = Kernels.rnn();
        for (int s = 0; s < t; s++) {
            int step = s;
            int time = reverse ? t - 1 - s : s;
            int next = reverse ? time - 1 : time + 1;
            boolean last = s == t - 1;
            BatchRows.split(b, (long) b * 3 * u * u, (r0, r1) -> {
                gemm.sgemm(NO, r1 - r0, 1f, hPrev, (r0 * t + time) * u, t * u, packedU, 0f, hu, r0 * 3 * u, 3 * u);
                for (int r = r0; r < r1; r++) {
                    int row = r * t + time;
                    int outRow = (r * t + step) * u;
                    // h goes to the next step's entering slot; after the last step only into the output
                    float[] hDst = last ? out : hPrev;
                    int hOff = last ? outRow : (r * t + next) * u;
                    if (keep == null || keep[row]) {
                        k.gruForward(xw, row * 3 * u, hu, r * 3 * u, bv, 0, hPrev, row * u, acts, row * 4 * u, hDst,
                                hOff, u);
                    } else {
                        System.arraycopy(hPrev, row * u, hDst, hOff, u);
                    }
                    if (!last) {
                        System.arraycopy(hDst, hOff, out, outRow, u);
                    }
                }
            });
        }
        pool.recycle(xw);                                                          // backward needs only acts
        Saved saved = new Saved(b, t, u, xc, kernel, w, acts, hPrev, keep, reverse, pool);
        return new Forward(Tensor.wrap(out, Shape.of(b, t, u)), saved);
    }

    /** g (B, T, u): the gradient of {@link Forward#output}. Recycles the saved buffers. */
    public static Grads backward(Saved sv, Tensor g, boolean withInputBias, boolean withRecurrentBias) {
        sv.claim();
        int b = sv.batch;
        int t = sv.steps;
        int u = sv.units;
        Tensor gc = g.contiguous();
        Tensor w = sv.recurrentKernel;
        float[] dxw = sv.pool.take(b * t * 3 * u);                                 // (B, T, 3u)
        float[] dhu = sv.pool.take(b * t * 3 * u);                                 // (B, T, 3u)
        float[] dh = new float[b * u];
        float[] dhNext = new float[b * u];
        GemmKernel gemm = Kernels.gemm();
        PackedB packedUt = gemm.pack(YES, 3 * u, u, w.data, w.offset, 3 * u);        // Uᵀ (3u, u)
        RnnKernel k = Kernels.rnn();
        boolean[] keep = sv.keep;
        for (int s = t - 1; s >= 0; s--) {
            int step = s;
            int time = sv.reverse ? t - 1 - s : s;
            BatchRows.split(b, (long) b * 3 * u * u, (r0, r1) -> {
                for (int r = r0; r < r1; r++) {
                    Kernels.math().axpy(1f, gc.data, gc.offset + (r * t + step) * u, dhNext, r * u, u);
                }
                System.arraycopy(dhNext, r0 * u, dh, r0 * u, (r1 - r0) * u);
                for (int r = r0; r < r1; r++) {
                    int row = r * t + time;
                    if (keep == null || keep[row]) {
                        k.gruBackward(sv.acts, row * 4 * u, sv.hPrev, row * u, dh, r * u, dxw, row * 3 * u, dhu,
                                row * 3 * u, dhNext, r * u, u);
                    } else {
                        Arrays.fill(dxw, row * 3 * u, (row + 1) * 3 * u, 0f);
                        Arrays.fill(dhu, row * 3 * u, (row + 1) * 3 * u, 0f);
                        System.arraycopy(dh, r * u, dhNext, r * u, u);
                    }
                }
                gemm.sgemm(NO, r1 - r0, 1f, dhu, (r0 * t + time) * 3 * u, t * 3 * u, packedUt, 1f, dhNext, r0 * u,
                        u);
            });
        }
        int rows = b * t;
        int width = 3 * u;
        Tensor dU = InputProjection.weightGrad(sv.hPrev, 0, u, dhu, rows, width);
        Tensor dbRec = withRecurrentBias ? InputProjection.biasGrad(dhu, rows, width) : null;
        Tensor dW = InputProjection.weightGrad(sv.x.data, sv.x.offset, sv.x.dim(2), dxw, rows, width);
        Tensor dbIn = withInputBias ? InputProjection.biasGrad(dxw, rows, width) : null;
        Tensor dx = InputProjection.inputGrad(dxw, sv.x, sv.kernel);
        sv.pool.recycle(dxw, dhu);
        sv.release();
        return new Grads(dx, dW, dU, dbIn, dbRec, Tensor.wrap(dhNext, Shape.of(b, u)));
    }

    /** What backward reads: x, the weights, the (B, T, 4u) activations and h entering each time step. */
    public static final class Saved {
        final int batch;
        final int steps;
        final int units;
        final Tensor x;
        final Tensor kernel;
        final Tensor recurrentKernel;
        final float[] acts;
        final float[] hPrev;
        final boolean[] keep;
        final boolean reverse;
        final BufferPool pool;
        private final SavedBuffers buffers;

        Saved(int batch, int steps, int units, Tensor x, Tensor kernel, Tensor recurrentKernel, float[] acts,
              float[] hPrev, boolean[] keep, boolean reverse, BufferPool pool) {
            this.batch = batch;
            this.steps = steps;
            this.units = units;
            this.x = x;
            this.kernel = kernel;
            this.recurrentKernel = recurrentKernel;
            this.acts = acts;
            this.hPrev = hPrev;
            this.keep = keep;
            this.reverse = reverse;
            this.pool = pool;
            this.buffers = new SavedBuffers("gru_sequence", pool, acts, hPrev);
        }

        void claim() {
            buffers.claim();
        }

        /** Hands the pooled buffers back (after backward, or at once when no backward will come). */
        public void release() {
            buffers.release();
        }
    }
}
