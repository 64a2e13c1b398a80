package org.seq4j.nn.attention;

import java.util.random.RandomGenerator;
import org.seq4j.autograd.Variable;
import org.seq4j.nn.Context;
import org.seq4j.nn.Init;
import org.seq4j.nn.Layer;
import org.seq4j.nn.Masked;
import org.seq4j.tensor.Shape;

/**
 * Learned absolute positions (GPT-2's wpe, keras_nlp's PositionEmbedding): y = x + P[:T] for x (B, T, d), with
 * {@code embeddings} P (maxLength, d), Glorot-uniform initialised as keras_nlp does. keras_nlp's layer returns P
 * alone; this one adds it, as {@link PositionalEncoding} does. The mask passes through.
 */
public final class PositionEmbedding extends Layer {

    public record Config(String name, int maxLength, int dim) {
        public Config {
            if (maxLength <= 0 || dim <= 0) {
                throw new IllegalArgumentException("PositionEmbedding: maxLength and dim must be positive, got "
                        + maxLength + " and " + dim);
            }
        }

        public static Config of(int maxLength, int dim) {
            return new Config("position_embedding", maxLength, dim);
        }

        public Config name(String n) {
            return new Config(n, maxLength, dim);
        }
    }

    private final Config config;
    private final Variable embeddings;

    public PositionEmbedding(Config config, RandomGenerator rng) {
        super(config.name());
        this.config = config;
        this.embeddings = addWeight("embeddings", Init.glorotUniform(Shape.of(config.maxLength(), config.dim()),
                config.maxLength(), config.dim(), rng));
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    protected Masked forward(Masked input, Context ctx) {
        Shape s = input.value().shape();
        if (s.rank() != 3 || s.dim(2) != config.dim() || s.dim(1) > config.maxLength()) {
            throw new IllegalArgumentException(name() + " (PositionEmbedding): expects (B, T ≤ " + config.maxLength()
                    + ", " + config.dim() + "), input shape is " + s);
        }
        return input.with(input.value().add(embeddings.narrow(0, 0, s.dim(1))));   // (B, T, d)
    }
}
