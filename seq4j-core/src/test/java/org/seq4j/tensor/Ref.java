package org.seq4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.function.Executable;

/**
 * Independent reference arithmetic for the tensor tests: plain row-major index math over {@code float[]}, never the
 * code under test. Tests build inputs from arrays they own and compute expected values here.
 */
final class Ref {
    /** The default relative tolerance: the scalar kernels compute in double and round once or twice. */
    static final double RTOL = 1e-6;

    private Ref() {}

    /** n reproducible values in [-1, 1) (a fixed seed per call site keeps failures reproducible). */
    static float[] values(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return v;
    }

    /** 0, 1, 2, ... as floats. */
    static float[] iota(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return v;
    }

    static int size(int... dims) {
        int n = 1;
        for (int d : dims) {
            n *= d;
        }
        return n;
    }

    /** Row-major flat position of {@code idx} in {@code dims}. */
    static int flat(int[] dims, int... idx) {
        int f = 0;
        for (int i = 0; i < dims.length; i++) {
            if (idx[i] < 0 || idx[i] >= dims[i]) {
                throw new AssertionError("reference index out of range");
            }
            f = f * dims[i] + idx[i];
        }
        return f;
    }

    static float at(float[] data, int[] dims, int... idx) {
        return data[flat(dims, idx)];
    }

    /** Every index of {@code dims} in row-major order. */
    static List<int[]> indices(int... dims) {
        List<int[]> out = new ArrayList<>();
        int n = size(dims);
        for (int f = 0; f < n; f++) {
            int[] idx = new int[dims.length];
            int rest = f;
            for (int d = dims.length - 1; d >= 0; d--) {
                idx[d] = rest % dims[d];
                rest /= dims[d];
            }
            out.add(idx);
        }
        return out;
    }

    /** The element of a source (data, dims) that NumPy broadcasting reads for output index {@code outIdx}. */
    static float bcast(float[] data, int[] dims, int[] outIdx) {
        int lead = outIdx.length - dims.length;
        int[] idx = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            idx[i] = dims[i] == 1 ? 0 : outIdx[lead + i];
        }
        return at(data, dims, idx);
    }

    static void assertShape(Tensor t, int... dims) {
        assertArrayEquals(dims, t.shape().dims(), () -> "shape of " + t.shape());
    }

    /** Shape and values exactly, both through toArray() and through get() (two different read paths). */
    static void assertValues(float[] expected, Tensor t, int... dims) {
        assertShape(t, dims);
        assertArrayEquals(expected, t.toArray(), "toArray");
        List<int[]> idx = indices(dims);
        for (int i = 0; i < idx.size(); i++) {
            assertEquals(expected[i], t.get(idx.get(i)), "get" + java.util.Arrays.toString(idx.get(i)));
        }
    }

    static void assertClose(double[] expected, Tensor t, double rtol, double atol, int... dims) {
        assertShape(t, dims);
        float[] got = t.toArray();
        assertEquals(expected.length, got.length, "length");
        for (int i = 0; i < got.length; i++) {
            double e = expected[i];
            double g = got[i];
            if (Double.isNaN(e) || Double.isInfinite(e)) {
                assertEquals(e, g, "element " + i);
            } else if (!(Math.abs(g - e) <= atol + rtol * Math.abs(e))) {
                fail("element " + i + ": expected " + e + " but was " + g + " (rtol " + rtol + ", atol " + atol + ")");
            }
        }
    }

    static void assertClose(double[] expected, Tensor t, int... dims) {
        assertClose(expected, t, RTOL, 0, dims);
    }

    /** Asserts that {@code call} throws {@code type} whose message contains every one of {@code parts}. */
    static <T extends Throwable> T assertMessage(Class<T> type, Executable call, String... parts) {
        T e = assertThrows(type, call);
        String m = String.valueOf(e.getMessage());
        for (String p : parts) {
            assertTrue(m.contains(p), () -> "message \"" + m + "\" lacks \"" + p + "\"");
        }
        return e;
    }

    /** A non-contiguous tensor holding {@code data} as {@code dims}: a transposed copy transposed back. */
    static Tensor strided(float[] data, int... dims) {
        int r = dims.length;
        int[] rev = new int[r];
        for (int i = 0; i < r; i++) {
            rev[i] = dims[r - 1 - i];
        }
        float[] t = new float[data.length];
        for (int[] idx : indices(dims)) {
            int[] ridx = new int[r];
            for (int i = 0; i < r; i++) {
                ridx[i] = idx[r - 1 - i];
            }
            t[flat(rev, ridx)] = at(data, dims, idx);
        }
        int[] perm = new int[r];
        for (int i = 0; i < r; i++) {
            perm[i] = r - 1 - i;
        }
        return Tensor.of(t, rev).permute(perm);
    }

    static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
