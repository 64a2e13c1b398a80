package org.seq4j.tensor;

import org.seq4j.tensor.kernel.BinaryOp;
import org.seq4j.tensor.kernel.GemmKernel;
import org.seq4j.tensor.kernel.Kernels;
import org.seq4j.tensor.kernel.MathKernel;
import org.seq4j.tensor.kernel.Transpose;
import org.seq4j.tensor.kernel.UnaryOp;

/**
 * NumPy matmul semantics on top of the GEMM kernel: (..., M, K) · (..., K, N) → (..., M, N), batch dimensions
 * broadcast, a 1-D left operand is a row vector and a 1-D right operand a column vector (their unit dimension is
 * dropped from the result). A transposed view (strides swapped in the last two dimensions) is handed to GEMM as
 * {@link Transpose#YES}, so {@code a.matmul(b.mT())} never copies {@code b}.
 */
final class MatMul {
    private MatMul() {}

    /** How one operand's matrices sit in storage: transposed or not, and the leading dimension. */
    private record Operand(Tensor t, Transpose trans, int ld) {}

    static Tensor matmul(Tensor a, Tensor b) {
        if (a.rank() == 0 || b.rank() == 0) {
            throw new IllegalArgumentException("matmul: scalar operand, shapes " + a.shape + " and " + b.shape);
        }
        boolean vecA = a.rank() == 1;
        boolean vecB = b.rank() == 1;
        Tensor a2 = vecA ? a.unsqueeze(0) : a;   // (1, K)
        Tensor b2 = vecB ? b.unsqueeze(1) : b;   // (K, 1)
        int m = a2.dim(-2);
        int k = a2.dim(-1);
        int n = b2.dim(-1);
        if (b2.dim(-2) != k) {
            throw new IllegalArgumentException("matmul: inner dimensions differ, shapes " + a.shape + " and " + b.shape);
        }
        Shape batchA = Shape.of(java.util.Arrays.copyOf(a2.shape.dims(), a2.rank() - 2));
        Shape batchB = Shape.of(java.util.Arrays.copyOf(b2.shape.dims(), b2.rank() - 2));
        Shape batch;
        try {
            batch = Shape.broadcast("matmul", batchA, batchB);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("matmul: batch dimensions of shapes " + a.shape + " and " + b.shape
                    + " cannot be broadcast", e);
        }
        Tensor out = b2.rank() == 2 && foldable(a2)
                ? folded(a2, b2, m, k, n)
                : batched(a2, b2, batch, m, k, n);
        // drop the unit dimensions that stood in for vectors
        if (vecA && vecB) {
            return out.reshape(batch.dims());
        } else if (vecA) {
            return out.squeeze(-2);
        } else if (vecB) {
            return out.squeeze(-1);
        }
        return out;
    }

    /** A contiguous (..., M, K) operand is one (B·M, K) matrix, so the product is a single GEMM. */
    private static boolean foldable(Tensor a) {
        return a.rank() > 2 && a.isContiguous();
    }

    /** (..., M, K) · (K, N): the batch folds into the rows of one GEMM (a Dense layer over a sequence). */
    private static Tensor folded(Tensor a, Tensor b, int m, int k, int n) {
        int rows = 1;
        for (int i = 0; i < a.rank() - 1; i++) {
            rows *= a.dim(i);
        }
        Operand pb = operand(b);
        float[] c = new float[rows * n];
        gemm().sgemm(Transpose.NO, pb.trans(), rows, n, k, 1f, a.data, a.offset, Math.max(k, 1),
                pb.t().data, pb.t().offset, pb.ld(), 0f, c, 0, n);
        int[] dims = a.shape.dims();
        dims[dims.length - 1] = n;
        return Tensor.wrap(c, new Shape(dims));
    }

    private static Tensor batched(Tensor a, Tensor b, Shape batch, int m, int k, int n) {
        int[] outDims = java.util.Arrays.copyOf(batch.dims(), batch.rank() + 2);
        outDims[batch.rank()] = m;
        outDims[batch.rank() + 1] = n;
        Shape outShape = new Shape(outDims);
        float[] c = new float[outShape.size()];
        int count = batch.size();
        if (c.length == 0) {
            return Tensor.wrap(c, outShape);
        }
        Operand pa = operand(a);
        Operand pb = operand(b);
        int[] offA = batchOffsets(pa.t(), batch);
        int[] offB = batchOffsets(pb.t(), batch);
        int strideA = uniformStride(offA);
        int strideB = uniformStride(offB);
        GemmKernel g = gemm();
        if (strideA != Integer.MIN_VALUE && strideB != Integer.MIN_VALUE) {
            g.sgemmBatched(pa.trans(), pb.trans(), m, n, k, 1f, pa.t().data, offA[0], pa.ld(), strideA,
                    pb.t().data, offB[0], pb.ld(), strideB, 0f, c, 0, n, m * n, count);
        } else {
            for (int i = 0; i < count; i++) {
                g.sgemm(pa.trans(), pb.trans(), m, n, k, 1f, pa.t().data, offA[i], pa.ld(),
                        pb.t().data, offB[i], pb.ld(), 0f, c, i * m * n, n);
            }
        }
        return Tensor.wrap(c, outShape);
    }

    /** Reads the last two dimensions as a row-major or a transposed matrix, copying only when neither fits. */
    private static Operand operand(Tensor t) {
        int r = t.rank();
        int rows = t.dim(-2);
        int cols = t.dim(-1);
        int sr = t.strides[r - 2];
        int sc = t.strides[r - 1];
        if ((sc == 1 || cols == 1) && (rows == 1 || sr >= Math.max(cols, 1))) {
            return new Operand(t, Transpose.NO, rows == 1 ? Math.max(cols, 1) : sr);
        }
        if ((sr == 1 || rows == 1) && (cols == 1 || sc >= Math.max(rows, 1))) {
            return new Operand(t, Transpose.YES, cols == 1 ? Math.max(rows, 1) : sc);
        }
        Tensor c = t.contiguous();
        return new Operand(c, Transpose.NO, Math.max(cols, 1));
    }

    /** Storage offset of each broadcast batch element's matrix. */
    private static int[] batchOffsets(Tensor t, Shape batch) {
        int br = batch.rank();
        int lead = br - (t.rank() - 2);
        int[] offs = new int[Math.max(batch.size(), 1)];
        int[] idx = new int[br];
        for (int i = 0; i < offs.length; i++) {
            int o = t.offset;
            for (int d = 0; d < br; d++) {
                int td = d - lead;
                if (td >= 0 && t.dim(td) != 1) {
                    o += idx[d] * t.strides[td];
                }
            }
            offs[i] = o;
            for (int d = br - 1; d >= 0; d--) {
                if (++idx[d] < batch.dim(d)) {
                    break;
                }
                idx[d] = 0;
            }
        }
        return offs;
    }

    /** The common difference of the offsets, or MIN_VALUE when they are not evenly spaced. */
    private static int uniformStride(int[] offs) {
        if (offs.length < 2) {
            return 0;
        }
        int s = offs[1] - offs[0];
        for (int i = 2; i < offs.length; i++) {
            if (offs[i] - offs[i - 1] != s) {
                return Integer.MIN_VALUE;
            }
        }
        return s;
    }

    private static GemmKernel gemm() {
        return Kernels.gemm();
    }
}
