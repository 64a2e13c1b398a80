package org.seq4j.tensor.kernel;

import static jdk.incubator.vector.FloatVector.fromArray;
import static org.seq4j.tensor.kernel.VectorMath.L;
import static org.seq4j.tensor.kernel.VectorMath.SPECIES;

import jdk.incubator.vector.FloatVector;

/** {@link ScalarUpdate} on {@link VectorMath#SPECIES} lanes; no FMA, so every lane rounds as the reference does. */
final class VectorUpdate implements UpdateKernel {

    @Override
    public void adam(float[] p, float[] g, float[] m, float[] v, int off, float c1, float c2, float alpha, float eps,
                     float[] pOut, float[] mOut, float[] vOut, int n) {
        int i = off;
        int end = off + n;
        for (int bound = off + SPECIES.loopBound(n); i < bound; i += L) {
            FloatVector gi = fromArray(SPECIES, g, i);
            FloatVector m0 = fromArray(SPECIES, m, i);
            FloatVector v0 = fromArray(SPECIES, v, i);
            FloatVector mi = m0.add(gi.sub(m0).mul(c1));
            FloatVector vi = v0.add(gi.mul(gi).sub(v0).mul(c2));
            mi.intoArray(mOut, i);
            vi.intoArray(vOut, i);
            fromArray(SPECIES, p, i).sub(mi.mul(alpha).div(vi.sqrt().add(eps))).intoArray(pOut, i);
        }
        for (; i < end; i++) {
            float gi = g[i];
            float mi = m[i] + (gi - m[i]) * c1;
            float vi = v[i] + (gi * gi - v[i]) * c2;
            mOut[i] = mi;
            vOut[i] = vi;
            pOut[i] = p[i] - mi * alpha / ((float) Math.sqrt(vi) + eps);
        }
    }
}
