package org.seq4j.tensor;

import static org.seq4j.tensor.Ref.assertMessage;
import static org.seq4j.tensor.Ref.assertValues;

import org.junit.jupiter.api.Test;

/** indexSelect/indexAdd and PyTorch gather/scatterAdd, against loops over the source arrays. */
class IndexingTest {

    @Test
    void embeddingLookupWithA2dIdTensor() {
        int vocab = 5;
        int dim = 3;
        float[] table = Ref.values(61, vocab * dim);
        IntTensor ids = IntTensor.of(new int[][] {{4, 0, 4}, {2, 2, 1}}); // (B, T)
        Tensor out = Tensor.of(table, vocab, dim).indexSelect(0, ids);     // (B, T, D)
        float[] e = new float[2 * 3 * dim];
        for (int b = 0; b < 2; b++) {
            for (int t = 0; t < 3; t++) {
                for (int d = 0; d < dim; d++) {
                    e[(b * 3 + t) * dim + d] = table[ids.get(b, t) * dim + d];
                }
            }
        }
        assertValues(e, out, 2, 3, dim);
        // the same from a transposed (non-contiguous) table
        assertValues(e, Ref.strided(table, vocab, dim).indexSelect(0, ids), 2, 3, dim);
        assertValues(new float[0], Tensor.of(table, vocab, dim).indexSelect(0, IntTensor.of(new int[0], 0)), 0, dim);
    }

    @Test
    void indexSelectOnOtherAxes() {
        int[] dims = {2, 3, 4};
        float[] x = Ref.values(62, 24);
        int[] pick = {3, 0, 3};
        for (Tensor t : new Tensor[] {Tensor.of(x, dims), Ref.strided(x, dims)}) {
            float[] e = new float[2 * 3 * 3];
            for (int[] o : Ref.indices(2, 3, 3)) {
                e[Ref.flat(new int[] {2, 3, 3}, o)] = Ref.at(x, dims, o[0], o[1], pick[o[2]]);
            }
            assertValues(e, t.indexSelect(2, IntTensor.of(pick, 3)), 2, 3, 3);
            assertValues(e, t.indexSelect(-1, IntTensor.of(pick, 3)), 2, 3, 3);
            // axis 1 with a (2, 2) index: shape (2, 2, 2, 4)
            int[][] ix = {{2, 0}, {1, 1}};
            float[] e1 = new float[32];
            for (int[] o : Ref.indices(2, 2, 2, 4)) {
                e1[Ref.flat(new int[] {2, 2, 2, 4}, o)] = Ref.at(x, dims, o[0], ix[o[1]][o[2]], o[3]);
            }
            assertValues(e1, t.indexSelect(1, IntTensor.of(ix)), 2, 2, 2, 4);
        }
    }

    @Test
    void indexAddAccumulatesRepeatedIndices() {
        float[] x = Ref.values(63, 12);
        float[] src = Ref.values(64, 4 * 3);
        int[] idx = {1, 3, 1, 1};
        // axis 0: the embedding gradient
        float[] e = x.clone();
        for (int i = 0; i < 4; i++) {
            for (int d = 0; d < 3; d++) {
                e[idx[i] * 3 + d] += src[i * 3 + d];
            }
        }
        Tensor got = Tensor.of(x, 4, 3).indexAdd(0, IntTensor.of(idx, 4), Tensor.of(src, 4, 3));
        Ref.assertClose(Ref.toDouble(e), got, Ref.RTOL, 1e-7, 4, 3);
        got = Ref.strided(x, 4, 3).indexAdd(0, IntTensor.of(idx, 2, 2), Ref.strided(src, 2, 2, 3));
        Ref.assertClose(Ref.toDouble(e), got, Ref.RTOL, 1e-7, 4, 3);
        // axis 1 of a (3, 4): source (3, 4) added at columns idx
        float[] e1 = x.clone();
        for (int r = 0; r < 3; r++) {
            for (int i = 0; i < 4; i++) {
                e1[r * 4 + idx[i]] += src[r * 4 + i];
            }
        }
        got = Tensor.of(x, 3, 4).indexAdd(-1, IntTensor.of(idx, 4), Tensor.of(src, 3, 4));
        Ref.assertClose(Ref.toDouble(e1), got, Ref.RTOL, 1e-7, 3, 4);
        // adjoint check: <indexSelect(x), s> = <x, indexAdd(0, s)>
        Tensor sel = Tensor.of(x, 4, 3).indexSelect(0, IntTensor.of(idx, 4));
        double lhs = dot(sel.toArray(), src);
        double rhs = dot(x, Tensor.zeros(4, 3).indexAdd(0, IntTensor.of(idx, 4), Tensor.of(src, 4, 3)).toArray());
        org.junit.jupiter.api.Assertions.assertEquals(lhs, rhs, 1e-6);
        assertMessage(IllegalArgumentException.class,
                () -> Tensor.zeros(4, 3).indexAdd(0, IntTensor.of(idx, 4), Tensor.zeros(4, 2)),
                "indexAdd", "(4, 2)", "(4, 3)");
        assertMessage(IndexOutOfBoundsException.class,
                () -> Tensor.zeros(4, 3).indexAdd(0, IntTensor.of(new int[] {4}, 1), Tensor.zeros(1, 3)),
                "indexAdd", "4", "(4, 3)");
    }

    @Test
    void zerosIndexAddReadsTransposedAndNarrowedSourcesInPlace() {
        int vocab = 7;
        int b = 3;
        int t = 4;
        int e = 5;
        float[] src = Ref.values(67, b * t * e); // (B, T, E)
        int[] ids = {6, 0, 2, 6, 1, 1, 3, 0, 6, 2, 5, 1};
        IntTensor index = IntTensor.of(ids, b, t);
        float[] expected = new float[vocab * e];
        for (int i = 0; i < b * t; i++) {
            for (int d = 0; d < e; d++) {
                expected[ids[i] * e + d] += src[i * e + d];
            }
        }
        float[] tbe = new float[src.length]; // the same values stored time-major, (T, B, E)
        for (int[] o : Ref.indices(b, t, e)) {
            tbe[Ref.flat(new int[] {t, b, e}, o[1], o[0], o[2])] = Ref.at(src, new int[] {b, t, e}, o);
        }
        float[] wide = new float[b * t * (e + 2)]; // (B, T, E + 2): the source is its narrowed middle
        for (int[] o : Ref.indices(b, t, e)) {
            wide[Ref.flat(new int[] {b, t, e + 2}, o[0], o[1], o[2] + 1)] = Ref.at(src, new int[] {b, t, e}, o);
        }
        Tensor plain = Tensor.of(src, b, t, e);
        Tensor[] sources = {plain, Tensor.of(tbe, t, b, e).transpose(0, 1), Tensor.of(wide, b, t, e + 2).narrow(2, 1, e),
                Ref.strided(src, b, t, e)};
        float[] reference = Tensor.zeros(vocab, e).indexAdd(0, index, plain).toArray();
        for (Tensor s : sources) {
            Tensor got = Adjoints.zerosIndexAdd(Shape.of(vocab, e), 0, index, s);
            Ref.assertClose(Ref.toDouble(expected), got, Ref.RTOL, 1e-7, vocab, e);
            org.junit.jupiter.api.Assertions.assertArrayEquals(reference, got.toArray()); // bit for bit
        }
        // axis 1 with rows before it: (2, vocab) from a transposed (2, 3) source
        float[] x2 = Ref.values(68, 6);
        int[] pick = {4, 0, 4};
        float[] e2 = new float[2 * vocab];
        for (int r = 0; r < 2; r++) {
            for (int i = 0; i < 3; i++) {
                e2[r * vocab + pick[i]] += x2[r * 3 + i];
            }
        }
        Tensor s2 = Ref.strided(x2, 2, 3);
        Ref.assertClose(Ref.toDouble(e2), Adjoints.zerosIndexAdd(Shape.of(2, vocab), 1, IntTensor.of(pick, 3), s2),
                Ref.RTOL, 1e-7, 2, vocab);
        assertMessage(IllegalArgumentException.class,
                () -> Adjoints.zerosIndexAdd(Shape.of(4, 3), 0, IntTensor.of(new int[] {1}, 1), Tensor.zeros(1, 2)),
                "zerosIndexAdd", "(1, 2)", "(1, 3)");
    }

    @Test
    void zerosScatterAddEqualsScatterAddIntoZeros() {
        float[] src = Ref.values(69, 6);
        int[][] idx = {{3, 0}, {1, 1}, {0, 3}};
        for (Tensor s : new Tensor[] {Tensor.of(src, 3, 2), Ref.strided(src, 3, 2)}) {
            float[] want = Tensor.zeros(3, 4).scatterAdd(1, IntTensor.of(idx), s).toArray();
            assertValues(want, Adjoints.zerosScatterAdd(Shape.of(3, 4), 1, IntTensor.of(idx), s), 3, 4);
        }
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    @Test
    void gatherFollowsPyTorch() {
        float[] x = Ref.values(65, 12);
        int[] xd = {3, 4};
        int[][] i1 = {{3, 0}, {1, 1}, {0, 2}}; // axis 1: out[i][j] = x[i][index[i][j]]
        for (Tensor t : new Tensor[] {Tensor.of(x, xd), Ref.strided(x, xd)}) {
            float[] e = new float[6];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 2; j++) {
                    e[i * 2 + j] = Ref.at(x, xd, i, i1[i][j]);
                }
            }
            assertValues(e, t.gather(1, IntTensor.of(i1)), 3, 2);
            assertValues(e, t.gather(-1, IntTensor.of(i1)), 3, 2);
            int[][] i0 = {{2, 0, 1, 2}, {0, 0, 0, 1}}; // axis 0: out[i][j] = x[index[i][j]][j]
            float[] e0 = new float[8];
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 4; j++) {
                    e0[i * 4 + j] = Ref.at(x, xd, i0[i][j], j);
                }
            }
            assertValues(e0, t.gather(0, IntTensor.of(i0)), 2, 4);
        }
        // picking the target log-probability per row, the cross-entropy use: index (B, 1) on axis -1
        Tensor lp = Tensor.of(x, 3, 4);
        assertValues(new float[] {x[2], x[4], x[11]}, lp.gather(-1, IntTensor.of(new int[] {2, 0, 3}, 3, 1)), 3, 1);
        // rank 3, axis 1
        float[] y = Ref.values(66, 24);
        int[] yd = {2, 3, 4};
        int[] iy = {2, 0, 1, 1, 0, 0, 2, 1, 1, 2, 0, 0, 1, 1, 2, 2};
        int[] id = {2, 2, 4};
        float[] ey = new float[16];
        for (int[] o : Ref.indices(id)) {
            ey[Ref.flat(id, o)] = Ref.at(y, yd, o[0], iy[Ref.flat(id, o)], o[2]);
        }
        assertValues(ey, Tensor.of(y, yd).gather(1, IntTensor.of(iy, id)), id);
    }

    @Test
    void scatterAddIsTheAdjointOfGather() {
        float[] x = Ref.values(67, 12);
        int[] xd = {3, 4};
        int[][] i1 = {{3, 3, 0}, {1, 1, 1}, {0, 2, 2}};
        float[] src = Ref.values(68, 9);
        double[] e = Ref.toDouble(x);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                e[i * 4 + i1[i][j]] += src[i * 3 + j];
            }
        }
        Ref.assertClose(e, Tensor.of(x, xd).scatterAdd(1, IntTensor.of(i1), Tensor.of(src, 3, 3)),
                Ref.RTOL, 1e-7, 3, 4);
        Ref.assertClose(e, Ref.strided(x, xd).scatterAdd(-1, IntTensor.of(i1), Ref.strided(src, 3, 3)), Ref.RTOL, 1e-7,
                3, 4);
        int[][] i0 = {{2, 2, 0, 1}, {2, 0, 0, 1}};
        float[] s0 = Ref.values(69, 8);
        double[] e0 = Ref.toDouble(x);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 4; j++) {
                e0[i0[i][j] * 4 + j] += s0[i * 4 + j];
            }
        }
        Ref.assertClose(e0, Tensor.of(x, xd).scatterAdd(0, IntTensor.of(i0), Tensor.of(s0, 2, 4)),
                Ref.RTOL, 1e-7, 3, 4);
        // <gather(x), s> = <x, scatterAdd(0, s)>
        double lhs = dot(Tensor.of(x, xd).gather(0, IntTensor.of(i0)).toArray(), s0);
        double rhs = dot(x, Tensor.zeros(3, 4).scatterAdd(0, IntTensor.of(i0), Tensor.of(s0, 2, 4)).toArray());
        org.junit.jupiter.api.Assertions.assertEquals(lhs, rhs, 1e-6);
    }

    @Test
    void badIndicesNameTheOpValueAndShape() {
        Tensor x = Tensor.zeros(3, 4);
        assertMessage(IndexOutOfBoundsException.class, () -> x.indexSelect(0, IntTensor.of(new int[] {0, 3}, 2)),
                "indexSelect", "3", "(3, 4)");
        assertMessage(IndexOutOfBoundsException.class, () -> x.indexSelect(1, IntTensor.of(new int[] {-1}, 1)),
                "indexSelect", "-1", "(3, 4)");
        assertMessage(IndexOutOfBoundsException.class, () -> x.gather(1, IntTensor.of(new int[][] {{4}, {0}, {0}})),
                "gather", "4", "(3, 4)");
        assertMessage(IndexOutOfBoundsException.class, () -> x.gather(0, IntTensor.of(new int[][] {{0, -1}})),
                "gather", "-1", "(3, 4)");
        assertMessage(IndexOutOfBoundsException.class,
                () -> x.scatterAdd(0, IntTensor.of(new int[][] {{3}}), Tensor.zeros(1, 1)),
                "scatterAdd", "3", "(3, 4)");
        assertMessage(IllegalArgumentException.class, () -> x.gather(1, IntTensor.of(new int[] {0}, 1)),
                "gather", "(1,)", "(3, 4)");
        assertMessage(IllegalArgumentException.class, () -> x.gather(1, IntTensor.of(new int[][] {{0}, {0}, {0}, {0}})),
                "gather", "(4, 1)", "(3, 4)");
        assertMessage(IllegalArgumentException.class,
                () -> x.scatterAdd(1, IntTensor.of(new int[][] {{0}}), Tensor.zeros(1, 2)), "scatterAdd", "(1, 2)",
                "(1, 1)");
        assertMessage(IllegalArgumentException.class, () -> x.indexSelect(2, IntTensor.of(new int[] {0}, 1)),
                "indexSelect", "axis 2", "(3, 4)");
        assertMessage(IllegalArgumentException.class, () -> x.gather(-3, IntTensor.of(new int[][] {{0}})),
                "gather", "axis -3", "(3, 4)");
        assertMessage(IllegalArgumentException.class,
                () -> x.indexAdd(5, IntTensor.of(new int[] {0}, 1), Tensor.zeros(3, 1)),
                "indexAdd", "axis 5", "(3, 4)");
        assertMessage(IllegalArgumentException.class,
                () -> x.scatterAdd(2, IntTensor.of(new int[][] {{0}}), Tensor.zeros(1, 1)), "scatterAdd", "axis 2");
    }
}
