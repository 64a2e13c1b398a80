package org.seq4j.tensor;

import static org.seq4j.tensor.kernel.Transpose.NO;
import static org.seq4j.tensor.kernel.Transpose.YES;

import org.seq4j.tensor.kernel.BinaryOp;
import org.seq4j.tensor.kernel.GemmKernel;
import org.seq4j.tensor.kernel.Kernels;
import org.seq4j.tensor.kernel.UnaryOp;

/**
 * A Transformer's position-wise feed-forward network as one product pair, the hidden activation private:
 *
 * <pre>
 *   H = relu(x·W1 + b1)     (…, F), kept for backward in a pooled buffer
 *   y = H·W2 + b2           (…, D)
 *   dH = (g·W2ᵀ) ⊙ [H &gt; 0]      dW2 = Hᵀ·g      db2 = Σ g      dW1 = xᵀ·dH      db1 = Σ dH      dx = dH·W1ᵀ
 * </pre>
 *
 * H and dH (W4: 16 MB each per layer) never leave this class, so they come from the caller's {@link BufferPool} and
 * go back after backward instead of being allocated every step; a second backward through the same forward fails.
 * The biases are written into the outputs first and each GEMM accumulates onto them, as {@link Affine} does.
 */
public final class FeedForwards {
    private FeedForwards() {}

    /** What backward reads; the hidden buffer is null once backward (or {@link #release}) has given it back. */
    public static final class Saved {
        private final Tensor x;
        private final Tensor w1;
        private final Tensor w2;
        private final int rows;
        private final BufferPool pool;
        private final float[] hidden;
        private final SavedBuffers buffers;

        private Saved(Tensor x, Tensor w1, Tensor w2, int rows, BufferPool pool, float[] hidden) {
            this.x = x;
            this.w1 = w1;
            this.w2 = w2;
            this.rows = rows;
            this.pool = pool;
            this.hidden = hidden;
            this.buffers = new SavedBuffers("feed-forward", pool, hidden);
        }

        /** Hands the hidden activation back (after backward, or a forward without one); later backward calls throw. */
        public void release() {
            buffers.release();
        }

        private float[] claim() {
            buffers.claim();
            return hidden;
        }
    }

    public record Forward(Tensor output, Saved saved) {}

    public record Grads(Tensor x, Tensor w1, Tensor b1, Tensor w2, Tensor b2) {}

    /** x (…, D), w1 (D, F), b1 (F), w2 (F, D'), b2 (D') → (…, D'). */
    public static Forward forward(Tensor x, Tensor w1, Tensor b1, Tensor w2, Tensor b2, BufferPool pool) {
        Tensor xc = x.contiguous();
        Tensor w1c = w1.contiguous();
        Tensor w2c = w2.contiguous();
        int d = w1.dim(0);
        int f = w1.dim(1);
        int out = w2.dim(1);
        if (x.dim(-1) != d || w2.dim(0) != f || b1.size() != f || b2.size() != out) {
            throw new IllegalArgumentException("feed-forward: shapes do not fit: x " + x.shape + ", w1 " + w1.shape
                    + ", b1 " + b1.shape + ", w2 " + w2.shape + ", b2 " + b2.shape);
        }
        int rows = x.size() / Math.max(d, 1);
        GemmKernel gemm = Kernels.gemm();
        float[] h = pool.take(rows * f);                                            // (…, F)
        fillRows(h, b1, rows, f);
        gemm.sgemm(NO, NO, rows, f, d, 1f, xc.data, xc.offset, d, w1c.data, w1c.offset, f, 1f, h, 0, f);
        Kernels.math().unary(UnaryOp.RELU, h, 0, h, 0, rows * f);
        float[] y = new float[rows * out];                                          // (…, D')
        fillRows(y, b2, rows, out);
        gemm.sgemm(NO, NO, rows, out, f, 1f, h, 0, f, w2c.data, w2c.offset, out, 1f, y, 0, out);
        int[] dims = x.shape.dims();
        dims[dims.length - 1] = out;
        return new Forward(Tensor.wrap(y, new Shape(dims)), new Saved(xc, w1c, w2c, rows, pool, h));
    }

    /** g (…, D'): the gradient of {@link Forward#output}. */
    public static Grads backward(Saved sv, Tensor g) {
        float[] h = sv.claim();
        int rows = sv.rows;
        int d = sv.w1.dim(0);
        int f = sv.w1.dim(1);
        int out = sv.w2.dim(1);
        Tensor g2 = g.contiguous().reshape(rows, out);
        Tensor hidden = Tensor.wrap(h, Shape.of(rows, f));
        Tensor dw2 = Affine.weightGrad(hidden, g2);                                 // (F, D')
        Tensor db2 = g2.sumTo(Shape.of(out));
        float[] dh = sv.pool.take(rows * f);                                        // (…, F)
        Kernels.gemm().sgemm(NO, YES, rows, f, out, 1f, g2.data, g2.offset, out, sv.w2.data, sv.w2.offset, out,
                0f, dh, 0, f);
        Kernels.math().binaryScalar(BinaryOp.GT, h, 0, 0f, h, 0, rows * f);         // H becomes the ReLU mask
        Kernels.math().binary(BinaryOp.MUL, dh, 0, h, 0, dh, 0, rows * f);
        Tensor dhid = Tensor.wrap(dh, Shape.of(rows, f));
        Tensor x2 = sv.x.reshape(rows, d);
        Tensor dw1 = Affine.weightGrad(x2, dhid);                                   // (D, F)
        Tensor db1 = dhid.sumTo(Shape.of(f));
        Tensor dx = dhid.matmul(sv.w1.mT()).reshape(sv.x.shape.dims());             // (…, D)
        sv.pool.recycle(dh);
        sv.release();                                                              // H
        return new Grads(dx, dw1, db1, dw2, db2);
    }

    private static void fillRows(float[] dst, Tensor bias, int rows, int width) {
        Tensor b = bias.contiguous();
        for (int r = 0; r < rows; r++) {
            System.arraycopy(b.data, b.offset, dst, r * width, width);
        }
    }
}
