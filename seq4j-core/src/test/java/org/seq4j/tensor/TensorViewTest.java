package org.seq4j.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seq4j.tensor.Ref.assertValues;

import org.junit.jupiter.api.Test;

/** Views share storage and copy nothing; whatever the layout, values come out in row-major order. */
class TensorViewTest {
    private static final int[] D234 = {2, 3, 4};
    private static final float[] X234 = Ref.iota(24);

    private static Tensor x234() {
        return Tensor.of(X234, D234);
    }

    /** True when {@code view} reads from {@code base}'s storage (a view, not a copy). */
    private static boolean shares(Tensor view, Tensor base) {
        return view.data == base.data;
    }

    @Test
    void reshapeOfContiguousIsAView() {
        Tensor x = x234();
        Tensor r = x.reshape(4, -1);
        assertValues(X234, r, 4, 6);
        assertTrue(shares(r, x));
        assertTrue(r.isContiguous());
        assertValues(X234, x.reshape(-1, 2, 3), 4, 2, 3);
        assertValues(X234, x.flatten(), 24);
        assertValues(new float[] {5}, Tensor.of(new float[] {5}, 1, 1).reshape(), new int[0]);
        assertValues(new float[] {5}, Tensor.scalar(5).reshape(1, 1, -1), 1, 1, 1);
        assertValues(new float[0], Tensor.zeros(0, 3).reshape(3, 0, 5), 3, 0, 5);
    }

    @Test
    void permuteAndTransposeAreViewsAndReadCorrectly() {
        Tensor x = x234();
        Tensor p = x.permute(2, 0, 1); // (4, 2, 3)
        float[] expected = new float[24];
        int f = 0;
        for (int k = 0; k < 4; k++) {
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 3; j++) {
                    expected[f++] = Ref.at(X234, D234, i, j, k);
                }
            }
        }
        assertValues(expected, p, 4, 2, 3);
        assertTrue(shares(p, x));
        assertFalse(p.isContiguous());
        Tensor c = p.contiguous();
        assertTrue(c.isContiguous());
        assertValues(expected, c, 4, 2, 3);
        assertSame(x, x.contiguous());
        // negative axes
        assertValues(expected, x.permute(-1, -3, -2), 4, 2, 3);

        Tensor t = x.transpose(0, -1); // (4, 3, 2)
        f = 0;
        for (int k = 0; k < 4; k++) {
            for (int j = 0; j < 3; j++) {
                for (int i = 0; i < 2; i++) {
                    expected[f++] = Ref.at(X234, D234, i, j, k);
                }
            }
        }
        assertValues(expected, t, 4, 3, 2);
        assertValues(x.transpose(2, 1).toArray(), x.mT(), 2, 4, 3);
        f = 0;
        for (int i = 0; i < 2; i++) {
            for (int k = 0; k < 4; k++) {
                for (int j = 0; j < 3; j++) {
                    expected[f++] = Ref.at(X234, D234, i, j, k);
                }
            }
        }
        assertValues(expected, x.mT(), 2, 4, 3);
        assertValues(X234, x.mT().mT(), 2, 3, 4);
        assertTrue(x.mT().mT().isContiguous());
    }

    @Test
    void reshapeOfTransposedViewCopiesAndIsRight() {
        Tensor t = Tensor.of(Ref.iota(6), 2, 3).mT(); // (3, 2): [[0,3],[1,4],[2,5]]
        assertValues(new float[] {0, 3, 1, 4, 2, 5}, t.reshape(6), 6);
        assertValues(new float[] {0, 3, 1, 4, 2, 5}, t.reshape(2, 3), 2, 3);
        assertValues(new float[] {0, 3, 1, 4, 2, 5}, t.flatten(), 6);
    }

    @Test
    void reshapeOfPermutedViewThatCanStayAView() {
        // (2, 3, 4) permuted to (3, 4, 2): the (3, 4) pair is still contiguous within itself
        Tensor x = x234();
        Tensor p = x.permute(1, 2, 0);
        Tensor r = p.reshape(12, 2);
        float[] expected = new float[24];
        for (int j = 0; j < 3; j++) {
            for (int k = 0; k < 4; k++) {
                for (int i = 0; i < 2; i++) {
                    expected[(j * 4 + k) * 2 + i] = Ref.at(X234, D234, i, j, k);
                }
            }
        }
        assertValues(expected, r, 12, 2);
        assertTrue(shares(r, x), "merging a contiguous pair needs no copy");
        assertValues(expected, p.reshape(3, 2, 2, 2), 3, 2, 2, 2);
        assertValues(expected, p.reshape(-1), 24);
    }

    @Test
    void reshapeOfNarrowedViews() {
        Tensor x = x234();
        // rows 1..2 of every (3, 4) block: (2, 2, 4); merging the last two is a view, merging all is not
        Tensor n = x.narrow(1, 1, 2);
        float[] expected = new float[16];
        int f = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 1; j < 3; j++) {
                for (int k = 0; k < 4; k++) {
                    expected[f++] = Ref.at(X234, D234, i, j, k);
                }
            }
        }
        assertValues(expected, n.reshape(2, 8), 2, 8);
        assertTrue(shares(n.reshape(2, 8), x));
        assertValues(expected, n.reshape(16), 16);
        assertValues(expected, n.reshape(4, 2, 2), 4, 2, 2);
        // a size-1 dimension between two that do not merge must not fool the view rule
        Tensor one = x.narrow(1, 0, 1); // (2, 1, 4): elements 0..3 and 12..15
        assertValues(new float[] {0, 1, 2, 3, 12, 13, 14, 15}, one.reshape(8), 8);
        assertValues(new float[] {0, 1, 2, 3, 12, 13, 14, 15}, one.reshape(2, 4), 2, 4);
        Tensor col = x.narrow(2, 1, 1); // (2, 3, 1): elements 1, 5, 9, 13, 17, 21
        assertValues(new float[] {1, 5, 9, 13, 17, 21}, col.reshape(6), 6);
        assertValues(new float[] {1, 5, 9, 13, 17, 21}, col.reshape(3, 1, 2), 3, 1, 2);
        // a size-1 dimension inside a mergeable run, with a stride unrelated to its neighbours: (2, 3, 1, 4) with
        // strides (0, 4, 12, 1) over elements 12..23, repeated
        Tensor mid = x.permute(1, 0, 2).narrow(1, 1, 1).unsqueeze(0).expand(2, 3, 1, 4);
        float[] twice = new float[24];
        for (int i = 0; i < 24; i++) {
            twice[i] = 12 + i % 12;
        }
        Tensor merged = mid.reshape(2, 12);
        assertValues(twice, merged, 2, 12);
        assertTrue(shares(merged, x), "(3, 1, 4) is one run whatever the size-1 stride");
    }

    @Test
    void narrowSliceSelect() {
        Tensor x = x234();
        Tensor n = x.narrow(-1, 1, 2); // (2, 3, 2)
        float[] expected = new float[12];
        int f = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 1; k < 3; k++) {
                    expected[f++] = Ref.at(X234, D234, i, j, k);
                }
            }
        }
        assertValues(expected, n, 2, 3, 2);
        assertTrue(shares(n, x));
        assertFalse(n.isContiguous());
        assertTrue(x.narrow(0, 1, 1).isContiguous(), "a leading narrow is still one run");
        assertValues(new float[0], x.narrow(1, 3, 0), 2, 0, 4);

        Tensor v = Tensor.of(Ref.iota(10), 10);
        assertValues(new float[] {1, 4, 7}, v.slice(0, 1, 9, 3), 3);          // v[1:9:3]
        assertValues(new float[] {7, 8}, v.slice(0, -3, -1, 1), 2);           // v[-3:-1]
        assertValues(new float[] {0, 2, 4, 6, 8}, v.slice(0, 0, 100, 2), 5);  // end clamps
        assertValues(new float[] {0, 1}, v.slice(0, -100, 2, 1), 2);          // start clamps
        assertValues(new float[0], v.slice(0, 5, 2, 1), 0);                   // empty
        assertValues(new float[0], v.slice(0, 10, 20, 1), 0);
        assertValues(new float[] {3}, v.slice(0, 3, 10, Integer.MAX_VALUE), 1);
        Tensor s = x.slice(1, 0, 3, 2).slice(2, 1, 4, 2); // (2, 2, 2): j in {0, 2}, k in {1, 3}
        f = 0;
        float[] e2 = new float[8];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j += 2) {
                for (int k = 1; k < 4; k += 2) {
                    e2[f++] = Ref.at(X234, D234, i, j, k);
                }
            }
        }
        assertValues(e2, s, 2, 2, 2);
        assertTrue(shares(s, x));

        assertValues(new float[] {4, 5, 6, 7, 16, 17, 18, 19}, x.select(1, 1), 2, 4);
        assertValues(new float[] {8, 9, 10, 11, 20, 21, 22, 23}, x.select(1, -1), 2, 4);
        assertValues(new float[] {14}, x.select(0, 1).select(0, 0).select(0, 2), new int[0]);
        assertTrue(shares(x.select(2, 3), x));
    }

    @Test
    void squeezeUnsqueezeExpand() {
        Tensor x = Tensor.of(Ref.iota(6), 2, 3);
        assertValues(Ref.iota(6), x.unsqueeze(0), 1, 2, 3);
        assertValues(Ref.iota(6), x.unsqueeze(1), 2, 1, 3);
        assertValues(Ref.iota(6), x.unsqueeze(2), 2, 3, 1);
        assertValues(Ref.iota(6), x.unsqueeze(-1), 2, 3, 1);
        assertValues(Ref.iota(6), x.unsqueeze(-3), 1, 2, 3);
        assertValues(Ref.iota(6), x.unsqueeze(1).squeeze(1), 2, 3);
        assertValues(Ref.iota(6), x.unsqueeze(-1).squeeze(-1), 2, 3);
        assertTrue(x.unsqueeze(1).isContiguous());
        assertValues(new float[] {0, 3, 1, 4, 2, 5}, x.mT().unsqueeze(1).squeeze(1), 3, 2);
        assertValues(new float[] {7}, Tensor.scalar(7).unsqueeze(0), 1);

        Tensor row = Tensor.of(new float[] {1, 2, 3}, 3);
        Tensor e = row.expand(2, 3);
        assertValues(new float[] {1, 2, 3, 1, 2, 3}, e, 2, 3);
        assertTrue(shares(e, row));
        assertFalse(e.isContiguous());
        assertValues(new float[] {1, 2, 3, 1, 2, 3}, e.contiguous(), 2, 3);
        Tensor col = Tensor.of(new float[] {1, 2}, 2, 1);
        assertValues(new float[] {1, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2}, col.expand(2, 2, 3), 2, 2, 3);
        assertValues(new float[0], col.expand(2, 0), 2, 0);
        assertValues(new float[] {4, 4, 4}, Tensor.scalar(4).expand(3), 3);
        // expanding a transposed view
        assertValues(new float[] {0, 3, 1, 4, 2, 5, 0, 3, 1, 4, 2, 5}, x.mT().expand(2, 3, 2), 2, 3, 2);
        // reshape of an expanded view must read the repeats, whether it can stay a view or not
        assertValues(new float[] {1, 2, 3, 1, 2, 3}, e.reshape(6), 6);
        assertValues(new float[] {1, 2, 3, 1, 2, 3}, e.reshape(2, 3, 1), 2, 3, 1);
    }

    @Test
    void chainOfViewsSeesTheOriginalStorage() {
        float[] d = Ref.values(3, 5 * 6 * 7);
        int[] dims = {5, 6, 7};
        Tensor x = Tensor.of(d, dims);
        // x[1:5:2, ::-ish, 2] via views, then transpose, then unsqueeze, then narrow
        Tensor v = x.slice(0, 1, 5, 2).select(2, 2).mT().unsqueeze(0).narrow(1, 1, 4); // (1, 4, 2)
        float[] expected = new float[8];
        int f = 0;
        for (int j = 1; j < 5; j++) {
            for (int i = 1; i < 5; i += 2) {
                expected[f++] = Ref.at(d, dims, i, j, 2);
            }
        }
        assertValues(expected, v, 1, 4, 2);
        assertTrue(shares(v, x));
        assertValues(expected, v.contiguous(), 1, 4, 2);
        assertValues(expected, v.reshape(8), 8);
        assertValues(expected, v.reshape(2, 2, 2), 2, 2, 2);
        assertEquals(expected[5], v.get(0, 2, 1));
    }
}
