package org.seq4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.seq4j.tensor.Ref.assertClose;
import static org.seq4j.tensor.Ref.assertShape;
import static org.seq4j.tensor.Ref.assertValues;

import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.seq4j.tensor.kernel.BinaryOp;
import org.seq4j.tensor.kernel.UnaryOp;

/** Element-wise ops against NumPy broadcasting computed by hand over the source arrays. */
class ElementwiseTest {

    /** The broadcast of (a, ad) op (b, bd) to {@code out}, read straight from the source arrays. */
    private static float[] expected(float[] a, int[] ad, float[] b, int[] bd, int[] out, BinaryOperator<Float> op) {
        List<int[]> idx = Ref.indices(out);
        float[] y = new float[idx.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = op.apply(Ref.bcast(a, ad, idx.get(i)), Ref.bcast(b, bd, idx.get(i)));
        }
        return y;
    }

    /** Every arithmetic op on one pair of (possibly non-contiguous) operands, both orders. */
    private static void checkAll(Tensor ta, float[] a, int[] ad, Tensor tb, float[] b, int[] bd, int... out) {
        assertValues(expected(a, ad, b, bd, out, (p, q) -> p + q), ta.add(tb), out);
        assertValues(expected(a, ad, b, bd, out, (p, q) -> p - q), ta.sub(tb), out);
        assertValues(expected(a, ad, b, bd, out, (p, q) -> q - p), tb.sub(ta), out);
        assertValues(expected(a, ad, b, bd, out, (p, q) -> p * q), ta.mul(tb), out);
        assertValues(expected(a, ad, b, bd, out, (p, q) -> p / q), ta.div(tb), out);
        assertValues(expected(a, ad, b, bd, out, (p, q) -> q / p), tb.div(ta), out);
        assertValues(expected(a, ad, b, bd, out, Math::max), ta.maximum(tb), out);
        assertValues(expected(a, ad, b, bd, out, Math::min), tb.minimum(ta), out);
        assertValues(expected(a, ad, b, bd, out, (p, q) -> p < q ? 1f : 0f), ta.lt(tb), out);
        assertValues(expected(a, ad, b, bd, out, (p, q) -> q >= p ? 1f : 0f), tb.ge(ta), out);
    }

    /** Operands large enough to be split over the kernel threads (an odd length, so the last chunk is partial). */
    @Test
    void largeSameShapeOperandsSplitOverThreads() {
        int[] d = {3, 33_333};
        float[] a = new float[d[0] * d[1]];
        float[] b = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) Math.sin(i) * 3f;
            b[i] = (float) Math.cos(i * 0.7) + 2f;
        }
        checkAll(Tensor.of(a, d), a, d, Tensor.of(b, d), b, d, d);
        // an offset view: the second and third rows
        int[] v = {2, 33_333};
        float[] a2 = java.util.Arrays.copyOfRange(a, d[1], a.length);
        float[] b2 = java.util.Arrays.copyOfRange(b, d[1], b.length);
        checkAll(Tensor.of(a, d).narrow(0, 1, 2), a2, v, Tensor.of(b, d).narrow(0, 1, 2), b2, v, v);
    }

    @Test
    void sameShape() {
        float[] a = Ref.values(1, 12);
        float[] b = Ref.values(2, 12);
        checkAll(Tensor.of(a, 3, 4), a, new int[] {3, 4}, Tensor.of(b, 3, 4), b, new int[] {3, 4}, 3, 4);
    }

    @Test
    void columnPlusRow() {
        float[] a = Ref.values(3, 3);
        float[] b = Ref.values(4, 4);
        int[] ad = {3, 1};
        int[] bd = {1, 4};
        checkAll(Tensor.of(a, ad), a, ad, Tensor.of(b, bd), b, bd, 3, 4);
        // a (3,) against a (3, 1) column: (3, 3)
        checkAll(Tensor.of(a, 3), a, new int[] {3}, Tensor.of(a, ad), a, ad, 3, 3);
    }

    @Test
    void trailingVectorAndMiddleOnes() {
        float[] a = Ref.values(5, 24);
        float[] b = Ref.values(6, 4);
        int[] ad = {2, 3, 4};
        checkAll(Tensor.of(a, ad), a, ad, Tensor.of(b, 4), b, new int[] {4}, 2, 3, 4);
        float[] c = Ref.values(7, 6);
        int[] cd = {2, 1, 3, 1};
        float[] d = Ref.values(8, 20);
        int[] dd = {5, 1, 4};
        checkAll(Tensor.of(c, cd), c, cd, Tensor.of(d, dd), d, dd, 2, 5, 3, 4);
    }

    @Test
    void rankZeroWithAnything() {
        float[] s = {1.5f};
        float[] a = Ref.values(9, 24);
        int[] ad = {2, 3, 4};
        Tensor scalar = Tensor.scalar(1.5f);
        checkAll(scalar, s, new int[0], Tensor.of(a, ad), a, ad, 2, 3, 4);
        checkAll(scalar, s, new int[0], Tensor.scalar(-2f), new float[] {-2f}, new int[0]);
        checkAll(scalar, s, new int[0], Tensor.of(a, 24).slice(0, 1, 24, 5), new float[] {a[1], a[6], a[11], a[16],
                a[21]}, new int[] {5}, 5);
        // the float-scalar overloads agree with the tensor ones
        Tensor x = Tensor.of(a, ad);
        assertValues(x.add(scalar).toArray(), x.add(1.5f), ad);
        assertValues(x.sub(scalar).toArray(), x.sub(1.5f), ad);
        assertValues(x.mul(scalar).toArray(), x.mul(1.5f), ad);
        assertValues(x.div(scalar).toArray(), x.div(1.5f), ad);
    }

    @Test
    void nonContiguousOperands() {
        float[] a = Ref.values(10, 12);
        float[] b = Ref.values(11, 12);
        // transposed: a (4, 3) view of a (3, 4) storage
        Tensor at = Tensor.of(a, 3, 4).mT();
        float[] atv = new float[12];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                atv[i * 3 + j] = a[j * 4 + i];
            }
        }
        int[] d43 = {4, 3};
        checkAll(at, atv, d43, Tensor.of(b, 4, 3), b, d43, 4, 3);
        checkAll(at, atv, d43, Tensor.of(b, 4, 3).mT().mT(), b, d43, 4, 3);
        checkAll(at, atv, d43, Tensor.of(b, 3, 4).mT(), atv(b), d43, 4, 3);
        // transposed against a broadcast row and column
        checkAll(at, atv, d43, Tensor.of(b, 12).narrow(0, 2, 3), new float[] {b[2], b[3], b[4]}, new int[] {3}, 4, 3);
        checkAll(at, atv, d43, Tensor.of(b, 12).slice(0, 0, 12, 3).unsqueeze(1),
                new float[] {b[0], b[3], b[6], b[9]}, new int[] {4, 1}, 4, 3);
        // stepped slices: every other column of a (3, 8)
        float[] c = Ref.values(12, 24);
        Tensor cs = Tensor.of(c, 3, 8).slice(1, 1, 8, 2); // (3, 4)
        float[] csv = new float[12];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                csv[i * 4 + j] = c[i * 8 + 1 + 2 * j];
            }
        }
        checkAll(cs, csv, new int[] {3, 4}, Tensor.of(b, 3, 4), b, new int[] {3, 4}, 3, 4);
        checkAll(cs, csv, new int[] {3, 4}, at.mT(), a, new int[] {3, 4}, 3, 4);
        checkAll(cs.unsqueeze(0), csv, new int[] {1, 3, 4}, Tensor.of(b, 12).narrow(0, 0, 2).reshape(2, 1, 1),
                new float[] {b[0], b[1]}, new int[] {2, 1, 1}, 2, 3, 4);
        // expanded operands (stride 0 where the values repeat)
        Tensor row = Tensor.of(b, 12).narrow(0, 0, 4).expand(3, 4);
        float[] rowv = new float[12];
        for (int i = 0; i < 12; i++) {
            rowv[i] = b[i % 4];
        }
        checkAll(row, rowv, new int[] {3, 4}, cs, csv, new int[] {3, 4}, 3, 4);
        checkAll(row, rowv, new int[] {3, 4}, Tensor.scalar(2).expand(3, 4), new float[] {2}, new int[0], 3, 4);
        checkAll(row.unsqueeze(0), rowv, new int[] {1, 3, 4}, at.mT().unsqueeze(1), a, new int[] {3, 1, 4}, 3, 3, 4);
    }

    private static float[] atv(float[] b) {
        float[] t = new float[12];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                t[i * 3 + j] = b[j * 4 + i];
            }
        }
        return t;
    }

    @Test
    void sizeZeroDimensions() {
        assertValues(new float[0], Tensor.zeros(0, 4).add(Tensor.ones(4)), 0, 4);
        assertValues(new float[0], Tensor.zeros(3, 0).mul(Tensor.ones(3, 1)), 3, 0);
        assertValues(new float[0], Tensor.zeros(2, 1, 0).sub(Tensor.ones(3, 1)), 2, 3, 0);
        assertValues(new float[0], Tensor.zeros(0).add(Tensor.scalar(1)), 0);
        assertValues(new float[0], Tensor.zeros(0).exp(), 0);
        assertValues(new float[0], Tensor.zeros(0, 2).mul(3f), 0, 2);
        assertShape(Tensor.where(Tensor.zeros(0, 1), Tensor.ones(3), Tensor.zeros(1)), 0, 3);
    }

    @Test
    void unaryOps() {
        float[] a = Ref.values(13, 30);
        for (int i = 0; i < a.length; i++) {
            a[i] *= 4; // [-4, 4)
        }
        Tensor x = Ref.strided(a, 5, 6);
        checkUnary(x.neg(), a, v -> -v);
        checkUnary(x.abs(), a, Math::abs);
        checkUnary(x.exp(), a, Math::exp);
        checkUnary(x.square(), a, v -> v * v);
        checkUnary(x.tanh(), a, Math::tanh);
        checkUnary(x.sigmoid(), a, v -> 1 / (1 + Math.exp(-v)));
        checkUnary(x.relu(), a, v -> v > 0 ? v : 0);
        checkUnary(x.abs().sqrt(), a, v -> Math.sqrt(Math.abs(v)));
        checkUnary(x.abs().log(), a, v -> Math.log(Math.abs(v)));
        checkUnary(x.pow(2f), a, v -> v * v);
        checkUnary(x.abs().pow(0.5f), a, v -> Math.sqrt(Math.abs(v)));
        checkUnary(x.clamp(-1f, 0.5f), a, v -> Math.min(0.5, Math.max(-1, v)));
        Tensor special = Tensor.of(new float[] {0, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, Float.NaN}, 4);
        assertValues(new float[] {Float.NEGATIVE_INFINITY, Float.NaN, Float.POSITIVE_INFINITY, Float.NaN},
                special.log(), 4);
        assertValues(new float[] {0.5f, 0, 1, Float.NaN}, special.sigmoid(), 4);
        assertValues(new float[] {0, 0, 1, Float.NaN}, special.clamp(0, 1), 4); // clamp keeps NaN, as torch
        assertValues(new float[] {0, 1, Float.NaN, Float.NaN},
                Tensor.of(new float[] {0, 1, -1, Float.NaN}, 4).sqrt(), 4);
    }

    @Test
    void viewsWithContiguousRowsAreReadInPlaceWithTheSameValues() {
        float[] a = Ref.values(17, 2 * 3 * 8);
        Tensor base = Tensor.of(a, 2, 3, 8);
        Tensor[] views = {base.transpose(0, 1), base.narrow(2, 1, 5), base.narrow(1, 1, 2).transpose(0, 1),
                base.select(1, 2), base.narrow(0, 1, 1).expand(4, 3, 8), base.narrow(2, 3, 1).unsqueeze(0),
                Tensor.of(a, 6, 8).narrow(0, 2, 3).unsqueeze(2), Ref.strided(a, 2, 3, 8)};
        for (Tensor v : views) {
            Tensor dense = Tensor.of(v.toArray(), v.shape().dims());
            for (UnaryOp op : UnaryOp.values()) {
                assertArrayEquals(dense.map(op).toArray(), v.map(op).toArray(), op + " of " + v.shape());
            }
            for (BinaryOp op : List.of(BinaryOp.ADD, BinaryOp.MUL, BinaryOp.GT, BinaryOp.POW)) {
                assertArrayEquals(dense.zip(op, 0.75f).toArray(), v.zip(op, 0.75f).toArray(), op + " of " + v.shape());
            }
            assertShape(v.exp(), v.shape().dims());
        }
    }

    @Test
    void fusedReluBackwardEqualsGradTimesMaskBitForBit() {
        int n = 3 * 4096 + 37; // several mask chunks and a tail
        float[] x = Ref.values(18, n);
        float[] g = Ref.values(19, n);
        x[0] = 0f;
        x[1] = -0f;
        x[2] = Float.NaN;
        g[3] = Float.POSITIVE_INFINITY;
        x[3] = -1f;
        g[4] = Float.NaN;
        g[5] = -2f;
        x[5] = -3f; // -2 * 0 = -0: kept as the composed product has it
        for (Tensor[] xg : new Tensor[][] {{Tensor.of(x, n), Tensor.of(g, n)},
                {Tensor.of(x, 1, n), Tensor.of(g, n).unsqueeze(0)}, {Tensor.zeros(0), Tensor.zeros(0)},
                {Ref.strided(java.util.Arrays.copyOf(x, 60), 6, 10), Tensor.of(java.util.Arrays.copyOf(g, 60), 6, 10)}}) {
            Tensor want = xg[1].mul(xg[0].gt(0f));
            assertArrayEquals(want.toArray(), Adjoints.reluBackward(xg[0], xg[1]).toArray());
            assertShape(Adjoints.reluBackward(xg[0], xg[1]), want.shape().dims());
        }
        Ref.assertMessage(IllegalArgumentException.class,
                () -> Adjoints.reluBackward(Tensor.zeros(2, 3), Tensor.zeros(3, 2)), "reluBackward", "(3, 2)");
    }

    @Test
    void mapWithTheOpsThatHaveNoMethod() {
        float[] a = Ref.values(16, 30);
        for (int i = 0; i < a.length; i++) {
            a[i] *= 5; // [-5, 5): erf saturates to ±1 in float beyond ~3.9
        }
        a[0] = 0;
        Tensor x = Ref.strided(a, 5, 6);
        checkUnary(x.map(UnaryOp.SIGN), a, Math::signum);
        checkUnary(x.map(UnaryOp.RECIPROCAL), a, v -> 1 / v);
        checkUnary(x.map(UnaryOp.ERF), a, ElementwiseTest::erf);
        // a dense sweep over every branch of the rational approximations (|x| < 0.47, < 4, < 27, beyond)
        Tensor sweep = Tensor.arange(-30f, 30f, 0.0625f);
        float[] sv = sweep.toArray();
        double[] e = new double[sv.length];
        for (int i = 0; i < sv.length; i++) {
            e[i] = erf(sv[i]);
        }
        assertClose(e, sweep.map(UnaryOp.ERF), Ref.RTOL, 1e-7, sv.length);
        assertValues(new float[] {Float.NaN, 1, -1, 0, -0f}, Tensor.of(new float[] {Float.NaN, Float.POSITIVE_INFINITY,
                Float.NEGATIVE_INFINITY, 0, -0f}, 5).map(UnaryOp.ERF), 5);
    }

    /** erf by its Taylor series where that converges well in double, else 1 - erfc by its continued fraction. */
    private static double erf(double x) {
        double ax = Math.abs(x);
        double r;
        if (ax < 3) {
            double term = ax;
            double sum = ax;
            for (int n = 1; n < 200; n++) {
                term *= -ax * ax / n;
                sum += term / (2 * n + 1);
            }
            r = 2 / Math.sqrt(Math.PI) * sum;
        } else {
            double f = 0; // erfc(x) = exp(-x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))
            for (int k = 60; k >= 1; k--) {
                f = (k / 2.0) / (ax + f);
            }
            r = 1 - Math.exp(-ax * ax) / Math.sqrt(Math.PI) / (ax + f);
        }
        return Math.copySign(r, x);
    }

    private static void checkUnary(Tensor y, float[] a, DoubleUnaryOperator f) {
        double[] e = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            e[i] = f.applyAsDouble(a[i]);
        }
        // 1 ulp of float (6e-8) plus the rounding of the double result: 1e-6 relative is generous
        assertClose(e, y, Ref.RTOL, 1e-7, 5, 6);
    }

    @Test
    void comparisonsAreOneOrZero() {
        Tensor a = Tensor.of(new float[] {1, 2, 3, Float.NaN}, 4);
        Tensor b = Tensor.of(new float[] {2}, 1);
        assertValues(new float[] {0, 1, 0, 0}, a.eq(b), 4);
        assertValues(new float[] {1, 0, 1, 1}, a.ne(b), 4);
        assertValues(new float[] {1, 0, 0, 0}, a.lt(b), 4);
        assertValues(new float[] {1, 1, 0, 0}, a.le(b), 4);
        assertValues(new float[] {0, 0, 1, 0}, a.gt(b), 4);
        assertValues(new float[] {0, 1, 1, 0}, a.ge(b), 4);
        assertValues(new float[] {0, 1, 0, 0}, a.eq(2f), 4);
        assertValues(new float[] {0, 0, 1, 0}, a.gt(2f), 4);
        assertValues(new float[] {1, 0, 0, 0}, a.lt(2f), 4);
        assertValues(new float[] {0, 1, 1, 0, 0, 0}, Tensor.of(new float[] {1, 2}, 2, 1).eq(
                Tensor.of(new float[] {2, 1, 3}, 3)).mT(), 3, 2);
    }

    @Test
    void whereAndMaskedFillBroadcast() {
        float[] a = Ref.values(14, 6);
        Tensor cond = Tensor.of(new float[] {1, 0, Float.NaN}, 3); // NaN counts as true, as in NumPy
        Tensor x = Tensor.of(a, 2, 3);
        Tensor other = Tensor.of(new float[] {-5, -6}, 2, 1);
        float[] e = new float[6];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                e[i * 3 + j] = j == 1 ? (i == 0 ? -5 : -6) : a[i * 3 + j];
            }
        }
        assertValues(e, Tensor.where(cond, x, other), 2, 3);
        assertValues(e, Tensor.where(cond, x.mT().mT(), other.expand(2, 3)), 2, 3);
        // where with a transposed condition
        Tensor mask = Tensor.of(new float[] {0, 1, 1, 0, 0, 1}, 3, 2).mT(); // [[0,1,0],[1,0,1]]
        float[] m = new float[6];
        for (int i = 0; i < 6; i++) {
            m[i] = new float[] {0, 1, 0, 1, 0, 1}[i] != 0 ? 9 : a[i];
        }
        assertValues(m, x.maskedFill(mask, 9), 2, 3);
        assertValues(new float[] {9, 9, 9, a[3], a[4], a[5]},
                x.maskedFill(Tensor.of(new float[] {1, 0}, 2, 1), 9), 2, 3);
        assertValues(new float[] {-1, -1, -1, -1, -1, -1}, x.maskedFill(Tensor.scalar(1), -1), 2, 3);
        assertValues(new float[] {7, 8}, Tensor.where(Tensor.scalar(0), Tensor.scalar(1), Tensor.of(new float[] {7, 8},
                2)), 2);
        assertEquals(1f, Tensor.where(Tensor.scalar(2), Tensor.scalar(1), Tensor.scalar(0)).item());
    }

    @Test
    void zipWithAnyOp() {
        float[] a = Ref.values(15, 4);
        Tensor x = Tensor.of(a, 4);
        Tensor y = x.zip(BinaryOp.POW, Tensor.of(new float[] {2}, 1));
        assertClose(new double[] {a[0] * (double) a[0], a[1] * (double) a[1], a[2] * (double) a[2],
                a[3] * (double) a[3]}, y, 4);
        assertValues(new float[] {a[0] - 1, a[1] - 1, a[2] - 1, a[3] - 1}, x.zip(BinaryOp.SUB, 1f), 4);
    }
}
