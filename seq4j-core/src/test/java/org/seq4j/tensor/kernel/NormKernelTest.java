package org.seq4j.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link VectorNorm} against {@link ScalarNorm} for rows across the vector boundaries, at offsets, with a shifted
 * mean. Tolerance 1e-5 relative to the row's scale: the two sum n terms in different orders (lane-wise, then
 * across lanes), which for n ≤ 300 terms of order 1 moves μ, σ² and the backward means by ~n·6e-8 at worst.
 */
class NormKernelTest {
    private static final NormKernel REF = new ScalarNorm();
    private static final NormKernel VEC = new VectorNorm();

    private static float[] rand(SplittableRandom r, int n, double lo, double hi) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextDouble(lo, hi);
        }
        return a;
    }

    private static void close(float[] expected, float[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5 * Math.max(1, Math.abs(expected[i])), what + " at " + i);
        }
    }

    @Test
    void layerNormForwardAndBackward() {
        SplittableRandom r = new SplittableRandom(3);
        for (int n : new int[] {1, 2, 7, 16, 17, 40, 256, 300}) {
            int o = r.nextInt(4);
            float[] x = rand(r, o + n, 1.5, 4.5);                     // mean far from 0: the centring matters
            float[] gamma = rand(r, n, 0.5, 1.5);
            float[] beta = rand(r, n, -0.5, 0.5);
            float[] y1 = new float[o + n];
            float[] y2 = new float[o + n];
            float[] s1 = new float[2];
            float[] s2 = new float[2];
            REF.layerNormForward(x, o, gamma, beta, 1e-3f, y1, o, s1, 0, n);
            VEC.layerNormForward(x, o, gamma, beta, 1e-3f, y2, o, s2, 0, n);
            close(y1, y2, "y n=" + n);
            close(s1, s2, "stats n=" + n);
            float[] dy = rand(r, o + n, -1, 1);
            float[] dx1 = new float[o + n];
            float[] dx2 = new float[o + n];
            float[] dg1 = rand(r, n, -1, 1);
            float[] dg2 = dg1.clone();
            float[] db1 = rand(r, n, -1, 1);
            float[] db2 = db1.clone();
            REF.layerNormBackward(x, o, dy, o, gamma, s1[0], s1[1], dx1, o, dg1, db1, n);
            VEC.layerNormBackward(x, o, dy, o, gamma, s1[0], s1[1], dx2, o, dg2, db2, n);
            close(dx1, dx2, "dx n=" + n);
            close(dg1, dg2, "dgamma n=" + n);
            close(db1, db2, "dbeta n=" + n);
        }
    }
}
