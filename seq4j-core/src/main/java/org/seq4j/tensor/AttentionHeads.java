package org.seq4j.tensor;

import static org.seq4j.tensor.kernel.Transpose.NO;
import static org.seq4j.tensor.kernel.Transpose.YES;

import org.seq4j.tensor.kernel.GemmKernel;
import org.seq4j.tensor.kernel.Kernels;
import org.seq4j.tensor.kernel.KernelThreads;
import org.seq4j.tensor.kernel.MathKernel;

/**
 * Scaled dot-product attention over H heads, read and written in the projections' own (B, T, H·d) layout: head h
 * of batch item b is the column block [h·d, (h+1)·d) of rows b·T .. b·T+T−1, which GEMM reads in place through its
 * leading dimension, so the heads are never split off by a permute and a copy, nor merged back. Per (b, h):
 *
 * <pre>
 *   A   = softmax(s·Q·Kᵀ + bias)          (Tq, Tk), kept for backward
 *   O   = A·V                             written into (B, Tq, H·dv)
 *   dV  = Aᵀ·dO      dA = dO·Vᵀ      dS = A ⊙ (dA − rowsum(dA ⊙ A))      dQ = s·dS·K      dK = s·dSᵀ·Q
 * </pre>
 *
 * {@code bias} is an additive mask (0 or −1e9, broadcast over heads), null for none. The (b, h) pairs are split
 * over {@link KernelThreads}; each GEMM inside runs on its task's thread. A (B·H·Tq·Tk floats) comes from the
 * caller's {@link BufferPool} and goes back to it after backward (dS overwrites it there), so a second backward
 * through the same forward fails instead of reading garbage.
 */
public final class AttentionHeads {
    private AttentionHeads() {}

    /** Sizes: batch, heads, query and key lengths, key (query) depth and value depth per head. */
    public record Dims(int batch, int heads, int tq, int tk, int keyDim, int valueDim) {}

    /** What backward reads. {@code weights} is null once backward (or {@link #release}) has given it back. */
    public static final class Saved {
        private final Dims dims;
        private final Tensor q;
        private final Tensor k;
        private final Tensor v;
        private final float scale;
        private final int packedWidth;
        private final float[] weights;
        private final SavedBuffers buffers;

        private Saved(Dims dims, Tensor q, Tensor k, Tensor v, float scale, int packedWidth, BufferPool pool,
                      float[] weights) {
            this.dims = dims;
            this.q = q;
            this.k = k;
            this.v = v;
            this.scale = scale;
            this.packedWidth = packedWidth;
            this.weights = weights;
            this.buffers = new SavedBuffers("attention", pool, weights);
        }

        /** Hands A back to the pool (after backward, or a forward without backward); later backward calls throw. */
        public void release() {
            buffers.release();
        }

        private float[] claim() {
            buffers.claim();
            return weights;
        }
    }

    /** output (B, Tq, H·dv). */
    public record Forward(Tensor output, Saved saved) {}

    /** The three gradients, or (after {@link #forwardPacked}) null and one packed (B, T, W) gradient. */
    public record Grads(Tensor q, Tensor k, Tensor v, Tensor packed) {}

    /**
     * q (B, Tq, H·dk), k (B, Tk, H·dk), v (B, Tk, H·dv): any row strides (narrowed views of a wider projection
     * are read in place); bias broadcasting to (B, 1, Tq, Tk) or null.
     */
    public static Forward forward(Tensor q, Tensor k, Tensor v, int heads, float scale, Tensor bias,
                                  BufferPool pool) {
        return forward(q, k, v, heads, scale, bias, pool, 0);
    }

    /**
     * Self-attention on one (B, T, W) projection holding Q, K and V side by side (W = 2·H·dk + H·dv, one GEMM for
     * all three): backward then writes the three gradients side by side into one (B, T, W) array.
     */
    public static Forward forwardPacked(Tensor qkv, int heads, int keyDim, float scale, Tensor bias,
                                        BufferPool pool) {
        int hk = heads * keyDim;
        int hv = qkv.dim(2) - 2 * hk;
        return forward(qkv.narrow(2, 0, hk), qkv.narrow(2, hk, hk), qkv.narrow(2, 2 * hk, hv), heads, scale, bias,
                pool, qkv.dim(2));
    }

    private static Forward forward(Tensor q, Tensor k, Tensor v, int heads, float scale, Tensor bias,
                                   BufferPool pool, int packedWidth) {
        Tensor qr = rows(q);
        Tensor kr = rows(k);
        Tensor vr = rows(v);
        Dims d = new Dims(q.dim(0), heads, q.dim(1), k.dim(1), q.dim(2) / heads, v.dim(2) / heads);
        int tt = d.tq() * d.tk();
        float[] mask = bias == null ? null : bias.expand(d.batch(), 1, d.tq(), d.tk()).contiguous().toArray();
        float[] a = pool.take(d.batch() * heads * tt);                           // (B, H, Tq, Tk)
        int hv = heads * d.valueDim();
        float[] out = new float[d.batch() * d.tq() * hv];                        // (B, Tq, H·dv)
        GemmKernel gemm = Kernels.gemm();
        MathKernel math = Kernels.math();
        eachHead(d, (b, h) -> {
            int ao = (b * heads + h) * tt;
            gemm.sgemm(NO, YES, d.tq(), d.tk(), d.keyDim(), scale, qr.data, at(qr, b, h * d.keyDim()), ld(qr),
                    kr.data, at(kr, b, h * d.keyDim()), ld(kr), 0f, a, ao, d.tk());
            if (mask != null) {
                math.axpy(1f, mask, b * tt, a, ao, tt);
            }
            for (int i = 0; i < d.tq(); i++) {
                math.softmax(a, ao + i * d.tk(), a, ao + i * d.tk(), d.tk());
            }
            gemm.sgemm(NO, NO, d.tq(), d.valueDim(), d.tk(), 1f, a, ao, d.tk(),
                    vr.data, at(vr, b, h * d.valueDim()), ld(vr), 0f, out, b * d.tq() * hv + h * d.valueDim(), hv);
        });
        return new Forward(Tensor.wrap(out, Shape.of(d.batch(), d.tq(), hv)),
                new Saved(d, qr, kr, vr, scale, packedWidth, pool, a));
    }

    /** g (B, Tq, H·dv): the gradient of {@link Forward#output}; gradients come back (B, T, H·d) contiguous. */
    public static Grads backward(Saved sv, Tensor g) {
        return backward(sv, g, null);
    }

    /**
     * As {@link #backward(Saved, Tensor)}, the packed gradient's array taken from {@code packedPool} (when not null
     * and the forward was packed): for a caller that consumes it and hands it back itself.
     */
    public static Grads backward(Saved sv, Tensor g, BufferPool packedPool) {
        float[] a = sv.claim();
        Dims d = sv.dims;
        Tensor gr = rows(g);
        int heads = d.heads();
        int tt = d.tq() * d.tk();
        int hk = heads * d.keyDim();
        int hv = heads * d.valueDim();
        int w = sv.packedWidth;
        boolean packed = w > 0;
        int dqSize = d.batch() * d.tq() * (packed ? w : hk);
        // (B, Tq, H·dk), or (B, T, W) packed
        float[] dq = packed && packedPool != null ? packedPool.take(dqSize) : new float[dqSize];
        float[] dk = packed ? dq : new float[d.batch() * d.tk() * hk];           // (B, Tk, H·dk)
        float[] dv = packed ? dq : new float[d.batch() * d.tk() * hv];           // (B, Tk, H·dv)
        int ldq = packed ? w : hk;
        int ldk = packed ? w : hk;
        int ldv = packed ? w : hv;
        int kCol = packed ? hk : 0;
        int vCol = packed ? 2 * hk : 0;
        Tensor q = sv.q;
        Tensor k = sv.k;
        Tensor v = sv.v;
        float s = sv.scale;
        GemmKernel gemm = Kernels.gemm();
        MathKernel math = Kernels.math();
        ThreadLocal<float[]> scratch = ThreadLocal.withInitial(() -> new float[tt]);
        eachHead(d, (b, h) -> {
            float[] da = scratch.get();
            int ao = (b * heads + h) * tt;
            int go = at(gr, b, h * d.valueDim());
            gemm.sgemm(YES, NO, d.tk(), d.valueDim(), d.tq(), 1f, a, ao, d.tk(), gr.data, go, ld(gr), 0f,
                    dv, b * d.tk() * ldv + vCol + h * d.valueDim(), ldv);
            gemm.sgemm(NO, YES, d.tq(), d.tk(), d.valueDim(), 1f, gr.data, go, ld(gr),
                    v.data, at(v, b, h * d.valueDim()), ld(v), 0f, da, 0, d.tk());
            for (int i = 0; i < d.tq(); i++) {
                int row = ao + i * d.tk();
                float dot = math.dot(da, i * d.tk(), a, row, d.tk());
                for (int j = 0; j < d.tk(); j++) {
                    a[row + j] *= da[i * d.tk() + j] - dot;                     // dS, in place of A
                }
            }
            gemm.sgemm(NO, NO, d.tq(), d.keyDim(), d.tk(), s, a, ao, d.tk(), k.data, at(k, b, h * d.keyDim()), ld(k),
                    0f, dq, b * d.tq() * ldq + h * d.keyDim(), ldq);
            gemm.sgemm(YES, NO, d.tk(), d.keyDim(), d.tq(), s, a, ao, d.tk(), q.data, at(q, b, h * d.keyDim()), ld(q),
                    0f, dk, b * d.tk() * ldk + kCol + h * d.keyDim(), ldk);
        });
        sv.release();
        if (packed) {
            return new Grads(null, null, null, Tensor.wrap(dq, Shape.of(d.batch(), d.tq(), w)));
        }
        return new Grads(Tensor.wrap(dq, Shape.of(d.batch(), d.tq(), hk)),
                Tensor.wrap(dk, Shape.of(d.batch(), d.tk(), hk)), Tensor.wrap(dv, Shape.of(d.batch(), d.tk(), hv)),
                null);
    }

    @FunctionalInterface
    private interface Head {
        void run(int b, int h);
    }

    /** Every (b, h) once, in one contiguous run of pairs per thread. */
    private static void eachHead(Dims d, Head body) {
        int pairs = d.batch() * d.heads();
        long work = (long) pairs * d.tq() * d.tk() * (d.keyDim() + d.valueDim());
        int parts = work < 1L << 20 ? 1 : Math.min(KernelThreads.threads(), pairs);
        KernelThreads.run(parts, p -> {
            for (int i = pairs * p / parts; i < pairs * (p + 1) / parts; i++) {
                body.run(i / d.heads(), i % d.heads());
            }
        });
    }

    /** A (B, T, F) tensor whose rows GEMM can read in place: unit stride along F (copied otherwise). */
    private static Tensor rows(Tensor t) {
        if (t.rank() != 3) {
            throw new IllegalArgumentException("attention heads: expected (B, T, H·d), got " + t.shape());
        }
        return t.strides[2] == 1 || t.dim(2) == 1 ? t : t.contiguous();
    }

    /** Storage index of element (b, 0, col). */
    private static int at(Tensor t, int b, int col) {
        return t.offset + b * t.strides[0] + col;
    }

    /** The row stride (GEMM's leading dimension), at least the row's width when T = 1. */
    private static int ld(Tensor t) {
        return t.dim(1) == 1 ? Math.max(t.dim(2), 1) : t.strides[1];
    }
}
