package org.seq4j.tensor.kernel;

import static jdk.incubator.vector.FloatVector.fromArray;
import static org.seq4j.tensor.kernel.VectorMath.L;
import static org.seq4j.tensor.kernel.VectorMath.SPECIES;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * {@link ScalarNorm} on {@link VectorMath#SPECIES} lanes: the sums run lane-wise and are reduced at the end (another
 * order than the reference's, hence a tolerance in the test); element-wise parts have scalar tails with the same
 * operations.
 */
final class VectorNorm implements NormKernel {

    @Override
    public void layerNormForward(float[] x, int xOff, float[] gamma, float[] beta, float eps, float[] y, int yOff,
                                 float[] stats, int sOff, int n) {
        int bound = SPECIES.loopBound(n);
        FloatVector acc = FloatVector.zero(SPECIES);
        int i = 0;
        for (; i < bound; i += L) {
            acc = acc.add(fromArray(SPECIES, x, xOff + i));
        }
        float sum = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            sum += x[xOff + i];
        }
        float mean = sum / n;
        FloatVector mv = FloatVector.broadcast(SPECIES, mean);
        acc = FloatVector.zero(SPECIES);
        for (i = 0; i < bound; i += L) {
            FloatVector c = fromArray(SPECIES, x, xOff + i).sub(mv);
            acc = c.fma(c, acc);
        }
        float sq = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            float c = x[xOff + i] - mean;
            sq += c * c;
        }
        float rstd = 1f / (float) Math.sqrt(sq / n + eps);
        FloatVector rv = FloatVector.broadcast(SPECIES, rstd);
        for (i = 0; i < bound; i += L) {
            fromArray(SPECIES, x, xOff + i).sub(mv).mul(rv).mul(fromArray(SPECIES, gamma, i))
                    .add(fromArray(SPECIES, beta, i)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] = (x[xOff + i] - mean) * rstd * gamma[i] + beta[i];
        }
        stats[sOff] = mean;
        stats[sOff + 1] = rstd;
    }

    @Override
    public void layerNormBackward(float[] x, int xOff, float[] dy, int dyOff, float[] gamma, float mean, float rstd,
                                  float[] dx, int dxOff, float[] dGamma, float[] dBeta, int n) {
        int bound = SPECIES.loopBound(n);
        FloatVector mv = FloatVector.broadcast(SPECIES, mean);
        FloatVector rv = FloatVector.broadcast(SPECIES, rstd);
        FloatVector accG = FloatVector.zero(SPECIES);
        FloatVector accGx = FloatVector.zero(SPECIES);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector xhat = fromArray(SPECIES, x, xOff + i).sub(mv).mul(rv);
            FloatVector d = fromArray(SPECIES, dy, dyOff + i);
            FloatVector g = d.mul(fromArray(SPECIES, gamma, i));
            accG = accG.add(g);
            accGx = g.fma(xhat, accGx);
            d.fma(xhat, fromArray(SPECIES, dGamma, i)).intoArray(dGamma, i);
            d.add(fromArray(SPECIES, dBeta, i)).intoArray(dBeta, i);
        }
        float sumG = accG.reduceLanes(VectorOperators.ADD);
        float sumGx = accGx.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            float xhat = (x[xOff + i] - mean) * rstd;
            float g = dy[dyOff + i] * gamma[i];
            sumG += g;
            sumGx += g * xhat;
            dGamma[i] += dy[dyOff + i] * xhat;
            dBeta[i] += dy[dyOff + i];
        }
        float meanG = sumG / n;
        float meanGx = sumGx / n;
        FloatVector mg = FloatVector.broadcast(SPECIES, meanG);
        FloatVector mgx = FloatVector.broadcast(SPECIES, meanGx);
        for (i = 0; i < bound; i += L) {
            FloatVector xhat = fromArray(SPECIES, x, xOff + i).sub(mv).mul(rv);
            FloatVector g = fromArray(SPECIES, dy, dyOff + i).mul(fromArray(SPECIES, gamma, i));
            rv.mul(g.sub(mg).sub(xhat.mul(mgx))).intoArray(dx, dxOff + i);
        }
        for (; i < n; i++) {
            float xhat = (x[xOff + i] - mean) * rstd;
            dx[dxOff + i] = rstd * (dy[dyOff + i] * gamma[i] - meanG - xhat * meanGx);
        }
    }
}
