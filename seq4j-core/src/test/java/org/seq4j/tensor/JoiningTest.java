package org.seq4j.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.seq4j.tensor.Ref.assertMessage;
import static org.seq4j.tensor.Ref.assertValues;

import java.util.List;
import org.junit.jupiter.api.Test;

/** concat, stack and split along every axis, against index math over the source arrays. */
class JoiningTest {
    private static final int[] DA = {2, 3, 4};
    private static final float[] A = Ref.values(71, 24);

    /** concat of (A in DA) with (b in bd) along axis, read element by element. */
    private static float[] concatRef(float[] b, int[] bd, int axis) {
        int[] out = DA.clone();
        out[axis] += bd[axis];
        float[] y = new float[Ref.size(out)];
        for (int[] o : Ref.indices(out)) {
            int[] i = o.clone();
            float v;
            if (o[axis] < DA[axis]) {
                v = Ref.at(A, DA, i);
            } else {
                i[axis] -= DA[axis];
                v = Ref.at(b, bd, i);
            }
            y[Ref.flat(out, o)] = v;
        }
        return y;
    }

    @Test
    void concatAlongEveryAxis() {
        for (int axis = 0; axis < 3; axis++) {
            int[] bd = DA.clone();
            bd[axis] = axis + 1;
            float[] b = Ref.values(72 + axis, Ref.size(bd));
            int[] out = DA.clone();
            out[axis] += bd[axis];
            float[] e = concatRef(b, bd, axis);
            assertValues(e, Tensor.concat(axis, Tensor.of(A, DA), Tensor.of(b, bd)), out);
            assertValues(e, Tensor.concat(axis - 3, Tensor.of(A, DA), Tensor.of(b, bd)), out);
            assertValues(e, Tensor.concat(axis, List.of(Ref.strided(A, DA), Ref.strided(b, bd))), out);
        }
        // three parts, one of them empty along the axis, one a narrowed view
        Tensor x = Tensor.of(Ref.iota(6), 2, 3);
        Tensor cat = Tensor.concat(1, x.narrow(1, 1, 2), Tensor.zeros(2, 0), x.mT().mT());
        assertValues(new float[] {1, 2, 0, 1, 2, 4, 5, 3, 4, 5}, cat, 2, 5);
        assertValues(Ref.iota(6), Tensor.concat(0, x), 2, 3);
        assertValues(new float[0], Tensor.concat(0, Tensor.zeros(0, 3), Tensor.zeros(0, 3)), 0, 3);
        Tensor one = Tensor.of(new float[] {1}, 1);
        assertValues(new float[] {1, 2, 3}, Tensor.concat(0, one, Tensor.of(new float[] {2, 3}, 2)), 3);
    }

    @Test
    void padZerosEqualsConcatWithZerosForAnyLayout() {
        for (int axis = 0; axis < 3; axis++) {
            int[] zb = DA.clone();
            zb[axis] = 2;
            int[] za = DA.clone();
            za[axis] = 1;
            int[] out = DA.clone();
            out[axis] += 3;
            float[] e = Tensor.concat(axis, Tensor.zeros(Shape.of(zb)), Tensor.of(A, DA), Tensor.zeros(Shape.of(za)))
                    .toArray();
            assertValues(e, Adjoints.padZeros(Tensor.of(A, DA), axis, 2, 1), out);
            assertValues(e, Adjoints.padZeros(Ref.strided(A, DA), axis - 3, 2, 1), out);
        }
        // a narrowed view (offset into its storage), padded back to where it came from: the narrow gradient
        Tensor x = Tensor.of(Ref.iota(12), 3, 4);
        assertValues(new float[] {0, 1, 2, 0, 0, 5, 6, 0, 0, 9, 10, 0}, Adjoints.padZeros(x.narrow(1, 1, 2), 1, 1, 1), 3, 4);
        assertValues(new float[] {0, 0, 0, 0, 4, 5, 6, 7}, Adjoints.padZeros(x.select(0, 1).unsqueeze(0), 0, 1, 0), 2, 4);
        assertValues(Ref.iota(12), Adjoints.padZeros(x, 0, 0, 0), 3, 4);
        Ref.assertMessage(IllegalArgumentException.class, () -> Adjoints.padZeros(x, 0, -1, 0), "padZeros", "-1", "(3, 4)");
    }

    @Test
    void stackAlongEveryAxis() {
        float[] b = Ref.values(75, 24);
        for (int axis = -4; axis < 4; axis++) {
            int a = axis < 0 ? axis + 4 : axis;
            int[] out = new int[4];
            for (int i = 0, j = 0; i < 4; i++) {
                out[i] = i == a ? 2 : DA[j++];
            }
            float[] e = new float[48];
            for (int[] o : Ref.indices(out)) {
                int[] i = new int[3];
                for (int s = 0, t = 0; s < 4; s++) {
                    if (s != a) {
                        i[t++] = o[s];
                    }
                }
                e[Ref.flat(out, o)] = o[a] == 0 ? Ref.at(A, DA, i) : Ref.at(b, DA, i);
            }
            assertValues(e, Tensor.stack(axis, Tensor.of(A, DA), Tensor.of(b, DA)), out);
            assertValues(e, Tensor.stack(axis, List.of(Ref.strided(A, DA), Tensor.of(b, DA))), out);
        }
        assertValues(new float[] {1, 2}, Tensor.stack(0, Tensor.scalar(1), Tensor.scalar(2)), 2);
    }

    @Test
    void splitReturnsViews() {
        Tensor x = Tensor.of(A, DA);
        List<Tensor> parts = x.split(-1, 1, 0, 3);
        assertEquals(3, parts.size());
        float[] first = new float[6];
        float[] rest = new float[18];
        for (int i = 0; i < 6; i++) {
            first[i] = A[i * 4];
            System.arraycopy(A, i * 4 + 1, rest, i * 3, 3);
        }
        assertValues(first, parts.get(0), 2, 3, 1);
        assertValues(new float[0], parts.get(1), 2, 3, 0);
        assertValues(rest, parts.get(2), 2, 3, 3);
        assertFalse(parts.get(2).isContiguous());
        assertEquals(x.data, parts.get(2).data); // a view of x's storage
        // split then concat is the identity, along any axis
        assertValues(A, Tensor.concat(1, x.split(1, 2, 1)), DA);
        assertValues(A, Tensor.concat(0, x.split(0, 1, 1)), DA);
        assertValues(A, Tensor.concat(2, x.split(2, 1, 0, 3)), DA);
    }

    @Test
    void mismatchedShapesNameTheOpAndShapes() {
        Tensor a = Tensor.zeros(2, 3);
        assertMessage(IllegalArgumentException.class, () -> Tensor.concat(0, a, Tensor.zeros(2, 4)),
                "concat", "(2, 3)", "(2, 4)");
        assertMessage(IllegalArgumentException.class, () -> Tensor.concat(1, a, Tensor.zeros(3, 3)),
                "concat", "(2, 3)", "(3, 3)");
        assertMessage(IllegalArgumentException.class, () -> Tensor.concat(0, a, Tensor.zeros(2, 3, 1)),
                "concat", "(2, 3)", "(2, 3, 1)");
        assertMessage(IllegalArgumentException.class, () -> Tensor.concat(2, a, a), "concat", "axis 2", "(2, 3)");
        assertMessage(IllegalArgumentException.class, () -> Tensor.concat(0, List.of()), "concat");
        assertMessage(IllegalArgumentException.class, () -> Tensor.stack(0, a, Tensor.zeros(3, 2)),
                "stack", "(2, 3)", "(3, 2)");
        assertMessage(IllegalArgumentException.class, () -> Tensor.stack(3, a, a), "stack", "axis 3", "(2, 3)");
        assertMessage(IllegalArgumentException.class, () -> Tensor.stack(0, List.of()), "stack");
        assertMessage(IllegalArgumentException.class, () -> a.split(1, 1, 1), "split", "[1, 1]", "(2, 3)");
        assertMessage(IllegalArgumentException.class, () -> a.split(1, 4, -1), "split", "(2, 3)");
        assertMessage(IllegalArgumentException.class, () -> a.split(2, 3), "split", "axis 2", "(2, 3)");
    }
}
