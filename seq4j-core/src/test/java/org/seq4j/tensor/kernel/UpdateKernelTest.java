package org.seq4j.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link VectorUpdate} against {@link ScalarUpdate}: the same bits (every operation is exactly rounded and done in
 * the same order), for lengths across the vector boundaries, at offsets, in place.
 */
class UpdateKernelTest {

    @Test
    void adamIsBitForBitTheReference() {
        SplittableRandom r = new SplittableRandom(4);
        for (int n : new int[] {0, 1, 15, 16, 17, 100, 1000}) {
            int off = r.nextInt(5);
            float[] p = new float[off + n];
            float[] g = new float[off + n];
            float[] m = new float[off + n];
            float[] v = new float[off + n];
            for (int i = 0; i < off + n; i++) {
                p[i] = (float) r.nextGaussian();
                g[i] = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(-6, 2)));
                m[i] = (float) r.nextGaussian() * 0.1f;
                v[i] = (float) Math.abs(r.nextGaussian()) * 0.01f;
            }
            float[][] ref = {p.clone(), m.clone(), v.clone()};
            float[][] vec = {p.clone(), m.clone(), v.clone()};
            new ScalarUpdate().adam(p, g, m, v, off, 0.1f, 0.001f, 3e-4f, 1e-7f, ref[0], ref[1], ref[2], n);
            float[][] in = {p.clone(), m.clone(), v.clone()};
            new VectorUpdate().adam(in[0], g, in[1], in[2], off, 0.1f, 0.001f, 3e-4f, 1e-7f, in[0], in[1], in[2], n);
            for (int k = 0; k < 3; k++) {
                assertArrayEquals(ref[k], in[k], "n=" + n + " output " + k);
            }
        }
    }
}
