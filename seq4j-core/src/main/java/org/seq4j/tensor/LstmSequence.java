package org.seq4j.tensor;

import static org.seq4j.tensor.kernel.Transpose.NO;
import static org.seq4j.tensor.kernel.Transpose.YES;

import java.util.Arrays;
import org.seq4j.tensor.kernel.GemmKernel;
import org.seq4j.tensor.kernel.Kernels;
import org.seq4j.tensor.kernel.PackedB;
import org.seq4j.tensor.kernel.RnnKernel;

/**
 * A whole LSTM sequence, forward and backward through time (the math of {@link RnnKernel}), from x itself:
 * <pre>
 *   xw = x·W                         one (B·T, F)·(F, 4u) GEMM before the recurrence
 *   per step: z = h'·U + b           one (B, u)·(u, 4u) GEMM, then the fused gate kernel row by row
 *   backward per step: dh' = dz·Uᵀ   one GEMM; then dU = Σ h'ᵀ·dz, dW = xᵀ·dz, dx = dz·Wᵀ as one GEMM each
 * </pre>
 * Buffers are batch-major with rows indexed by time, (B, T, ·), so x is read in place and the three gradient GEMMs
 * run over all B·T rows at once; a step reads its rows with a stride. Each step is split over the threads by batch
 * rows ({@link BatchRows}). The saved activations and the gradient scratch come from the caller's {@link BufferPool}
 * and go back to it after backward, which can therefore run once (as PyTorch frees a graph's saved tensors).
 *
 * <p>Steps run in processing order s (time T−1−s with {@code reverse}); the output lists h in that order. A row
 * whose mask is 0 at a step carries h and c unchanged and passes its gradients straight through.
 */
public final class LstmSequence {
    private LstmSequence() {}

    /** output (B, T + 1, u): h after each processed step, then the final c. */
    public record Forward(Tensor output, Saved saved) {}

    /** bias is null when the forward had none. */
    public record Grads(Tensor x, Tensor kernel, Tensor recurrentKernel, Tensor bias, Tensor h0, Tensor c0) {}

    /**
     * x (B, T, F); kernel W (F, 4u); recurrentKernel U (u, 4u); bias (4u) or null; h0, c0 (B, u); mask (B, T) or
     * null.
     */
    public static Forward forward(Tensor x, Tensor kernel, Tensor recurrentKernel, Tensor bias, Tensor h0, Tensor c0,
                                  Tensor mask, boolean reverse, BufferPool pool) {
        Tensor xc = InputProjection.rows(x);
        int b = xc.dim(0);
        int t = xc.dim(1);
        int u = recurrentKernel.dim(0);
        int g = 4 * u;
        Tensor w = recurrentKernel.contiguous();
        float[] bv = bias == null ? null : bias.contiguous().toArray();
        boolean[] keep = InputProjection.keep(mask, b, t);
        float[] acts = InputProjection.forward(xc, kernel, null, pool);             // (B, T, 4u): x·W, then activations
        float[] hPrev = pool.take(b * t * u);                                       // (B, T, u): h entering each time
        float[] cPrev = pool.take(b * t * u);                                       // (B, T, u)
        float[] out = new float[b * (t + 1) * u];                                   // (B, T + 1, u)
        float[] z = new float[b * g];                                               // (B, 4u): one step's h'·U + b
        int first = reverse ? t - 1 : 0;
        float[] h0a = h0.contiguous().toArray();
        float[] c0a = c0.contiguous().toArray();
        for (int r = 0; r < b; r++) {
            System.arraycopy(h0a, r * u, hPrev, (r * t + first) * u, u);
            System.arraycopy(c0a, r * u, cPrev, (r * t + first) * u, u);
        }
        GemmKernel gemm = Kernels.gemm();
        PackedB packedU = gemm.pack(NO, u, g, w.data, w.offset, g);                 // packed once for all T steps
        RnnKernel k = Kernels.rnn();
        for (int s = 0; s < t; s++) {
            int step = s;
            int time = reverse ? t - 1 - s : s;
            int next = reverse ? time - 1 : time + 1;
            boolean last = s == t - 1;
            BatchRows.split(b, (long) b * g * u, (r0, r1) -> {
                if (bv != null) {
                    for (int r = r0; r < r1; r++) {
                        System.arraycopy(bv, 0, z, r * g, g);
                    }
                }
                gemm.sgemm(NO, r1 - r0, 1f, hPrev, (r0 * t + time) * u, t * u, packedU, bv == null ? 0f : 1f, z,
                        r0 * g, g);
                for (int r = r0; r < r1; r++) {
                    int row = r * t + time;
                    int outRow = (r * (t + 1) + step) * u;
                    // h and c go to the next step's entering slot; after the last step into the output
                    float[] hDst = last ? out : hPrev;
                    int hOff = last ? outRow : (r * t + next) * u;
                    float[] cDst = last ? out : cPrev;
                    int cOff = last ? (r * (t + 1) + t) * u : (r * t + next) * u;
                    if (keep == null || keep[row]) {
                        k.lstmForward(acts, row * g, z, r * g, cPrev, row * u, cDst, cOff, hDst, hOff, u);
                        System.arraycopy(z, r * g, acts, row * g, g);
                    } else {
                        System.arraycopy(hPrev, row * u, hDst, hOff, u);
                        System.arraycopy(cPrev, row * u, cDst, cOff, u);
                    }
                    if (!last) {
                        System.arraycopy(hDst, hOff, out, outRow, u);
                    }
                }
            });
        }
        Saved saved = new Saved(b, t, u, xc, kernel, w, acts, hPrev, cPrev, out, keep, reverse, pool);
        return new Forward(Tensor.wrap(out, Shape.of(b, t + 1, u)), saved);
    }

    /** g (B, T + 1, u): the gradient of {@link Forward#output}. Recycles the saved buffers. */
    public static Grads backward(Saved sv, Tensor g, boolean withBias) {
        sv.claim();
        int b = sv.batch;
        int t = sv.steps;
        int u = sv.units;
        int gw = 4 * u;
        Tensor gc = g.contiguous();
        Tensor w = sv.recurrentKernel;
        // (B, T, 4u): written over the activations, each row once backward has read it (the kernel works in place)
        float[] dz = sv.acts;
        float[] dh = new float[b * u];                                              // reaching h at this step
        float[] dhNext = new float[b * u];                                          // reaching h' from the step after
        float[] dc = new float[b * u];
        for (int r = 0; r < b; r++) {
            System.arraycopy(gc.data, gc.offset + (r * (t + 1) + t) * u, dc, r * u, u);
        }
        boolean[] keep = sv.keep;
        GemmKernel gemm = Kernels.gemm();
        PackedB packedUt = gemm.pack(YES, gw, u, w.data, w.offset, gw);             // Uᵀ (4u, u)
        RnnKernel k = Kernels.rnn();
        for (int s = t - 1; s >= 0; s--) {
            int step = s;
            int time = sv.reverse ? t - 1 - s : s;
            int next = sv.reverse ? time - 1 : time + 1;
            boolean last = s == t - 1;
            BatchRows.split(b, (long) b * gw * u, (r0, r1) -> {
                float[] scratch = new float[u];
                for (int r = r0; r < r1; r++) {
                    Kernels.math().axpy(1f, gc.data, gc.offset + (r * (t + 1) + step) * u, dhNext, r * u, u);
                }
                System.arraycopy(dhNext, r0 * u, dh, r0 * u, (r1 - r0) * u);
                for (int r = r0; r < r1; r++) {
                    int row = r * t + time;
                    if (keep == null || keep[row]) {
                        float[] c = last ? sv.output : sv.cPrev;
                        int cOff = last ? (r * (t + 1) + t) * u : (r * t + next) * u;
                        k.lstmBackward(sv.acts, row * gw, sv.cPrev, row * u, c, cOff, dh, r * u, dc, r * u, dz,
                                row * gw, scratch, u);
                    } else {
                        Arrays.fill(dz, row * gw, (row + 1) * gw, 0f);
                    }
                }
                gemm.sgemm(NO, r1 - r0, 1f, dz, (r0 * t + time) * gw, t * gw, packedUt, 0f, dhNext, r0 * u, u);
                for (int r = r0; r < r1; r++) {
                    if (keep != null && !keep[r * t + time]) {
                        // dz was 0, so the GEMM left 0: the whole gradient reaching h goes on to h'
                        System.arraycopy(dh, r * u, dhNext, r * u, u);
                    }
                }
            });
        }
        int rows = b * t;
        Tensor dU = InputProjection.weightGrad(sv.hPrev, 0, u, dz, rows, gw);
        Tensor dW = InputProjection.weightGrad(sv.x.data, sv.x.offset, sv.x.dim(2), dz, rows, gw);
        Tensor db = withBias ? InputProjection.biasGrad(dz, rows, gw) : null;
        Tensor dx = InputProjection.inputGrad(dz, sv.x, sv.kernel);
        sv.release();                                                              // acts (now dz), h', c'
        return new Grads(dx, dW, dU, db, Tensor.wrap(dhNext, Shape.of(b, u)), Tensor.wrap(dc, Shape.of(b, u)));
    }

    /**
     * What backward reads: x, the weights, the (B, T, 4u) activations, h and c entering each time step, and the
     * output (its last rows hold the final h and c). The pooled buffers are handed back by backward or
     * {@link #release}.
     */
    public static final class Saved {
        final int batch;
        final int steps;
        final int units;
        final Tensor x;
        final Tensor kernel;
        final Tensor recurrentKernel;
        final float[] acts;
        final float[] hPrev;
        final float[] cPrev;
        final float[] output;
        final boolean[] keep;
        final boolean reverse;
        final BufferPool pool;
        private final SavedBuffers buffers;

        Saved(int batch, int steps, int units, Tensor x, Tensor kernel, Tensor recurrentKernel, float[] acts,
              float[] hPrev, float[] cPrev, float[] output, boolean[] keep, boolean reverse, BufferPool pool) {
            this.batch = batch;
            this.steps = steps;
            this.units = units;
            this.x = x;
            this.kernel = kernel;
            this.recurrentKernel = recurrentKernel;
            this.acts = acts;
            this.hPrev = hPrev;
            this.cPrev = cPrev;
            this.output = output;
            this.keep = keep;
            this.reverse = reverse;
            this.pool = pool;
            this.buffers = new SavedBuffers("lstm_sequence", pool, acts, hPrev, cPrev);
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
