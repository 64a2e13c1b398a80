package org.seq4j.tensor;

import org.seq4j.tensor.kernel.Kernels;
import org.seq4j.tensor.kernel.Transpose;

/**
 * Self-attention from its input: the Q, K, V projection (one GEMM, x·[Wq | Wk | Wv] + b) and {@link AttentionHeads}
 * as one product, so that the (B, T, 3·H·d) projection and its gradient, which nothing else reads, live in pooled
 * buffers reused from step to step (W4: 12 MB each per layer) instead of being allocated every step:
 *
 * <pre>
 *   P  = x·W + b          (B, T, W), private           O = attention(P)                (B, T, H·dv)
 *   dP = attention'(dO)   (B, T, W), private           dx = dP·Wᵀ      dW = xᵀ·dP      db = Σ_rows dP
 * </pre>
 */
public final class SelfAttention {
    private SelfAttention() {}

    /** What backward reads; the projection goes back to the pool after backward (or {@link #release}). */
    public static final class Saved {
        private final Tensor x;
        private final Tensor w;
        private final AttentionHeads.Saved heads;
        private final BufferPool pool;
        private final SavedBuffers projection;

        private Saved(Tensor x, Tensor w, AttentionHeads.Saved heads, BufferPool pool, float[] projection) {
            this.x = x;
            this.w = w;
            this.heads = heads;
            this.pool = pool;
            this.projection = new SavedBuffers("self-attention", pool, projection);
        }

        /** Hands the buffers back (a forward without backward); later backward calls throw. */
        public void release() {
            heads.release();
            projection.release();
        }
    }

    public record Forward(Tensor output, Saved saved) {}

    /** db is null when the forward had no bias. */
    public record Grads(Tensor x, Tensor w, Tensor b) {}

    /**
     * x (B, T, d), w (d, W) with W = 2·H·keyDim + H·dv, b (W) or null; {@code bias} an additive score mask
     * broadcasting to (B, 1, T, T) or null → (B, T, H·dv).
     */
    public static Forward forward(Tensor x, Tensor w, Tensor b, int heads, int keyDim, float scale, Tensor bias,
                                  BufferPool pool) {
        Tensor xc = x.contiguous();
        Tensor wc = w.contiguous();
        int d = w.dim(0);
        int width = w.dim(1);
        if (x.rank() != 3 || x.dim(2) != d || (b != null && b.size() != width)) {
            throw new IllegalArgumentException("self-attention: x " + x.shape + " and W " + w.shape
                    + (b == null ? "" : ", b " + b.shape) + " do not fit");
        }
        int rows = x.dim(0) * x.dim(1);
        float[] p = pool.take(rows * width);                                    // (B, T, W)
        if (b != null) {
            Tensor bc = b.contiguous();
            for (int r = 0; r < rows; r++) {
                System.arraycopy(bc.data, bc.offset, p, r * width, width);
            }
        }
        Kernels.gemm().sgemm(Transpose.NO, Transpose.NO, rows, width, d, 1f, xc.data, xc.offset, d,
                wc.data, wc.offset, width, b == null ? 0f : 1f, p, 0, width);
        AttentionHeads.Forward f = AttentionHeads.forwardPacked(Tensor.wrap(p, Shape.of(x.dim(0), x.dim(1), width)),
                heads, keyDim, scale, bias, pool);
        return new Forward(f.output(), new Saved(xc, wc, f.saved(), pool, p));
    }

    /** g (B, T, H·dv): the gradient of {@link Forward#output}. */
    public static Grads backward(Saved sv, Tensor g, boolean withBias) {
        Tensor dp = AttentionHeads.backward(sv.heads, g, sv.pool).packed();      // (B, T, W), pooled
        int d = sv.w.dim(0);
        int width = sv.w.dim(1);
        Tensor dp2 = dp.reshape(-1, width);
        Tensor dx = dp.matmul(sv.w.mT());                                       // (B, T, d)
        Tensor dw = sv.x.reshape(-1, d).mT().matmul(dp2);                       // (d, W)
        Tensor db = withBias ? dp2.sumTo(Shape.of(width)) : null;
        sv.pool.recycle(dp.data);
        sv.projection.release();
        return new Grads(dx, dw, db);
    }
}
