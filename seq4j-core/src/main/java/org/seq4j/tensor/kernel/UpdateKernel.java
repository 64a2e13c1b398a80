package org.seq4j.tensor.kernel;

/**
 * Optimizer updates over contiguous runs of n parameters, one pass reading p, g and the slots and writing the new
 * ones, instead of one temporary array per operation of the formula. Each operation rounds to float in the order
 * written, so {@link ScalarUpdate}, {@link VectorUpdate} and the composed tensor formula agree bit for bit.
 */
public interface UpdateKernel {

    /**
     * Keras Adam: m' = m + (g − m)·c1, v' = v + (g·g − v)·c2, p' = p − (m'·alpha)/(√v' + eps), with
     * c1 = 1 − β₁ and c2 = 1 − β₂. Outputs may alias their inputs.
     */
    void adam(float[] p, float[] g, float[] m, float[] v, int off, float c1, float c2, float alpha, float eps,
              float[] pOut, float[] mOut, float[] vOut, int n);
}
