package org.seq4j.nn;

import java.util.Locale;
import org.seq4j.autograd.Pointwise;
import org.seq4j.autograd.Variable;

/** Keras activations by their Keras names ("linear", "relu", ...), each a composition of autograd primitives. */
public enum Activation {
    LINEAR,
    RELU,
    TANH,
    SIGMOID,
    /** Softmax over the last axis. */
    SOFTMAX,
    /** Exact GELU, Keras' default (approximate=False): x·Φ(x) = 0.5·x·(1 + erf(x/√2)). */
    GELU,
    /** Keras 2 and tfjs: clip(0.2·x + 0.5, 0, 1). (Keras 3 changed the slope to 1/6; the fixtures use 0.2.) */
    HARD_SIGMOID;

    private static final float INV_SQRT2 = (float) (1 / Math.sqrt(2));

    public Variable apply(Variable x) {
        return switch (this) {
            case LINEAR -> x;
            case RELU -> x.relu();
            case TANH -> x.tanh();
            case SIGMOID -> x.sigmoid();
            case SOFTMAX -> x.softmax(-1);
            case GELU -> x.mul(Pointwise.erf(x.mul(INV_SQRT2)).add(1f)).mul(0.5f);
            case HARD_SIGMOID -> x.mul(0.2f).add(0.5f).clamp(0f, 1f);
        };
    }

    /** The Keras spelling, as in a model config. */
    public String kerasName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Activation fromKeras(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown activation '" + name + "'; known: linear, relu, tanh, "
                    + "sigmoid, softmax, gelu, hard_sigmoid", e);
        }
    }
}
