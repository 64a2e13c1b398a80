package org.seq4j.nn;

import java.util.List;
import org.seq4j.autograd.Shaping;
import org.seq4j.autograd.Variable;
import org.seq4j.tensor.Tensor;

/**
 * The Keras merge layers: {@code Concatenate} along an axis, and element-wise {@code Add}, {@code Multiply},
 * {@code Average} of inputs of one shape. The mask of the result is the element-wise AND of the inputs' masks
 * (Keras' rule for merging sequences).
 */
public final class Merge extends Layer {

    public enum Mode { CONCATENATE, ADD, MULTIPLY, AVERAGE }

    public record Config(String name, Mode mode, int axis) {
        public static Config concatenate(int axis) {
            return new Config("concatenate", Mode.CONCATENATE, axis);
        }

        public static Config of(Mode mode) {
            return new Config(mode.name().toLowerCase(java.util.Locale.ROOT), mode, -1);
        }
    }

    private final Config config;

    public Merge(Config config) {
        super(config.name());
        this.config = config;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public String className() {
        String n = config.mode().name();
        return n.charAt(0) + n.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public List<Masked> call(List<Masked> inputs, Context ctx) {
        if (inputs.size() < 2) {
            throw new IllegalArgumentException(name() + " (" + className() + ") needs at least 2 inputs, got "
                    + inputs.size());
        }
        List<Variable> xs = inputs.stream().map(Masked::value).toList();
        if (config.mode() != Mode.CONCATENATE) {
            for (Variable x : xs) {
                if (!x.shape().equals(xs.get(0).shape())) {
                    throw new IllegalArgumentException(name() + " (" + className() + "): input shapes "
                            + xs.get(0).shape() + " and " + x.shape() + " differ");
                }
            }
        }
        Variable y = switch (config.mode()) {
            case CONCATENATE -> Shaping.concat(config.axis(), xs);
            case ADD -> xs.stream().reduce(Variable::add).orElseThrow();
            case MULTIPLY -> xs.stream().reduce(Variable::mul).orElseThrow();
            case AVERAGE -> xs.stream().reduce(Variable::add).orElseThrow().mul(1f / xs.size());
        };
        Tensor mask = null;
        for (Masked m : inputs) {
            if (m.hasMask()) {
                mask = mask == null ? m.mask() : mask.mul(m.mask());
            }
        }
        return List.of(new Masked(y, mask));
    }
}
