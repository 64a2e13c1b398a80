package org.seq4j.nn;

import org.seq4j.autograd.Variable;

/**
 * Keras {@code Reshape(targetShape)}, the batch dimension kept (one entry may be -1); {@code Flatten} is the target
 * (-1). Both drop the mask, as Keras does, since the time axis no longer exists.
 */
public final class Reshape extends Layer {

    public record Config(String name, int[] targetShape) {
        public static Config of(int... targetShape) {
            return new Config("reshape", targetShape);
        }

        public static Config flatten() {
            return new Config("flatten", new int[] {-1});
        }
    }

    private final Config config;

    public Reshape(Config config) {
        super(config.name());
        this.config = config;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public String className() {
        return config.name().startsWith("flatten") ? "Flatten" : "Reshape";
    }

    @Override
    protected Masked forward(Masked input, Context ctx) {
        Variable x = input.value();
        int[] dims = new int[config.targetShape().length + 1];
        dims[0] = x.shape().dim(0);
        System.arraycopy(config.targetShape(), 0, dims, 1, config.targetShape().length);
        return Masked.of(x.reshape(dims));
    }
}
