package org.seq4j.nn;

import java.util.ArrayList;
import java.util.List;
import org.seq4j.tensor.Shape;

/**
 * A stack of single-input layers, each feeding the next, the mask flowing along (Keras {@code Sequential}). It is
 * itself a layer, so it nests. The input shape (without the batch dimension) is declared up front, as with
 * {@code keras.Input(shape)}, so that {@link #summary()} can show every output shape.
 */
public final class Sequential extends Layer {

    /** The architecture: name, input shape without batch, and the layers' own configs (for the model file). */
    public record Config(String name, int[] inputShape, List<Record> layers) {}

    private final Shape inputShape;
    private final List<Layer> layers;

    public Sequential(String name, Shape inputShape, List<Layer> layers) {
        super(name);
        this.inputShape = inputShape;
        this.layers = List.copyOf(layers);
        UniqueNames names = new UniqueNames();
        for (Layer l : this.layers) {
            addChild(names.next(l.name()), l);
        }
    }

    /** Rebuilds the stack from its config (weights freshly initialised from {@code rng}). */
    public Sequential(Config config, java.util.random.RandomGenerator rng) {
        this(config.name(), Shape.of(config.inputShape()),
                config.layers().stream().map(c -> LayerFactory.create(c, rng)).toList());
    }

    public static Sequential of(Shape inputShape, Layer... layers) {
        return new Sequential("sequential", inputShape, List.of(layers));
    }

    public List<Layer> layers() {
        return layers;
    }

    /** The declared input shape, without the batch dimension. */
    public Shape inputShape() {
        return inputShape;
    }

    @Override
    public Config config() {
        List<Record> cs = new ArrayList<>();
        layers.forEach(l -> cs.add(l.config()));
        return new Config(name(), inputShape.dims(), cs);
    }

    @Override
    protected Masked forward(Masked input, Context ctx) {
        Masked x = input;
        for (Layer l : layers) {
            x = l.apply(x, ctx);
        }
        return x;
    }

    /** The Keras summary table (layer, output shape, params) with total / trainable / non-trainable counts. */
    public String summary() {
        Summary s = new Summary(name(), false);
        Shape shape = withBatch(inputShape);
        UniqueNames names = new UniqueNames();
        for (Layer l : layers) {
            shape = l.outputShapes(List.of(shape)).get(0);
            s.row(names.next(l.name()), l.className(), List.of(shape), l.countParams(), List.of());
        }
        return s.render(this);
    }

    static Shape withBatch(Shape s) {
        int[] d = new int[s.rank() + 1];
        d[0] = 1;
        System.arraycopy(s.dims(), 0, d, 1, s.rank());
        return Shape.of(d);
    }
}
