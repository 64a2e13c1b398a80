package org.seq4j.nn.recurrent;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.seq4j.autograd.Variable;
import org.seq4j.nn.Activation;
import org.seq4j.nn.Init;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/**
 * Keras' LSTM layer: an {@link LstmCell} over time. Weights kernel (F, 4u), recurrent_kernel (u, 4u), bias (4u,),
 * blocks [i, f, c, o]: 4·((F + u)·u + u) parameters. Initialised as Keras does: glorot-uniform kernel, orthogonal
 * recurrent kernel, zero bias with the forget block at 1 when {@code unitForgetBias} (Jozefowicz et al. 2015).
 */
public final class LSTM extends RecurrentLayer<LstmState> {

    public record Config(String name, int inputDim, int units, Activation activation,
                         Activation recurrentActivation, boolean useBias, boolean unitForgetBias, RnnOptions options)
            implements RnnConfig<Config> {

        /** Keras' defaults: tanh, sigmoid, bias, unit forget bias, last output only. */
        public static Config of(int inputDim, int units) {
            return new Config("lstm", inputDim, units, Activation.TANH, Activation.SIGMOID, true, true,
                    RnnOptions.defaults());
        }

        public Config name(String v) {
            return new Config(v, inputDim, units, activation, recurrentActivation, useBias, unitForgetBias, options);
        }

        public Config activation(Activation v) {
            return new Config(name, inputDim, units, v, recurrentActivation, useBias, unitForgetBias, options);
        }

        public Config recurrentActivation(Activation v) {
            return new Config(name, inputDim, units, activation, v, useBias, unitForgetBias, options);
        }

        public Config useBias(boolean v) {
            return new Config(name, inputDim, units, activation, recurrentActivation, v, unitForgetBias, options);
        }

        public Config unitForgetBias(boolean v) {
            return new Config(name, inputDim, units, activation, recurrentActivation, useBias, v, options);
        }

        public Config options(RnnOptions v) {
            return new Config(name, inputDim, units, activation, recurrentActivation, useBias, unitForgetBias, v);
        }
    }

    private final Config config;
    private final LstmCell cell;

    public LSTM(Config config, RandomGenerator rng) {
        super(config.name());
        this.config = config;
        int f = config.inputDim();
        int u = config.units();
        Variable kernel = addWeight("kernel", Init.glorotUniform(Shape.of(f, 4 * u), f, 4 * u, rng));
        Variable recurrent = addWeight("recurrent_kernel", Init.orthogonal(u, 4 * u, rng));
        Variable bias = config.useBias() ? addWeight("bias", initialBias(u, config.unitForgetBias())) : null;
        this.cell = new LstmCell(kernel, recurrent, bias, config.activation(), config.recurrentActivation());
    }

    /** Zeros, with the forget block [u, 2u) at 1 when unitForgetBias. */
    static Tensor initialBias(int units, boolean unitForgetBias) {
        float[] b = new float[4 * units];
        if (unitForgetBias) {
            Arrays.fill(b, units, 2 * units, 1f);
        }
        return Tensor.of(b, 4 * units);
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public LstmCell cell() {
        return cell;
    }

    @Override
    public RnnOptions options() {
        return config.options();
    }

    @Override
    public LSTM rebuild(String name, RnnOptions options, RandomGenerator rng) {
        return new LSTM(config.name(name).options(options), rng);
    }

    @Override
    protected Recurrence.Result<LstmState> runFused(Variable x, LstmState initial, Tensor mask,
                                                    DropoutMasks dropout) {
        return FusedLstm.applies(cell, mask, options(), dropout) ? FusedLstm.run(cell, x, initial, mask, options(), buffers()) : null;
    }
}
