package org.seq4j.nn;

import java.util.random.RandomGenerator;
import org.seq4j.autograd.Variable;
import org.seq4j.tensor.IntTensor;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/**
 * Token ids (B, T) → vectors (B, T, outputDim) by row lookup in {@code embeddings} (inputDim, outputDim). Ids arrive
 * as a float tensor holding whole numbers, as in Keras (exact below 2^24). With {@code maskZero}, id 0 is padding:
 * the output mask is (ids ≠ 0); the vector at a padded step is still row 0, as in Keras.
 */
public final class Embedding extends Layer {

    public record Config(String name, int inputDim, int outputDim, boolean maskZero) {
        public static Config of(int inputDim, int outputDim) {
            return new Config("embedding", inputDim, outputDim, false);
        }

        public Config maskZero(boolean m) {
            return new Config(name, inputDim, outputDim, m);
        }

        public Config name(String n) {
            return new Config(n, inputDim, outputDim, maskZero);
        }
    }

    private final Config config;
    private final Variable embeddings;

    public Embedding(Config config, RandomGenerator rng) {
        super(config.name());
        this.config = config;
        this.embeddings = addWeight("embeddings",
                Init.uniform(Shape.of(config.inputDim(), config.outputDim()), -0.05f, 0.05f, rng));
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    protected Masked forward(Masked input, Context ctx) {
        IntTensor ids = ids(input.value().value());
        Variable e = embeddings.indexSelect(0, ids);                    // (B, T, outputDim)
        Tensor mask = config.maskZero() ? input.value().value().ne(Tensor.scalar(0f)) : input.mask();
        return new Masked(e, mask);
    }

    /** Lookup of ids given as an IntTensor, for callers that hold ids directly. */
    public Variable lookup(IntTensor ids) {
        return embeddings.indexSelect(0, ids);
    }

    private IntTensor ids(Tensor values) {
        float[] v = values.toArray();
        int[] ids = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            ids[i] = (int) v[i];
            if (ids[i] != v[i] || ids[i] < 0 || ids[i] >= config.inputDim()) {
                throw new IllegalArgumentException(name() + ": id " + v[i] + " is not in [0, " + config.inputDim()
                        + ") (input shape " + values.shape() + ")");
            }
        }
        return IntTensor.of(ids, values.shape().dims());
    }
}
