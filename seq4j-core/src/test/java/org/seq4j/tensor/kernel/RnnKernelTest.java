package org.seq4j.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link VectorRnn} against {@link ScalarRnn}, row by row, for unit counts across the vector boundaries and at
 * offsets. Tolerance 2e-6 relative to the row's scale: the vector σ and tanh are within 2e-7 relative of exact
 * (VectorFunctions), the reference rounds once from double, and the gate arithmetic multiplies factors in [−1, 1]
 * (plus dh, dc of order 1), so a handful of roundings at 6e-8 each is all that separates them.
 */
class RnnKernelTest {
    private static final RnnKernel REF = new ScalarRnn();
    private static final RnnKernel VEC = new VectorRnn();
    private static final int[] UNITS = {1, 3, 15, 16, 17, 33, 128};

    private static float[] rand(SplittableRandom r, int n, float scale) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextDouble(-scale, scale);
        }
        return a;
    }

    private static void close(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 2e-6 * Math.max(1, Math.abs(expected[i])), what + " at " + i);
        }
    }

    @Test
    void lstmForwardAndBackward() {
        SplittableRandom r = new SplittableRandom(1);
        for (int u : UNITS) {
            int o = r.nextInt(4);
            float[] xw = rand(r, o + 4 * u, 3f);
            float[] z = rand(r, o + 4 * u, 3f);
            float[] cPrev = rand(r, o + u, 2f);
            float[] c1 = new float[o + u];
            float[] h1 = new float[o + u];
            float[] z1 = z.clone();
            float[] c2 = c1.clone();
            float[] h2 = h1.clone();
            float[] z2 = z.clone();
            REF.lstmForward(xw, o, z1, o, cPrev, o, c1, o, h1, o, u);
            VEC.lstmForward(xw, o, z2, o, cPrev, o, c2, o, h2, o, u);
            close(z1, z2, "lstm acts u=" + u);
            close(c1, c2, "lstm c u=" + u);
            close(h1, h2, "lstm h u=" + u);
            float[] dh = rand(r, o + u, 1f);
            float[] dc1 = rand(r, o + u, 1f);
            float[] dc2 = dc1.clone();
            float[] dz1 = new float[o + 4 * u];
            float[] dz2 = new float[o + 4 * u];
            REF.lstmBackward(z1, o, cPrev, o, c1, o, dh, o, dc1, o, dz1, o, new float[u], u);
            VEC.lstmBackward(z1, o, cPrev, o, c1, o, dh, o, dc2, o, dz2, o, new float[u], u);
            close(dz1, dz2, "lstm dz u=" + u);
            close(dc1, dc2, "lstm dc u=" + u);
            // in place (dz written over the activations it is computed from): the same values, bit for bit
            for (RnnKernel k : new RnnKernel[] {REF, VEC}) {
                float[] dcA = dc1.clone();
                float[] dcB = dc1.clone();
                float[] apart = new float[o + 4 * u];
                float[] inPlace = z1.clone();
                k.lstmBackward(z1, o, cPrev, o, c1, o, dh, o, dcA, o, apart, o, new float[u], u);
                k.lstmBackward(inPlace, o, cPrev, o, c1, o, dh, o, dcB, o, inPlace, o, new float[u], u);
                assertArrayEquals(java.util.Arrays.copyOfRange(apart, o, o + 4 * u),
                        java.util.Arrays.copyOfRange(inPlace, o, o + 4 * u), k + " in place u=" + u);
                assertArrayEquals(dcA, dcB, k + " in place dc u=" + u);
            }
        }
    }

    @Test
    void gruForwardAndBackward() {
        SplittableRandom r = new SplittableRandom(2);
        for (int u : UNITS) {
            int o = r.nextInt(4);
            float[] xw = rand(r, o + 3 * u, 3f);
            float[] hu = rand(r, o + 3 * u, 3f);
            float[] bias = rand(r, o + 3 * u, 1f);
            float[] hPrev = rand(r, o + u, 1f);
            float[] a1 = new float[o + 4 * u];
            float[] a2 = a1.clone();
            float[] h1 = new float[o + u];
            float[] h2 = h1.clone();
            REF.gruForward(xw, o, hu, o, bias, o, hPrev, o, a1, o, h1, o, u);
            VEC.gruForward(xw, o, hu, o, bias, o, hPrev, o, a2, o, h2, o, u);
            close(a1, a2, "gru acts u=" + u);
            close(h1, h2, "gru h u=" + u);
            float[] dh = rand(r, o + u, 1f);
            float[][] ref = {new float[o + 3 * u], new float[o + 3 * u], new float[o + u]};
            float[][] vec = {new float[o + 3 * u], new float[o + 3 * u], new float[o + u]};
            REF.gruBackward(a1, o, hPrev, o, dh, o, ref[0], o, ref[1], o, ref[2], o, u);
            VEC.gruBackward(a1, o, hPrev, o, dh, o, vec[0], o, vec[1], o, vec[2], o, u);
            for (int i = 0; i < 3; i++) {
                close(ref[i], vec[i], "gru backward " + i + " u=" + u);
            }
        }
    }
}
