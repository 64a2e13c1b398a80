package org.seq4j.tensor.kernel;

import static jdk.incubator.vector.FloatVector.fromArray;
import static org.seq4j.tensor.kernel.VectorMath.L;
import static org.seq4j.tensor.kernel.VectorMath.SPECIES;

import jdk.incubator.vector.FloatVector;

/**
 * {@link ScalarRnn} on {@link VectorMath#SPECIES} lanes. σ and tanh go through {@link VectorFunctions}' array
 * kernels (memory to memory: no vector crosses a method of ours); the gate arithmetic is one loop per formula, its
 * tail in scalar code with the same operations in the same order (they are exactly rounded, so lanes and tail
 * agree bit for bit).
 */
final class VectorRnn implements RnnKernel {
    private static final FloatVector ONE = FloatVector.broadcast(SPECIES, 1f);

    @Override
    public void lstmForward(float[] xw, int xwOff, float[] z, int zOff, float[] cPrev, int cPrevOff,
                            float[] c, int cOff, float[] h, int hOff, int u) {
        int n = 4 * u;
        int j = 0;
        for (int bound = SPECIES.loopBound(n); j < bound; j += L) {
            fromArray(SPECIES, z, zOff + j).add(fromArray(SPECIES, xw, xwOff + j)).intoArray(z, zOff + j);
        }
        for (; j < n; j++) {
            z[zOff + j] = z[zOff + j] + xw[xwOff + j];
        }
        VectorFunctions.sigmoid(z, zOff, z, zOff, 2 * u);                  // i, f
        VectorFunctions.tanh(z, zOff + 2 * u, z, zOff + 2 * u, u);         // g
        VectorFunctions.sigmoid(z, zOff + 3 * u, z, zOff + 3 * u, u);      // o
        j = 0;
        for (int bound = SPECIES.loopBound(u); j < bound; j += L) {
            FloatVector i = fromArray(SPECIES, z, zOff + j);
            FloatVector f = fromArray(SPECIES, z, zOff + u + j);
            FloatVector g = fromArray(SPECIES, z, zOff + 2 * u + j);
            f.mul(fromArray(SPECIES, cPrev, cPrevOff + j)).add(i.mul(g)).intoArray(c, cOff + j);
        }
        for (; j < u; j++) {
            c[cOff + j] = z[zOff + u + j] * cPrev[cPrevOff + j] + z[zOff + j] * z[zOff + 2 * u + j];
        }
        VectorFunctions.tanh(c, cOff, h, hOff, u);
        j = 0;
        for (int bound = SPECIES.loopBound(u); j < bound; j += L) {
            fromArray(SPECIES, z, zOff + 3 * u + j).mul(fromArray(SPECIES, h, hOff + j)).intoArray(h, hOff + j);
        }
        for (; j < u; j++) {
            h[hOff + j] = z[zOff + 3 * u + j] * h[hOff + j];
        }
    }

    @Override
    public void lstmBackward(float[] a, int aOff, float[] cPrev, int cPrevOff, float[] c, int cOff, float[] dh,
                             int dhOff, float[] dc, int dcOff, float[] dz, int dzOff, float[] scratch, int u) {
        VectorFunctions.tanh(c, cOff, scratch, 0, u);
        int j = 0;
        for (int bound = SPECIES.loopBound(u); j < bound; j += L) {
            FloatVector i = fromArray(SPECIES, a, aOff + j);
            FloatVector f = fromArray(SPECIES, a, aOff + u + j);
            FloatVector g = fromArray(SPECIES, a, aOff + 2 * u + j);
            FloatVector o = fromArray(SPECIES, a, aOff + 3 * u + j);
            FloatVector tc = fromArray(SPECIES, scratch, j);
            FloatVector d = fromArray(SPECIES, dh, dhOff + j);
            FloatVector dcj = fromArray(SPECIES, dc, dcOff + j).add(d.mul(o).mul(ONE.sub(tc.mul(tc))));
            dcj.mul(g).mul(i).mul(ONE.sub(i)).intoArray(dz, dzOff + j);
            dcj.mul(fromArray(SPECIES, cPrev, cPrevOff + j)).mul(f).mul(ONE.sub(f)).intoArray(dz, dzOff + u + j);
            dcj.mul(i).mul(ONE.sub(g.mul(g))).intoArray(dz, dzOff + 2 * u + j);
            d.mul(tc).mul(o).mul(ONE.sub(o)).intoArray(dz, dzOff + 3 * u + j);
            dcj.mul(f).intoArray(dc, dcOff + j);
        }
        for (; j < u; j++) {
            float i = a[aOff + j];
            float f = a[aOff + u + j];
            float g = a[aOff + 2 * u + j];
            float o = a[aOff + 3 * u + j];
            float tc = scratch[j];
            float d = dh[dhOff + j];
            float dcj = dc[dcOff + j] + d * o * (1f - tc * tc);
            dz[dzOff + j] = dcj * g * i * (1f - i);
            dz[dzOff + u + j] = dcj * cPrev[cPrevOff + j] * f * (1f - f);
            dz[dzOff + 2 * u + j] = dcj * i * (1f - g * g);
            dz[dzOff + 3 * u + j] = d * tc * o * (1f - o);
            dc[dcOff + j] = dcj * f;
        }
    }

    @Override
    public void gruForward(float[] xw, int xwOff, float[] hu, int huOff, float[] bias, int biasOff, float[] hPrev,
                           int hPrevOff, float[] a, int aOff, float[] h, int hOff, int u) {
        int j = 0;
        for (int bound = SPECIES.loopBound(2 * u); j < bound; j += L) {     // z, r pre-activations
            FloatVector hb = fromArray(SPECIES, hu, huOff + j).add(fromArray(SPECIES, bias, biasOff + j));
            fromArray(SPECIES, xw, xwOff + j).add(hb).intoArray(a, aOff + j);
        }
        for (; j < 2 * u; j++) {
            a[aOff + j] = xw[xwOff + j] + (hu[huOff + j] + bias[biasOff + j]);
        }
        VectorFunctions.sigmoid(a, aOff, a, aOff, 2 * u);
        j = 0;
        for (int bound = SPECIES.loopBound(u); j < bound; j += L) {        // hn = hu_n + b'_n, n's pre-activation
            FloatVector hn = fromArray(SPECIES, hu, huOff + 2 * u + j)
                    .add(fromArray(SPECIES, bias, biasOff + 2 * u + j));
            hn.intoArray(a, aOff + 3 * u + j);
            FloatVector r = fromArray(SPECIES, a, aOff + u + j);
            fromArray(SPECIES, xw, xwOff + 2 * u + j).add(r.mul(hn)).intoArray(a, aOff + 2 * u + j);
        }
        for (; j < u; j++) {
            float hn = hu[huOff + 2 * u + j] + bias[biasOff + 2 * u + j];
            a[aOff + 3 * u + j] = hn;
            a[aOff + 2 * u + j] = xw[xwOff + 2 * u + j] + a[aOff + u + j] * hn;
        }
        VectorFunctions.tanh(a, aOff + 2 * u, a, aOff + 2 * u, u);
        j = 0;
        for (int bound = SPECIES.loopBound(u); j < bound; j += L) {
            FloatVector z = fromArray(SPECIES, a, aOff + j);
            FloatVector n = fromArray(SPECIES, a, aOff + 2 * u + j);
            n.add(z.mul(fromArray(SPECIES, hPrev, hPrevOff + j).sub(n))).intoArray(h, hOff + j);
        }
        for (; j < u; j++) {
            float n = a[aOff + 2 * u + j];
            h[hOff + j] = n + a[aOff + j] * (hPrev[hPrevOff + j] - n);
        }
    }

    @Override
    public void gruBackward(float[] a, int aOff, float[] hPrev, int hPrevOff, float[] dh, int dhOff, float[] dxw,
                            int dxwOff, float[] dhu, int dhuOff, float[] dhPrev, int dhPrevOff, int u) {
        int j = 0;
        for (int bound = SPECIES.loopBound(u); j < bound; j += L) {
            FloatVector z = fromArray(SPECIES, a, aOff + j);
            FloatVector r = fromArray(SPECIES, a, aOff + u + j);
            FloatVector n = fromArray(SPECIES, a, aOff + 2 * u + j);
            FloatVector hn = fromArray(SPECIES, a, aOff + 3 * u + j);
            FloatVector d = fromArray(SPECIES, dh, dhOff + j);
            FloatVector dan = d.mul(ONE.sub(z)).mul(ONE.sub(n.mul(n)));
            FloatVector daz = d.mul(fromArray(SPECIES, hPrev, hPrevOff + j).sub(n)).mul(z).mul(ONE.sub(z));
            FloatVector dar = dan.mul(hn).mul(r).mul(ONE.sub(r));
            daz.intoArray(dxw, dxwOff + j);
            dar.intoArray(dxw, dxwOff + u + j);
            dan.intoArray(dxw, dxwOff + 2 * u + j);
            daz.intoArray(dhu, dhuOff + j);
            dar.intoArray(dhu, dhuOff + u + j);
            dan.mul(r).intoArray(dhu, dhuOff + 2 * u + j);
            d.mul(z).intoArray(dhPrev, dhPrevOff + j);
        }
        for (; j < u; j++) {
            float z = a[aOff + j];
            float r = a[aOff + u + j];
            float n = a[aOff + 2 * u + j];
            float hn = a[aOff + 3 * u + j];
            float d = dh[dhOff + j];
            float dan = d * (1f - z) * (1f - n * n);
            float daz = d * (hPrev[hPrevOff + j] - n) * z * (1f - z);
            float dar = dan * hn * r * (1f - r);
            dxw[dxwOff + j] = daz;
            dxw[dxwOff + u + j] = dar;
            dxw[dxwOff + 2 * u + j] = dan;
            dhu[dhuOff + j] = daz;
            dhu[dhuOff + u + j] = dar;
            dhu[dhuOff + 2 * u + j] = dan * r;
            dhPrev[dhPrevOff + j] = d * z;
        }
    }
}
