package org.seq4j.nn.recurrent;

import java.util.random.RandomGenerator;
import org.seq4j.autograd.Variable;
import org.seq4j.nn.Activation;
import org.seq4j.nn.Init;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/**
 * Keras' GRU layer: a {@link GruCell} over time. Weights kernel (F, 3u), recurrent_kernel (u, 3u), blocks
 * [z, r, h], and bias (2, 3u) with {@code resetAfter} (Keras' default: 3·((F + u)·u + 2u) parameters) or (3u,)
 * without (3·((F + u)·u + u)). Initialised as Keras does: glorot-uniform kernel, orthogonal recurrent kernel,
 * zero bias.
 */
public final class GRU extends RecurrentLayer<HiddenState> {

    public record Config(String name, int inputDim, int units, Activation activation,
                         Activation recurrentActivation, boolean useBias, boolean resetAfter, RnnOptions options)
            implements RnnConfig<Config> {

        /** Keras' defaults: tanh, sigmoid, bias, reset after, last output only. */
        public static Config of(int inputDim, int units) {
            return new Config("gru", inputDim, units, Activation.TANH, Activation.SIGMOID, true, true,
                    RnnOptions.defaults());
        }

        public Config name(String v) {
            return new Config(v, inputDim, units, activation, recurrentActivation, useBias, resetAfter, options);
        }

        public Config activation(Activation v) {
            return new Config(name, inputDim, units, v, recurrentActivation, useBias, resetAfter, options);
        }

        public Config recurrentActivation(Activation v) {
            return new Config(name, inputDim, units, activation, v, useBias, resetAfter, options);
        }

        public Config useBias(boolean v) {
            return new Config(name, inputDim, units, activation, recurrentActivation, v, resetAfter, options);
        }

        public Config resetAfter(boolean v) {
            return new Config(name, inputDim, units, activation, recurrentActivation, useBias, v, options);
        }

        public Config options(RnnOptions v) {
            return new Config(name, inputDim, units, activation, recurrentActivation, useBias, resetAfter, v);
        }
    }

    private final Config config;
    private final GruCell cell;

    public GRU(Config config, RandomGenerator rng) {
        super(config.name());
        this.config = config;
        int f = config.inputDim();
        int u = config.units();
        Variable kernel = addWeight("kernel", Init.glorotUniform(Shape.of(f, 3 * u), f, 3 * u, rng));
        Variable recurrent = addWeight("recurrent_kernel", Init.orthogonal(u, 3 * u, rng));
        Variable bias = !config.useBias() ? null
                : addWeight("bias", config.resetAfter() ? Tensor.zeros(2, 3 * u) : Tensor.zeros(3 * u));
        this.cell = new GruCell(kernel, recurrent, bias, config.activation(), config.recurrentActivation(),
                config.resetAfter());
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public GruCell cell() {
        return cell;
    }

    @Override
    public RnnOptions options() {
        return config.options();
    }

    @Override
    public GRU rebuild(String name, RnnOptions options, RandomGenerator rng) {
        return new GRU(config.name(name).options(options), rng);
    }

    @Override
    protected Recurrence.Result<HiddenState> runFused(Variable x, HiddenState initial, Tensor mask,
                                                      DropoutMasks dropout) {
        return FusedGru.applies(cell, mask, options(), dropout)
                ? FusedGru.run(cell, x, initial, mask, options(), buffers()) : null;
    }
}
