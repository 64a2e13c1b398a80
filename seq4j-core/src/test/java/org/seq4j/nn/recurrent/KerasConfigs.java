package org.seq4j.nn.recurrent;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.SplittableRandom;
import org.seq4j.nn.Activation;

/** Builds recurrent layers from a fixture's Keras config (snake_case, as Keras serialises it). */
final class KerasConfigs {
    private KerasConfigs() {}

    static RecurrentLayer<?> recurrent(String className, JsonNode c, int inputDim, String name) {
        RnnOptions o = RnnOptions.defaults()
                .returnSequences(c.path("return_sequences").asBoolean(false))
                .returnState(c.path("return_state").asBoolean(false))
                .goBackwards(c.path("go_backwards").asBoolean(false))
                .dropout((float) c.path("dropout").asDouble(0))
                .recurrentDropout((float) c.path("recurrent_dropout").asDouble(0));
        int units = c.get("units").asInt();
        Activation act = Activation.fromKeras(c.path("activation").asText("tanh"));
        boolean useBias = c.path("use_bias").asBoolean(true);
        SplittableRandom rng = new SplittableRandom(7);
        return switch (className) {
            case "SimpleRNN" -> new SimpleRNN(SimpleRNN.Config.of(inputDim, units).name(name).activation(act)
                    .useBias(useBias).options(o), rng);
            case "LSTM" -> new LSTM(LSTM.Config.of(inputDim, units).name(name).activation(act)
                    .recurrentActivation(Activation.fromKeras(c.path("recurrent_activation").asText("sigmoid")))
                    .useBias(useBias).unitForgetBias(c.path("unit_forget_bias").asBoolean(true)).options(o), rng);
            case "GRU" -> new GRU(GRU.Config.of(inputDim, units).name(name).activation(act)
                    .recurrentActivation(Activation.fromKeras(c.path("recurrent_activation").asText("sigmoid")))
                    .useBias(useBias).resetAfter(c.path("reset_after").asBoolean(true)).options(o), rng);
            default -> throw new IllegalArgumentException("no recurrent layer " + className);
        };
    }
}
