package org.seq4j.train;

import java.util.List;
import java.util.SplittableRandom;
import org.seq4j.nn.Activation;
import org.seq4j.nn.Dense;
import org.seq4j.nn.Dropout;
import org.seq4j.nn.Embedding;
import org.seq4j.nn.GlobalAveragePooling1D;
import org.seq4j.nn.Sequential;
import org.seq4j.tensor.IntTensor;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/** Small synthetic problems and networks shared by the training tests. */
final class Problems {
    static final int VOCAB = 20;
    static final int STEPS = 8;

    private Problems() {}

    /**
     * Padded token sequences of 3..8 filler tokens (1..15) and one key token: 16 means class 1, 17 class 0. A
     * bag-of-words model separates them exactly.
     */
    static Dataset<IntTensor> keyToken(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n * STEPS];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int len = 3 + rng.nextInt(STEPS - 2);
            for (int t = 0; t < len; t++) {
                x[i * STEPS + t] = 1 + rng.nextInt(15);
            }
            y[i] = rng.nextInt(2);
            x[i * STEPS + rng.nextInt(len)] = y[i] == 1 ? 16 : 17;
        }
        return Dataset.of(Tensor.of(x, n, STEPS), IntTensor.of(y, n));
    }

    /** Embedding(maskZero) → masked mean → Dropout → Dense(2) logits. */
    static Sequential bagOfWords(long seed) {
        return bagOfWords(seed, 0.2f);
    }

    static Sequential bagOfWords(long seed, float dropout) {
        SplittableRandom rng = new SplittableRandom(seed);
        return new Sequential("bag", Shape.of(STEPS), List.of(
                new Embedding(Embedding.Config.of(VOCAB, 8).maskZero(true), rng),
                new GlobalAveragePooling1D(GlobalAveragePooling1D.Config.defaults()),
                new Dropout(Dropout.Config.of(dropout)),
                new Dense(Dense.Config.of(8, 2), rng)));
    }

    /** The four XOR points repeated {@code copies} times, targets (4·copies, 1). */
    static Dataset<Tensor> xor(int copies) {
        float[] x = new float[copies * 8];
        float[] y = new float[copies * 4];
        float[][] pts = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        for (int c = 0; c < copies; c++) {
            for (int p = 0; p < 4; p++) {
                x[(c * 4 + p) * 2] = pts[p][0];
                x[(c * 4 + p) * 2 + 1] = pts[p][1];
                y[c * 4 + p] = pts[p][0] != pts[p][1] ? 1 : 0;
            }
        }
        return Dataset.of(Tensor.of(x, copies * 4, 2), Tensor.of(y, copies * 4, 1));
    }

    static Sequential mlp(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        return new Sequential("mlp", Shape.of(2), List.of(
                new Dense(Dense.Config.of(2, 8).activation(Activation.TANH), rng),
                new Dense(Dense.Config.of(8, 1), rng)));
    }

    static FitOptions quiet() {
        return FitOptions.defaults().verbose(Verbosity.SILENT);
    }
}
