package org.seq4j.tensor;

import org.seq4j.tensor.kernel.BinaryOp;
import org.seq4j.tensor.kernel.Kernels;
import org.seq4j.tensor.kernel.Transpose;
import org.seq4j.tensor.kernel.UnaryOp;

/**
 * A dense layer's y = act(x·W + b) over the last axis as one product: the bias rows are written into the output
 * first and the GEMM accumulates onto them (beta = 1), and ReLU runs in place, so the layer makes one (…, N) array
 * instead of three (the product, the sum, the activation). Backward:
 *
 * <pre>
 *   gz = g ⊙ [y &gt; 0] (ReLU) or g      dx = gz·Wᵀ      dW = xᵀ·gz (batch and time folded into K)      db = Σ_rows gz
 * </pre>
 */
public final class Affine {
    private Affine() {}

    /** dx, dW, db; each null when not asked for. */
    public record Grads(Tensor x, Tensor w, Tensor bias) {}

    /** x (…, K), w (K, N), bias (N) or null → (…, N), ReLU applied when {@code relu}. */
    public static Tensor forward(Tensor x, Tensor w, Tensor bias, boolean relu) {
        if (x.rank() < 2 || w.rank() != 2 || x.dim(-1) != w.dim(0)) {
            throw new IllegalArgumentException("affine: x (…, K) and w (K, N) do not fit: " + x.shape + ", "
                    + w.shape);
        }
        Tensor xc = x.contiguous();
        Tensor wc = w.contiguous();
        int k = w.dim(0);
        int n = w.dim(1);
        int rows = x.size() / Math.max(k, 1);
        float[] y = new float[rows * n];                                            // (…, N)
        if (bias != null) {
            Tensor b = bias.contiguous();
            for (int r = 0; r < rows; r++) {
                System.arraycopy(b.data, b.offset, y, r * n, n);
            }
        }
        Kernels.gemm().sgemm(Transpose.NO, Transpose.NO, rows, n, k, 1f, xc.data, xc.offset, Math.max(k, 1),
                wc.data, wc.offset, Math.max(n, 1), bias == null ? 0f : 1f, y, 0, Math.max(n, 1));
        if (relu) {
            Kernels.math().unary(UnaryOp.RELU, y, 0, y, 0, y.length);
        }
        int[] dims = x.shape.dims();
        dims[dims.length - 1] = n;
        return wrap(y, new Shape(dims));
    }

    /**
     * g: the gradient of {@code y}, the forward's output. With ReLU, gz is scratch taken from {@code pool} (null:
     * allocated) and handed back before returning: nothing returned shares it.
     */
    public static Grads backward(Tensor x, Tensor w, Tensor y, boolean relu, boolean withBias, Tensor g,
                                 boolean needX, boolean needW, BufferPool pool) {
        Tensor gz = g.contiguous();
        float[] masked = null;
        if (relu) {
            Tensor yc = y.contiguous();
            masked = pool == null ? new float[yc.size()] : pool.take(yc.size());
            Kernels.math().binaryScalar(BinaryOp.GT, yc.data, yc.offset, 0f, masked, 0, yc.size());
            Kernels.math().binary(BinaryOp.MUL, gz.data, gz.offset, masked, 0, masked, 0, yc.size());
            gz = wrap(masked, g.shape);
        }
        int k = w.dim(0);
        int n = w.dim(1);
        Tensor dx = needX ? gz.matmul(w.mT()) : null;                               // (…, K)
        Tensor dw = needW ? weightGrad(x.contiguous().reshape(-1, k), gz.reshape(-1, n)) : null;   // (K, N)
        Tensor db = withBias ? gz.sumTo(Shape.of(n)) : null;                        // (N)
        if (masked != null && pool != null) {
            pool.recycle(masked);
        }
        return new Grads(dx, dw, db);
    }

    /**
     * dW = xᵀ·gz (K, N) over all B·T rows. GEMM reads the transposed left operand in place, one row of storage per
     * step of the long B·T sum; with the wider operand on the left (K > N, e.g. FFN's 1024 → 256) that ran at ~75 %
     * of the narrow-left form, so then it computes (gzᵀ·x)ᵀ and copies the small (K, N) result.
     */
    static Tensor weightGrad(Tensor x2, Tensor g2) {
        return x2.dim(1) > g2.dim(1) ? g2.mT().matmul(x2).mT().contiguous() : x2.mT().matmul(g2);
    }

    private static Tensor wrap(float[] data, Shape shape) {
        return Tensor.wrap(data, shape);
    }
}
