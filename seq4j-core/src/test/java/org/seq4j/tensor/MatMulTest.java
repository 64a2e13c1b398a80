package org.seq4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.seq4j.tensor.Ref.assertMessage;
import static org.seq4j.tensor.Ref.assertValues;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** NumPy matmul semantics, against a double triple loop over the source arrays. */
class MatMulTest {

    /** An operand: the values it holds (row-major) and its shape, whatever view the tensor is. */
    private record Op(float[] v, int[] dims) {
        static Op of(long seed, int... dims) {
            return new Op(Ref.values(seed, Ref.size(dims)), dims);
        }

        Tensor tensor() {
            return Tensor.of(v, dims);
        }

        /** The same values behind a non-contiguous (fully transposed storage) view. */
        Tensor strided() {
            return Ref.strided(v, dims);
        }
    }

    /**
     * Checks {@code got} against numpy.matmul(a, b). A dot product's rounding error is bounded relative to
     * Σ|a·b|, not to the (possibly cancelling) result, so that is the scale of the 1e-6 tolerance.
     */
    private static void check(Op a, Op b, Tensor got) {
        int[] ad = a.dims.length == 1 ? new int[] {1, a.dims[0]} : a.dims;
        int[] bd = b.dims.length == 1 ? new int[] {b.dims[0], 1} : b.dims;
        int m = ad[ad.length - 2];
        int k = ad[ad.length - 1];
        int n = bd[bd.length - 1];
        int[] batchA = Arrays.copyOf(ad, ad.length - 2);
        int[] batchB = Arrays.copyOf(bd, bd.length - 2);
        int br = Math.max(batchA.length, batchB.length);
        int[] batch = new int[br];
        for (int i = 0; i < br; i++) {
            int x = i - (br - batchA.length) >= 0 ? batchA[i - (br - batchA.length)] : 1;
            int y = i - (br - batchB.length) >= 0 ? batchB[i - (br - batchB.length)] : 1;
            batch[i] = x == 1 ? y : x;
        }
        int[] outDims = Arrays.copyOf(batch, br + 2);
        outDims[br] = m;
        outDims[br + 1] = n;
        double[] e = new double[Ref.size(outDims)];
        double[] scale = new double[e.length];
        for (int[] o : Ref.indices(outDims)) {
            int f = Ref.flat(outDims, o);
            for (int p = 0; p < k; p++) {
                int[] ia = Arrays.copyOfRange(o, br - batchA.length, br + 2);
                int[] ib = Arrays.copyOfRange(o, br - batchB.length, br + 2);
                ia[ia.length - 1] = p;
                ib[ib.length - 2] = p;
                ib[ib.length - 1] = o[br + 1];
                double prod = (double) Ref.bcast(a.v, ad, ia) * Ref.bcast(b.v, bd, ib);
                e[f] += prod;
                scale[f] += Math.abs(prod);
            }
        }
        int[] want = outDims;
        if (a.dims.length == 1 && b.dims.length == 1) {
            want = batch;
        } else if (a.dims.length == 1) {
            want = drop(outDims, br);
        } else if (b.dims.length == 1) {
            want = drop(outDims, br + 1);
        }
        assertArrayEquals(want, got.shape().dims(), "shape of " + got.shape());
        float[] g = got.toArray();
        for (int i = 0; i < e.length; i++) {
            if (!(Math.abs(g[i] - e[i]) <= 1e-6 * scale[i] + 1e-30)) {
                fail("element " + i + " of " + got.shape() + ": expected " + e[i] + " but was " + g[i]);
            }
        }
    }

    private static int[] drop(int[] d, int i) {
        int[] out = new int[d.length - 1];
        for (int s = 0, t = 0; s < d.length; s++) {
            if (s != i) {
                out[t++] = d[s];
            }
        }
        return out;
    }

    /** a·b with both operands contiguous and non-contiguous, in all four combinations. */
    private static void checkLayouts(Op a, Op b) {
        check(a, b, a.tensor().matmul(b.tensor()));
        check(a, b, a.strided().matmul(b.tensor()));
        check(a, b, a.tensor().matmul(b.strided()));
        check(a, b, a.strided().matmul(b.strided()));
    }

    @Test
    void twoD() {
        checkLayouts(Op.of(1, 3, 4), Op.of(2, 4, 5));
        checkLayouts(Op.of(3, 1, 1), Op.of(4, 1, 1));
        checkLayouts(Op.of(5, 7, 13), Op.of(6, 13, 3));  // odd sizes
        checkLayouts(Op.of(7, 1, 9), Op.of(8, 9, 1));
        checkLayouts(Op.of(9, 17, 1), Op.of(10, 1, 19)); // outer product
    }

    @Test
    void batched() {
        checkLayouts(Op.of(11, 2, 3, 4), Op.of(12, 2, 4, 5));
        checkLayouts(Op.of(13, 2, 3, 3, 4), Op.of(14, 2, 3, 4, 2));
        checkLayouts(Op.of(15, 2, 1, 3, 4), Op.of(16, 3, 4, 5));   // broadcast batch: (2, 3)
        checkLayouts(Op.of(17, 3, 4), Op.of(18, 2, 4, 5));         // 2-D left, batched right
        checkLayouts(Op.of(19, 1, 3, 4), Op.of(20, 4, 4, 2));      // size-1 batch broadcast
        checkLayouts(Op.of(21, 4, 1, 2, 3), Op.of(22, 1, 5, 3, 2));
    }

    @Test
    void foldedSequenceTimesMatrix() {
        // (B, T, K)·(K, N): one GEMM over B·T rows when the left operand is contiguous
        checkLayouts(Op.of(23, 2, 5, 3), Op.of(24, 3, 4));
        checkLayouts(Op.of(25, 3, 2, 5, 3), Op.of(26, 3, 7));
        Op a = Op.of(27, 4, 6, 3);
        Op w = Op.of(28, 5, 3);
        Op wt = transpose(w); // (3, 5): the values of wᵀ
        check(a, wt, a.tensor().matmul(w.tensor().mT()));          // a Dense layer: x·Wᵀ without copying W
        // narrowed left operand with an offset: still one contiguous run
        Op big = Op.of(29, 5, 6, 3);
        Op mid = new Op(Arrays.copyOfRange(big.v, 18, 72), new int[] {3, 6, 3});
        check(mid, wt, big.tensor().narrow(0, 1, 3).matmul(w.tensor().mT()));
    }

    @Test
    void vectors() {
        checkLayouts(Op.of(30, 4), Op.of(31, 4, 3));        // 1-D · 2-D → (3,)
        checkLayouts(Op.of(32, 3, 4), Op.of(33, 4));        // 2-D · 1-D → (3,)
        checkLayouts(Op.of(34, 5), Op.of(35, 5));           // dot → ()
        checkLayouts(Op.of(36, 4), Op.of(37, 2, 4, 3));     // 1-D · batched → (2, 3)
        checkLayouts(Op.of(38, 2, 3, 4), Op.of(39, 4));     // batched · 1-D → (2, 3)
        // a stepped 1-D slice as either operand
        float[] v = Ref.values(40, 9);
        Op s = new Op(new float[] {v[0], v[2], v[4], v[6], v[8]}, new int[] {5});
        Op b = Op.of(41, 5, 2);
        check(s, b, Tensor.of(v, 9).slice(0, 0, 9, 2).matmul(b.tensor()));
        check(transpose(b), s, b.tensor().mT().matmul(Tensor.of(v, 9).slice(0, 0, 9, 2)));
        check(s, s, Tensor.of(v, 9).slice(0, 0, 9, 2).matmul(Tensor.of(v, 9).slice(0, 0, 9, 2)));
    }

    /** The values of the last-two-axes transpose of {@code o}. */
    private static Op transpose(Op o) {
        int r = o.dims.length;
        int[] td = o.dims.clone();
        td[r - 2] = o.dims[r - 1];
        td[r - 1] = o.dims[r - 2];
        float[] t = new float[o.v.length];
        for (int[] idx : Ref.indices(o.dims)) {
            int[] j = idx.clone();
            j[r - 2] = idx[r - 1];
            j[r - 1] = idx[r - 2];
            t[Ref.flat(td, j)] = Ref.at(o.v, o.dims, idx);
        }
        return new Op(t, td);
    }

    @Test
    void transposedViewsAsOperands() {
        Op a = Op.of(42, 2, 3, 4);
        Op b = Op.of(43, 2, 5, 4);
        Op c = Op.of(44, 2, 3, 5);
        check(a, transpose(b), a.tensor().matmul(b.tensor().mT()));   // attention scores q·kᵀ
        check(transpose(a), c, a.tensor().mT().matmul(c.tensor()));   // a weight gradient aᵀ·g
        check(transpose(c), transpose(transpose(a)), c.tensor().mT().matmul(a.tensor()));
        Op e = Op.of(60, 2, 5, 3);
        check(transpose(a), transpose(e), a.tensor().mT().matmul(e.tensor().mT()));   // both transposed
        Op m = Op.of(45, 6, 4);
        check(transpose(m), m, m.tensor().mT().matmul(m.tensor()));   // the same storage on both sides
        check(m, transpose(m), m.tensor().matmul(m.tensor().mT()));
        // a permuted batch: (B, H, T, D) read as (B, T, H, D) storage
        Op q = Op.of(46, 2, 4, 3, 5);                                   // stored (B, T, H, D)
        Tensor qh = q.tensor().permute(0, 2, 1, 3);                     // (B, H, T, D) view
        Op qhv = new Op(permuted(q), new int[] {2, 3, 4, 5});
        check(qhv, transpose(qhv), qh.matmul(qh.mT()));
    }

    private static float[] permuted(Op q) {
        float[] out = new float[q.v.length];
        int[] od = {2, 3, 4, 5};
        for (int[] idx : Ref.indices(q.dims)) {
            out[Ref.flat(od, idx[0], idx[2], idx[1], idx[3])] = Ref.at(q.v, q.dims, idx);
        }
        return out;
    }

    @Test
    void narrowedAndSlicedOperands() {
        Op big = Op.of(47, 6, 8);
        // rows 1..4, columns 2..6 of a (6, 8): a gapped row stride
        float[] sub = new float[4 * 5];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 5; j++) {
                sub[i * 5 + j] = big.v[(i + 1) * 8 + j + 2];
            }
        }
        Op a = new Op(sub, new int[] {4, 5});
        Op b = Op.of(48, 5, 3);
        check(a, b, big.tensor().narrow(0, 1, 4).narrow(1, 2, 5).matmul(b.tensor()));
        check(transpose(a), Op.of(49, 4, 2), big.tensor().narrow(0, 1, 4).narrow(1, 2, 5).mT()
                .matmul(Op.of(49, 4, 2).tensor()));
        // every other column: inner stride 2 must be copied or handled, never read as contiguous
        float[] odd = new float[6 * 4];
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 4; j++) {
                odd[i * 4 + j] = big.v[i * 8 + 1 + 2 * j];
            }
        }
        Op s = new Op(odd, new int[] {6, 4});
        check(s, Op.of(50, 4, 3), big.tensor().slice(1, 1, 8, 2).matmul(Op.of(50, 4, 3).tensor()));
        check(Op.of(51, 2, 6), s, Op.of(51, 2, 6).tensor().matmul(big.tensor().slice(1, 1, 8, 2)));
        // an expanded (stride-0) operand
        Op row = Op.of(52, 1, 4);
        Op rows = new Op(concat(row.v, 3), new int[] {3, 4});
        check(rows, Op.of(53, 4, 2), row.tensor().expand(3, 4).matmul(Op.of(53, 4, 2).tensor()));
    }

    private static float[] concat(float[] v, int times) {
        float[] out = new float[v.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(v, 0, out, i * v.length, v.length);
        }
        return out;
    }

    /** The values of {@code o} behind one of several layouts: contiguous, reversed strides, padded, transposed. */
    private static Tensor layout(Op o, int kind) {
        int r = o.dims.length;
        return switch (r < 2 ? kind % 3 : kind) {
            case 0 -> o.tensor();
            case 1 -> o.strided();
            case 2 -> {
                // narrowed out of a larger tensor along the last axis: gapped rows with an offset
                int[] big = o.dims.clone();
                big[r - 1] += 3;
                float[] v = new float[Ref.size(big)];
                for (int[] idx : Ref.indices(o.dims)) {
                    int[] j = idx.clone();
                    j[r - 1] += 2;
                    v[Ref.flat(big, j)] = Ref.at(o.v, o.dims, idx);
                }
                yield Tensor.of(v, big).narrow(-1, 2, o.dims[r - 1]);
            }
            default -> transpose(o).tensor().mT(); // a matrix transpose view: GEMM reads it transposed
        };
    }

    @Test
    void randomShapesAndLayouts() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(99);
        for (int trial = 0; trial < 400; trial++) {
            int m = r.nextInt(5);
            int k = r.nextInt(5);
            int n = r.nextInt(5);
            int[] batch = new int[r.nextInt(3)];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = 1 + r.nextInt(3);
            }
            int[] ad = operandDims(r, batch, m, k, r.nextInt(5) == 0);
            int[] bd = operandDims(r, batch, k, n, r.nextInt(5) == 0);
            if (ad.length == 1 && bd.length == 1) {
                bd = new int[] {ad[0]};
            } else if (ad.length == 1) {
                ad = new int[] {bd[bd.length - 2]};
            } else if (bd.length == 1) {
                bd = new int[] {ad[ad.length - 1]};
            }
            Op a = Op.of(1000 + trial, ad);
            Op b = Op.of(2000 + trial, bd);
            check(a, b, layout(a, r.nextInt(4)).matmul(layout(b, r.nextInt(4))));
        }
    }

    /** (rows, cols) behind a suffix of {@code batch} with some dims set to 1, or a vector when {@code vector}. */
    private static int[] operandDims(java.util.SplittableRandom r, int[] batch, int rows, int cols, boolean vector) {
        if (vector) {
            return new int[] {cols};
        }
        int keep = r.nextInt(batch.length + 1);
        int[] d = new int[keep + 2];
        for (int i = 0; i < keep; i++) {
            d[i] = r.nextInt(3) == 0 ? 1 : batch[batch.length - keep + i];
        }
        d[keep] = rows;
        d[keep + 1] = cols;
        return d;
    }

    @Test
    void emptyDimensions() {
        assertValues(new float[12], Tensor.zeros(3, 0).matmul(Tensor.zeros(0, 4)), 3, 4);           // K = 0: zeros
        assertValues(new float[12], Tensor.ones(2, 3, 0).matmul(Tensor.ones(2, 0, 2)), 2, 3, 2);
        assertValues(new float[8], Tensor.ones(2, 2, 0).matmul(Tensor.ones(0, 2)), 2, 2, 2);       // folded, K = 0
        assertValues(new float[0], Tensor.ones(0, 3).matmul(Tensor.ones(3, 4)), 0, 4);
        assertValues(new float[0], Tensor.ones(2, 3).matmul(Tensor.ones(3, 0)), 2, 0);
        assertValues(new float[0], Tensor.ones(2, 0, 3).matmul(Tensor.ones(3, 4)), 2, 0, 4);
        assertValues(new float[0], Tensor.ones(0, 2, 3).matmul(Tensor.ones(3, 4).mT().mT()), 0, 2, 4);
        assertValues(new float[] {0}, Tensor.zeros(0).matmul(Tensor.zeros(0)), new int[0]);
    }

    @Test
    void errorsNameTheShapes() {
        assertMessage(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).matmul(Tensor.zeros(4, 5)),
                "matmul", "(2, 3)", "(4, 5)");
        assertMessage(IllegalArgumentException.class, () -> Tensor.zeros(3).matmul(Tensor.zeros(4)),
                "matmul", "(3,)", "(4,)");
        assertMessage(IllegalArgumentException.class, () -> Tensor.zeros(2, 2, 3).matmul(Tensor.zeros(3, 3, 4)),
                "matmul", "(2, 2, 3)", "(3, 3, 4)");
        assertMessage(IllegalArgumentException.class, () -> Tensor.scalar(1).matmul(Tensor.zeros(3)),
                "matmul", "()", "(3,)");
    }
}
