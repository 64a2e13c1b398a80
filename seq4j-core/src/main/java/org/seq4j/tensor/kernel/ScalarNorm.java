package org.seq4j.tensor.kernel;

/** The reference {@link NormKernel}: float sums in index order, as the composed ops compute them. */
final class ScalarNorm implements NormKernel {

    @Override
    public void layerNormForward(float[] x, int xOff, float[] gamma, float[] beta, float eps, float[] y, int yOff,
                                 float[] stats, int sOff, int n) {
        float sum = 0f;
        for (int i = 0; i < n; i++) {
            sum += x[xOff + i];
        }
        float mean = sum / n;
        float sq = 0f;
        for (int i = 0; i < n; i++) {
            float c = x[xOff + i] - mean;
            sq += c * c;
        }
        float rstd = 1f / (float) Math.sqrt(sq / n + eps);
        for (int i = 0; i < n; i++) {
            y[yOff + i] = (x[xOff + i] - mean) * rstd * gamma[i] + beta[i];
        }
        stats[sOff] = mean;
        stats[sOff + 1] = rstd;
    }

    @Override
    public void layerNormBackward(float[] x, int xOff, float[] dy, int dyOff, float[] gamma, float mean, float rstd,
                                  float[] dx, int dxOff, float[] dGamma, float[] dBeta, int n) {
        float sumG = 0f;
        float sumGx = 0f;
        for (int i = 0; i < n; i++) {
            float xhat = (x[xOff + i] - mean) * rstd;
            float g = dy[dyOff + i] * gamma[i];
            sumG += g;
            sumGx += g * xhat;
            dGamma[i] += dy[dyOff + i] * xhat;
            dBeta[i] += dy[dyOff + i];
        }
        float meanG = sumG / n;
        float meanGx = sumGx / n;
        for (int i = 0; i < n; i++) {
            float xhat = (x[xOff + i] - mean) * rstd;
            dx[dxOff + i] = rstd * (dy[dyOff + i] * gamma[i] - meanG - xhat * meanGx);
        }
    }
}
