package org.seq4j.nn;

import java.util.List;
import org.seq4j.autograd.Variable;

/**
 * Keras' TimeDistributed: the same inner layer at every time step, y[:, t] = layer(x[:, t]), run as one call on
 * the (B·T, …) reshape of x (B, T, …). The weights are the inner layer's, under their own names; the input mask
 * passes through.
 */
public final class TimeDistributed extends Layer {

    public record Config(String name) {
        public static Config of() {
            return new Config("time_distributed");
        }
    }

    /** What rebuilds this layer: its own config and the inner layer's. */
    public record Spec(Config config, Record layer) {}

    private final Config config;
    private final Layer layer;

    public TimeDistributed(Config config, Layer layer) {
        super(config.name());
        this.config = config;
        this.layer = addChild("", layer);
    }

    /** Rebuilds from a saved {@link Spec} (for LayerFactory): the inner layer from its own config. */
    public static TimeDistributed fromConfig(Spec spec, java.util.random.RandomGenerator rng) {
        return new TimeDistributed(spec.config(), LayerFactory.create(spec.layer(), rng));
    }

    @Override
    public Spec config() {
        return new Spec(config, layer.config());
    }

    public Layer layer() {
        return layer;
    }

    @Override
    protected Masked forward(Masked input, Context ctx) {
        Variable x = input.value();
        int[] dims = x.shape().dims();
        if (dims.length < 3) {
            throw new IllegalArgumentException(name() + " (TimeDistributed): expects (batch, time, ...), got "
                    + x.shape());
        }
        int[] folded = new int[dims.length - 1];
        folded[0] = dims[0] * dims[1];
        System.arraycopy(dims, 2, folded, 1, dims.length - 2);
        Variable y = layer.call(List.of(Masked.of(x.reshape(folded))), ctx).get(0).value();   // (B·T, …)
        int[] yd = y.shape().dims();
        int[] unfolded = new int[yd.length + 1];
        unfolded[0] = dims[0];
        unfolded[1] = dims[1];
        System.arraycopy(yd, 1, unfolded, 2, yd.length - 1);
        return input.with(y.reshape(unfolded));                                               // (B, T, …)
    }
}
