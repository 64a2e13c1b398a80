package org.seq4j.tensor.kernel;

/**
 * Layer normalisation of one row of n, forward and backward (llm.c's {@code layernorm_forward} /
 * {@code layernorm_backward}). One scalar reference ({@link ScalarNorm}) defines the semantics; the Vector API one
 * ({@link VectorNorm}) is tested against it.
 *
 * <pre>
 *   μ = mean(x)   σ² = mean((x − μ)²)   r = 1/√(σ² + ε)   x̂ = (x − μ)·r   y = x̂ ⊙ γ + β
 *   dx = r · (dy⊙γ − mean(dy⊙γ) − x̂ · mean(dy⊙γ ⊙ x̂))    dγ += dy ⊙ x̂    dβ += dy
 * </pre>
 */
public interface NormKernel {

    /** Writes y and stats[sOff] = μ, stats[sOff + 1] = r. */
    void layerNormForward(float[] x, int xOff, float[] gamma, float[] beta, float eps, float[] y, int yOff,
                          float[] stats, int sOff, int n);

    /** Writes dx; adds this row's share to dGamma and dBeta (each n, offset 0). */
    void layerNormBackward(float[] x, int xOff, float[] dy, int dyOff, float[] gamma, float mean, float rstd,
                           float[] dx, int dxOff, float[] dGamma, float[] dBeta, int n);
}
