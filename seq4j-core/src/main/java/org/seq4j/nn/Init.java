package org.seq4j.nn;

import java.util.random.RandomGenerator;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/** Keras' default initialisers, drawn from an explicitly passed generator. */
public final class Init {
    private Init() {}

    /** Glorot (Xavier) uniform: U(±√(6 / (fanIn + fanOut))), Keras' default kernel initialiser. */
    public static Tensor glorotUniform(Shape shape, int fanIn, int fanOut, RandomGenerator rng) {
        float limit = (float) Math.sqrt(6.0 / (fanIn + fanOut));
        return Tensor.uniform(shape, -limit, limit, rng);
    }

    /** U(lo, hi); Keras' Embedding default is U(-0.05, 0.05). */
    public static Tensor uniform(Shape shape, float lo, float hi, RandomGenerator rng) {
        return Tensor.uniform(shape, lo, hi, rng);
    }

    /**
     * An orthogonal (rows, cols) matrix, Keras' default recurrent initialiser (Saxe et al. 2014): QR of a standard
     * normal matrix with the signs of R's diagonal folded into Q, so the result is uniformly distributed.
     */
    public static Tensor orthogonal(int rows, int cols, RandomGenerator rng) {
        int n = Math.max(rows, cols);
        int k = Math.min(rows, cols);
        // k orthonormal vectors of length n by modified Gram–Schmidt (in double) on Gaussian columns
        double[][] q = new double[k][n];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) {
                q[j][i] = rng.nextGaussian();
            }
            for (int p = 0; p < j; p++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += q[p][i] * q[j][i];
                }
                for (int i = 0; i < n; i++) {
                    q[j][i] -= dot * q[p][i];
                }
            }
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += q[j][i] * q[j][i];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                q[j][i] /= norm;
            }
        }
        float[] out = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                // tall: columns are the vectors; wide: rows are
                out[r * cols + c] = (float) (rows >= cols ? q[c][r] : q[r][c]);
            }
        }
        return Tensor.of(out, rows, cols);
    }
}
