package org.seq4j.tensor;

import static org.seq4j.tensor.kernel.Transpose.NO;
import static org.seq4j.tensor.kernel.Transpose.YES;

import org.seq4j.tensor.kernel.Kernels;

/**
 * The input side of a fused recurrent sequence: x·W for all time steps as ONE (B·T, F)·(F, k·u) GEMM before the
 * recurrence, and after backward the gradients dx = dz·Wᵀ and dW = xᵀ·dz as one GEMM each, with the bias gradient
 * Σ dz. Everything is batch-major (B, T, ·) with rows indexed by time, so x is read in place (no time-major copy)
 * and dz's rows line up with x's.
 */
final class InputProjection {
    private InputProjection() {}

    /** x (B, T, F) read as (B·T, F), contiguous; the caller keeps it for backward. */
    static Tensor rows(Tensor x) {
        if (x.rank() != 3) {
            throw new IllegalArgumentException("recurrent sequence: x must be (B, T, F), got " + x.shape);
        }
        return x.contiguous();
    }

    /** xw (B·T, width) = x·W, plus bias (width) when given, in a pooled buffer. */
    static float[] forward(Tensor x, Tensor w, Tensor bias, BufferPool pool) {
        int rows = x.dim(0) * x.dim(1);
        int f = x.dim(2);
        int width = w.dim(1);
        Tensor wc = w.contiguous();
        float[] xw = pool.take(rows * width);                                      // (B·T, width)
        float beta = 0f;
        if (bias != null) {
            float[] bv = bias.contiguous().toArray();
            for (int r = 0; r < rows; r++) {
                System.arraycopy(bv, 0, xw, r * width, width);
            }
            beta = 1f;
        }
        Kernels.gemm().sgemm(NO, NO, rows, width, f, 1f, x.data, x.offset, f, wc.data, wc.offset, width, beta, xw, 0,
                width);
        return xw;
    }

    /** dx = dz·Wᵀ as a new (B, T, F) tensor. */
    static Tensor inputGrad(float[] dz, Tensor x, Tensor w) {
        int rows = x.dim(0) * x.dim(1);
        int f = x.dim(2);
        int width = w.dim(1);
        Tensor wc = w.contiguous();
        float[] dx = new float[rows * f];                                          // (B, T, F)
        Kernels.gemm().sgemm(NO, YES, rows, f, width, 1f, dz, 0, width, wc.data, wc.offset, width, 0f, dx, 0, f);
        return Tensor.wrap(dx, x.shape);
    }

    /** aᵀ·dz over all B·T rows: dW = xᵀ·dz (a = x), dU = h_prevᵀ·dz (a = the saved previous states). */
    static Tensor weightGrad(float[] a, int aOff, int in, float[] dz, int rows, int width) {
        float[] dw = new float[in * width];                                       // (in, width)
        Kernels.gemm().sgemm(YES, NO, in, width, rows, 1f, a, aOff, in, dz, 0, width, 0f, dw, 0, width);
        return Tensor.wrap(dw, Shape.of(in, width));
    }

    /** Σ over the rows of dz (rows, width). */
    static Tensor biasGrad(float[] dz, int rows, int width) {
        float[] sum = new float[width];
        for (int r = 0; r < rows; r++) {
            Kernels.math().axpy(1f, dz, r * width, sum, 0, width);
        }
        return Tensor.wrap(sum, Shape.of(width));
    }

    /**
     * keep[b·T + time] = mask[b, time] != 0, or null without a mask: rows of (B, T, ·) buffers a step may update.
     */
    static boolean[] keep(Tensor mask, int b, int t) {
        if (mask == null) {
            return null;
        }
        float[] m = mask.contiguous().toArray();                                   // (B, T)
        boolean[] keep = new boolean[b * t];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = m[i] != 0f;
        }
        return keep;
    }
}
