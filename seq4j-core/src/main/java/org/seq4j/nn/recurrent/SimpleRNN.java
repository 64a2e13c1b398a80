package org.seq4j.nn.recurrent;

import java.util.random.RandomGenerator;
import org.seq4j.autograd.Variable;
import org.seq4j.nn.Activation;
import org.seq4j.nn.Init;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/**
 * Keras' SimpleRNN layer: a {@link SimpleRnnCell}, h_t = act(x_t·W + b + h_{t−1}·U), over time. Weights kernel
 * (F, u), recurrent_kernel (u, u), bias (u,): (F + u)·u + u parameters. Initialised as Keras does: glorot-uniform
 * kernel, orthogonal recurrent kernel, zero bias.
 */
public final class SimpleRNN extends RecurrentLayer<HiddenState> {

    public record Config(String name, int inputDim, int units, Activation activation, boolean useBias,
                         RnnOptions options)
            implements RnnConfig<Config> {

        /** Keras' defaults: tanh, bias, last output only. */
        public static Config of(int inputDim, int units) {
            return new Config("simple_rnn", inputDim, units, Activation.TANH, true, RnnOptions.defaults());
        }

        public Config name(String v) {
            return new Config(v, inputDim, units, activation, useBias, options);
        }

        public Config activation(Activation v) {
            return new Config(name, inputDim, units, v, useBias, options);
        }

        public Config useBias(boolean v) {
            return new Config(name, inputDim, units, activation, v, options);
        }

        public Config options(RnnOptions v) {
            return new Config(name, inputDim, units, activation, useBias, v);
        }
    }

    private final Config config;
    private final SimpleRnnCell cell;

    public SimpleRNN(Config config, RandomGenerator rng) {
        super(config.name());
        this.config = config;
        int f = config.inputDim();
        int u = config.units();
        Variable kernel = addWeight("kernel", Init.glorotUniform(Shape.of(f, u), f, u, rng));
        Variable recurrent = addWeight("recurrent_kernel", Init.orthogonal(u, u, rng));
        Variable bias = config.useBias() ? addWeight("bias", Tensor.zeros(u)) : null;
        this.cell = new SimpleRnnCell(kernel, recurrent, bias, config.activation());
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public SimpleRnnCell cell() {
        return cell;
    }

    @Override
    public RnnOptions options() {
        return config.options();
    }

    @Override
    public SimpleRNN rebuild(String name, RnnOptions options, RandomGenerator rng) {
        return new SimpleRNN(config.name(name).options(options), rng);
    }
}
