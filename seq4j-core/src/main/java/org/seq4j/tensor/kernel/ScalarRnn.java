package org.seq4j.tensor.kernel;

/** The reference {@link RnnKernel}: plain loops, σ and tanh in double as {@link ScalarMath} computes them. */
final class ScalarRnn implements RnnKernel {

    private static float sigmoid(float v) {
        return (float) (1.0 / (1.0 + Math.exp(-v)));
    }

    private static float tanh(float v) {
        return (float) Math.tanh(v);
    }

    @Override
    public void lstmForward(float[] xw, int xwOff, float[] z, int zOff, float[] cPrev, int cPrevOff,
                            float[] c, int cOff, float[] h, int hOff, int u) {
        for (int j = 0; j < 4 * u; j++) {
            float v = z[zOff + j] + xw[xwOff + j];
            z[zOff + j] = j >= 2 * u && j < 3 * u ? tanh(v) : sigmoid(v);
        }
        for (int j = 0; j < u; j++) {
            float i = z[zOff + j];
            float f = z[zOff + u + j];
            float g = z[zOff + 2 * u + j];
            float o = z[zOff + 3 * u + j];
            float cj = f * cPrev[cPrevOff + j] + i * g;
            c[cOff + j] = cj;
            h[hOff + j] = o * tanh(cj);
        }
    }

    @Override
    public void lstmBackward(float[] a, int aOff, float[] cPrev, int cPrevOff, float[] c, int cOff, float[] dh,
                             int dhOff, float[] dc, int dcOff, float[] dz, int dzOff, float[] scratch, int u) {
        for (int j = 0; j < u; j++) {
            float i = a[aOff + j];
            float f = a[aOff + u + j];
            float g = a[aOff + 2 * u + j];
            float o = a[aOff + 3 * u + j];
            float tc = tanh(c[cOff + j]);
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
        for (int j = 0; j < u; j++) {
            float z = sigmoid(xw[xwOff + j] + (hu[huOff + j] + bias[biasOff + j]));
            float r = sigmoid(xw[xwOff + u + j] + (hu[huOff + u + j] + bias[biasOff + u + j]));
            float hn = hu[huOff + 2 * u + j] + bias[biasOff + 2 * u + j];
            float n = tanh(xw[xwOff + 2 * u + j] + r * hn);
            float hp = hPrev[hPrevOff + j];
            a[aOff + j] = z;
            a[aOff + u + j] = r;
            a[aOff + 2 * u + j] = n;
            a[aOff + 3 * u + j] = hn;
            h[hOff + j] = n + z * (hp - n);
        }
    }

    @Override
    public void gruBackward(float[] a, int aOff, float[] hPrev, int hPrevOff, float[] dh, int dhOff, float[] dxw,
                            int dxwOff, float[] dhu, int dhuOff, float[] dhPrev, int dhPrevOff, int u) {
        for (int j = 0; j < u; j++) {
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
