package org.seq4j.tensor.kernel;

/** The reference {@link UpdateKernel}. */
final class ScalarUpdate implements UpdateKernel {

    @Override
    public void adam(float[] p, float[] g, float[] m, float[] v, int off, float c1, float c2, float alpha, float eps,
                     float[] pOut, float[] mOut, float[] vOut, int n) {
        for (int i = off; i < off + n; i++) {
            float gi = g[i];
            float mi = m[i] + (gi - m[i]) * c1;
            float vi = v[i] + (gi * gi - v[i]) * c2;
            mOut[i] = mi;
            vOut[i] = vi;
            pOut[i] = p[i] - mi * alpha / ((float) Math.sqrt(vi) + eps);
        }
    }
}
