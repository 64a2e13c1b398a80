package org.seq4j.nn;

import java.util.random.RandomGenerator;
import org.seq4j.autograd.LinearAlgebra;
import org.seq4j.autograd.Variable;
import org.seq4j.tensor.BufferPool;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/**
 * A fully connected layer on the last axis: y = act(x·kernel + bias), kernel (inputDim, units) as Keras stores it
 * (PyTorch's Linear.weight transposed). A (B, T, F) input is one (B·T, F) GEMM. The mask passes through.
 */
public final class Dense extends Layer {

    public record Config(String name, int inputDim, int units, Activation activation, boolean useBias) {
        public static Config of(int inputDim, int units) {
            return new Config("dense", inputDim, units, Activation.LINEAR, true);
        }

        public Config activation(Activation a) {
            return new Config(name, inputDim, units, a, useBias);
        }

        public Config useBias(boolean b) {
            return new Config(name, inputDim, units, activation, b);
        }

        public Config name(String n) {
            return new Config(n, inputDim, units, activation, useBias);
        }
    }

    private final Config config;
    private final Variable kernel;
    private final Variable bias;
    /** ReLU's backward scratch, one (..., units) array reused from step to step. */
    private final BufferPool scratch = new BufferPool();

    public Dense(Config config, RandomGenerator rng) {
        super(config.name());
        this.config = config;
        this.kernel = addWeight("kernel",
                Init.glorotUniform(Shape.of(config.inputDim(), config.units()), config.inputDim(), config.units(), rng));
        this.bias = config.useBias() ? addWeight("bias", Tensor.zeros(config.units())) : null;
    }

    @Override
    public Config config() {
        return config;
    }

    Variable kernel() {
        return kernel;
    }

    /** Null without bias. */
    Variable bias() {
        return bias;
    }

    @Override
    protected Masked forward(Masked input, Context ctx) {
        Variable x = input.value();
        if (x.shape().dim(-1) != config.inputDim()) {
            throw new IllegalArgumentException(name() + ": expects last dimension " + config.inputDim()
                    + ", input shape is " + x.shape());
        }
        Activation act = config.activation();
        if (x.shape().rank() >= 2 && (act == Activation.LINEAR || act == Activation.RELU)) {
            // one node and one output array for the product, the bias and ReLU
            return input.with(LinearAlgebra.affine(x, kernel, bias, act == Activation.RELU, scratch)); // (..., units)
        }
        Variable z = x.matmul(kernel);                   // (..., units)
        if (bias != null) {
            z = z.add(bias);
        }
        return input.with(act.apply(z));
    }
}
