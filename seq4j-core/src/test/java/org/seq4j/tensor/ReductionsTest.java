package org.seq4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.seq4j.tensor.Ref.assertClose;
import static org.seq4j.tensor.Ref.assertMessage;
import static org.seq4j.tensor.Ref.assertValues;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** sum/mean/max/min/logSumExp over any axes, argmax and sumTo, against double loops over the source array. */
class ReductionsTest {
    private enum Op { SUM, MEAN, MAX, MIN, LSE }

    /** The reduction in double; {@code axes} already normalised; the result in keep-dims layout. */
    private static double[] reference(Op op, float[] x, int[] dims, int... axes) {
        int[] keep = dims.clone();
        for (int a : axes) {
            keep[a] = 1;
        }
        int n = Ref.size(keep);
        double[] acc = new double[n];
        double init = op == Op.MAX ? Double.NEGATIVE_INFINITY : op == Op.MIN ? Double.POSITIVE_INFINITY : 0;
        Arrays.fill(acc, init);
        int[] count = new int[n];
        double[] max = new double[n];
        if (op == Op.LSE) {
            double[] m = reference(Op.MAX, x, dims, axes);
            System.arraycopy(m, 0, max, 0, n);
            Arrays.fill(acc, 0);
        }
        for (int[] idx : Ref.indices(dims)) {
            int[] o = idx.clone();
            for (int a : axes) {
                o[a] = 0;
            }
            int f = Ref.flat(keep, o);
            double v = Ref.at(x, dims, idx);
            count[f]++;
            acc[f] = switch (op) {
                case SUM, MEAN -> acc[f] + v;
                case MAX -> Math.max(acc[f], v);
                case MIN -> Math.min(acc[f], v);
                case LSE -> acc[f] + Math.exp(v - max[f]);
            };
        }
        for (int i = 0; i < n; i++) {
            if (op == Op.MEAN) {
                acc[i] /= count[i];
            } else if (op == Op.LSE) {
                acc[i] = Double.isInfinite(max[i]) ? max[i] : max[i] + Math.log(acc[i]);
            }
        }
        return acc;
    }

    private static int[] kept(int[] dims, boolean keep, int... axes) {
        int[] k = dims.clone();
        for (int a : axes) {
            k[a] = keep ? 1 : -1;
        }
        return Arrays.stream(k).filter(d -> d >= 0).toArray();
    }

    /** Every reduction over {@code axes} (given as the caller writes them) of {@code t} holding x in dims. */
    private static void checkAll(Tensor t, float[] x, int[] dims, int[] axes) {
        int[] norm = Arrays.stream(axes).map(a -> a < 0 ? a + dims.length : a).toArray();
        if (axes.length == 0) {
            norm = new int[dims.length];
            Arrays.setAll(norm, i -> i);
        }
        for (boolean keep : new boolean[] {false, true}) {
            Axes ax = keep ? Axes.of(axes).keepDims() : Axes.of(axes);
            int[] out = kept(dims, keep, norm);
            assertClose(reference(Op.SUM, x, dims, norm), t.sum(ax), Ref.RTOL, 1e-7, out);
            assertClose(reference(Op.MEAN, x, dims, norm), t.mean(ax), Ref.RTOL, 1e-7, out);
            assertClose(reference(Op.MAX, x, dims, norm), t.max(ax), 0, 0, out);
            assertClose(reference(Op.MIN, x, dims, norm), t.min(ax), 0, 0, out);
            assertClose(reference(Op.LSE, x, dims, norm), t.logSumExp(ax), Ref.RTOL, 1e-7, out);
        }
    }

    private static final int[][] AXES_OF_3 = {
        {0}, {1}, {2}, {-1}, {-3}, {0, 1}, {1, 2}, {0, 2}, {2, 0}, {-1, -2}, {0, 1, 2}, {}};

    @Test
    void contiguousRank3OverEveryAxisSet() {
        int[] dims = {3, 4, 5};
        float[] x = Ref.values(21, 60);
        for (int[] axes : AXES_OF_3) {
            checkAll(Tensor.of(x, dims), x, dims, axes);
        }
    }

    @Test
    void nonContiguousRank3OverEveryAxisSet() {
        int[] dims = {3, 4, 5};
        float[] x = Ref.values(22, 60);
        for (int[] axes : AXES_OF_3) {
            checkAll(Ref.strided(x, dims), x, dims, axes);
        }
        // a narrowed (offset, gapped) view: columns 1..3 of a (3, 4, 7)
        float[] big = Ref.values(23, 84);
        float[] sub = new float[36];
        for (int[] idx : Ref.indices(3, 4, 3)) {
            sub[Ref.flat(new int[] {3, 4, 3}, idx)] = Ref.at(big, new int[] {3, 4, 7}, idx[0], idx[1], idx[2] + 1);
        }
        for (int[] axes : AXES_OF_3) {
            checkAll(Tensor.of(big, 3, 4, 7).narrow(2, 1, 3), sub, new int[] {3, 4, 3}, axes);
        }
    }

    @Test
    void leadingAxesFoldPath() {
        // (B, T, F) summed over batch and time, as a bias gradient does: contiguous, offset, and transposed inputs
        int[] dims = {6, 7, 5};
        float[] x = Ref.values(24, 210);
        checkAll(Tensor.of(x, dims), x, dims, new int[] {0});
        checkAll(Tensor.of(x, dims), x, dims, new int[] {0, 1});
        checkAll(Tensor.of(x, dims), x, dims, new int[] {-3, -2});
        float[] padded = new float[215];
        System.arraycopy(x, 0, padded, 5, 210);
        Tensor offset = Tensor.of(padded, 215).narrow(0, 5, 210).reshape(dims);
        checkAll(offset, x, dims, new int[] {0, 1});
        checkAll(Ref.strided(x, dims), x, dims, new int[] {0, 1});
        checkAll(Tensor.of(x, dims).narrow(0, 2, 3), Arrays.copyOfRange(x, 70, 175), new int[] {3, 7, 5},
                new int[] {0, 1});
    }

    @Test
    void leadingAxisSumIsAsAccurateAsAnyOther() {
        // 4000 rows with cancelling signs: summing in float loses digits the double reference keeps
        int rows = 4000;
        float[] x = Ref.values(25, rows * 3);
        double[] e = reference(Op.SUM, x, new int[] {rows, 3}, 0);
        Tensor t = Tensor.of(x, rows, 3);
        assertClose(e, t.sum(0), Ref.RTOL, 0, 3);         // the leading-axes fold
        assertClose(e, t.mT().sum(1), Ref.RTOL, 0, 3);    // the kernel's row reduction
        assertClose(e, t.sum(Axes.of(0).keepDims()), Ref.RTOL, 0, 1, 3);
    }

    @Test
    void emptyAndRankZero() {
        assertValues(new float[] {0, 0, 0}, Tensor.zeros(0, 3).sum(0), 3);
        assertValues(new float[] {0}, Tensor.zeros(0, 3).sum(), new int[0]);
        assertValues(new float[0], Tensor.zeros(0, 3).sum(1), 0);
        assertEquals(Float.NEGATIVE_INFINITY, Tensor.zeros(0).logSumExp(Axes.all()).item());
        assertEquals(4f, Tensor.scalar(4).sum().item());
        assertEquals(4f, Tensor.scalar(4).max(Axes.all()).item());
        assertEquals(4f, Tensor.scalar(4).mean().item());
        assertEquals(Float.NaN, Tensor.zeros(0).mean().item()); // 0/0, as NumPy
    }

    @Test
    void nanPropagatesThroughMaxAndSum() {
        Tensor t = Tensor.of(new float[] {1, Float.NaN, 3, 4}, 2, 2);
        assertValues(new float[] {Float.NaN, 4}, t.max(1), 2);
        assertValues(new float[] {3, Float.NaN}, t.max(0), 2);
        assertValues(new float[] {Float.NaN, 7}, t.sum(1), 2);
        assertValues(new float[] {Float.NaN, 3}, t.min(1), 2);
    }

    @Test
    void logSumExpIsStable() {
        float ninf = Float.NEGATIVE_INFINITY;
        Tensor t = Tensor.of(new float[] {1000, 1000, ninf, ninf, -1000, -1001, 0, ninf, 88, 89}, 5, 2);
        double[] e = {1000 + Math.log(2), ninf, -1000 + Math.log(1 + Math.exp(-1)), 0,
            89 + Math.log(1 + Math.exp(-1))};
        assertClose(e, t.logSumExp(Axes.of(1)), 5);
        assertClose(e, t.mT().logSumExp(Axes.of(0)), 5);
        assertClose(e, t.logSumExp(Axes.of(-1).keepDims()), 5, 1);
        assertValues(new float[] {Float.POSITIVE_INFINITY}, Tensor.of(new float[] {1, Float.POSITIVE_INFINITY}, 2)
                .logSumExp(Axes.all()), new int[0]);
        assertValues(new float[] {Float.NaN}, Tensor.of(new float[] {1, Float.NaN}, 2).logSumExp(Axes.all()),
                new int[0]);
    }

    @Test
    void argmax() {
        float[] x = {3, 1, 3, 2, 5, 5, -1, 0, 9, Float.NaN, 9, Float.NaN};
        Tensor t = Tensor.of(x, 3, 4);
        assertEquals(IntTensor.of(new int[] {0, 0, 1}, 3), t.argmax(1)); // ties: the first max wins
        assertEquals(IntTensor.of(new int[] {0, 0, 1}, 3), t.argmax(-1));
        // NaN is the maximum, as in NumPy: the first NaN wins
        Tensor n = Tensor.of(new float[] {1, 2, 3, Float.NaN, 0, 9, 9, 9, 2, Float.NaN, 1, Float.NaN}, 3, 4);
        assertEquals(IntTensor.of(new int[] {3, 1, 1}, 3), n.argmax(1));
        assertEquals(IntTensor.of(new int[] {2, 2, 2, 2}, 4), t.argmax(0));
        assertEquals(IntTensor.of(new int[] {0, 0, 1}, 3), t.mT().argmax(0));
        float[] y = Ref.values(26, 60);
        Tensor r = Ref.strided(y, 3, 4, 5);
        IntTensor a = r.argmax(1);
        assertArrayEquals(new int[] {3, 5}, a.shape().dims());
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 5; k++) {
                int best = 0;
                for (int j = 1; j < 4; j++) {
                    int[] d = {3, 4, 5};
                    best = Ref.at(y, d, i, j, k) > Ref.at(y, d, i, best, k) ? j : best;
                }
                assertEquals(best, a.get(i, k));
            }
        }
        assertEquals(0, Tensor.of(new float[] {7}, 1).argmax(0).get());
        assertMessage(IllegalArgumentException.class, () -> Tensor.zeros(2, 0).argmax(1), "argmax", "(2, 0)");
    }

    @Test
    void sumToUndoesBroadcast() {
        float[] x = Ref.values(27, 24);
        int[] dims = {2, 3, 4};
        Tensor t = Tensor.of(x, dims);
        assertClose(reference(Op.SUM, x, dims, 0, 1), t.sumTo(Shape.of(4)), 4);
        assertClose(reference(Op.SUM, x, dims, 0, 2), t.sumTo(Shape.of(3, 1)), 3, 1);
        assertClose(reference(Op.SUM, x, dims, 1), t.sumTo(Shape.of(2, 1, 4)), 2, 1, 4);
        assertClose(reference(Op.SUM, x, dims, 0, 1, 2), t.sumTo(Shape.scalar()), new int[0]);
        assertClose(reference(Op.SUM, x, dims, 0), t.sumTo(Shape.of(1, 3, 4)), 1, 3, 4);
        assertClose(reference(Op.SUM, x, dims, 0, 1), Ref.strided(x, dims).sumTo(Shape.of(1, 4)), 1, 4);
        assertValues(x, t.sumTo(Shape.of(2, 3, 4)), 2, 3, 4);
        // expand then sumTo: each element summed as many times as it was repeated
        Tensor col = Tensor.of(new float[] {1, 2}, 2, 1);
        assertValues(new float[] {3, 6}, col.expand(3, 2, 3).sumTo(Shape.of(2, 1)).div(3f), 2, 1);
        assertMessage(IllegalArgumentException.class, () -> t.sumTo(Shape.of(3, 4, 1)), "sumTo", "(2, 3, 4)",
                "(3, 4, 1)");
        assertMessage(IllegalArgumentException.class, () -> Tensor.zeros(3, 1).sumTo(Shape.of(1, 4)), "sumTo",
                "(3, 1)", "(1, 4)");
        assertMessage(IllegalArgumentException.class, () -> Tensor.zeros(3).sumTo(Shape.of(1, 3)), "sumTo",
                "(3,)", "(1, 3)");
    }
}
