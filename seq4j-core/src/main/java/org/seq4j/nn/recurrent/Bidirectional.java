package org.seq4j.nn.recurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.seq4j.autograd.Shaping;
import org.seq4j.autograd.Variable;
import org.seq4j.nn.Context;
import org.seq4j.nn.Layer;
import org.seq4j.nn.Masked;
import org.seq4j.tensor.IntTensor;
import org.seq4j.tensor.Tensor;

/**
 * Keras' Bidirectional wrapper: a forward copy of a recurrent layer reads x, a backward copy (goBackwards flipped)
 * reads it from the end, and their outputs are merged: concat [fwd, bwd] on the last axis (fwd first), sum, ave =
 * (fwd + bwd)/2, mul, or none (both returned). With returnSequences the backward sequence is reversed back, so
 * position t of both halves belongs to input step t. Weights: {@code forward_<name>/…} then
 * {@code backward_<name>/…}, fresh copies built from the wrapped layer's config.
 *
 * <p>Inputs [x] or [x, forward initial states…, backward initial states…]; outputs [merged] (two for none), then
 * with returnState the forward states and the backward states. As in Keras, both copies output zeros at masked
 * steps when returning sequences ({@code zero_output_for_mask = return_sequences}).
 */
public final class Bidirectional extends Layer {

    public enum MergeMode { CONCAT, SUM, AVE, MUL, NONE }

    public record Config(String name, MergeMode mergeMode) {
        public static Config of() {
            return new Config("bidirectional", MergeMode.CONCAT);
        }

        public Config mergeMode(MergeMode v) {
            return new Config(name, v);
        }

        public Config name(String v) {
            return new Config(v, mergeMode);
        }
    }

    /** What rebuilds this layer: its own config and the wrapped layer's (as Keras' get_config nests them). */
    public record Spec(Config config, Record layer) {}

    private final Config config;
    private final RecurrentLayer<?> forward;
    private final RecurrentLayer<?> backward;

    public Bidirectional(Config config, RecurrentLayer<?> layer, RandomGenerator rng) {
        super(config.name());
        this.config = config;
        RnnOptions o = layer.options().zeroOutputForMask(layer.options().returnSequences());
        String f = "forward_" + layer.name();
        String b = "backward_" + layer.name();
        this.forward = addChild(f, layer.rebuild(f, o, rng));
        this.backward = addChild(b, layer.rebuild(b, o.goBackwards(!o.goBackwards()), rng));
    }

    /**
     * Rebuilds from a saved {@link Spec} (for LayerFactory): the stored inner config is the forward copy's, named
     * "forward_x", so the wrapped layer gets its own name x back and the children come out with the saved paths.
     */
    public static Bidirectional fromConfig(Spec spec, RandomGenerator rng) {
        RecurrentLayer<?> inner = (RecurrentLayer<?>) org.seq4j.nn.LayerFactory.create(spec.layer(), rng);
        String name = inner.name().startsWith("forward_") ? inner.name().substring("forward_".length()) : inner.name();
        return new Bidirectional(spec.config(), inner.rebuild(name, inner.options(), rng), rng);
    }

    @Override
    public Spec config() {
        return new Spec(config, forward.config());
    }

    public RecurrentLayer<?> forwardLayer() {
        return forward;
    }

    public RecurrentLayer<?> backwardLayer() {
        return backward;
    }

    @Override
    public List<Masked> call(List<Masked> inputs, Context ctx) {
        int states = forward.stateCount();
        if (inputs.isEmpty() || (inputs.size() != 1 && inputs.size() != 1 + 2 * states)) {
            throw new IllegalArgumentException(name() + " (Bidirectional): takes x or x plus " + 2 * states
                    + " initial states (forward then backward), got " + inputs.size() + " inputs");
        }
        Masked x = inputs.get(0);
        List<Masked> fwdIn = new ArrayList<>(List.of(x));
        List<Masked> bwdIn = new ArrayList<>(List.of(x));
        if (inputs.size() > 1) {
            fwdIn.addAll(inputs.subList(1, 1 + states));
            bwdIn.addAll(inputs.subList(1 + states, 1 + 2 * states));
        }
        List<Masked> fwd = forward.call(fwdIn, ctx);
        List<Masked> bwd = backward.call(bwdIn, ctx);
        boolean sequences = forward.options().returnSequences();
        Variable yf = fwd.get(0).value();
        Variable yb = sequences ? reverseTime(bwd.get(0).value()) : bwd.get(0).value();
        Tensor mask = sequences ? x.mask() : null;
        List<Masked> out = new ArrayList<>();
        switch (config.mergeMode()) {
            case CONCAT -> out.add(new Masked(Shaping.concat(yf.shape().rank() - 1, List.of(yf, yb)), mask));
            case SUM -> out.add(new Masked(yf.add(yb), mask));
            case AVE -> out.add(new Masked(yf.add(yb).mul(0.5f), mask));
            case MUL -> out.add(new Masked(yf.mul(yb), mask));
            case NONE -> {
                out.add(new Masked(yf, mask));
                out.add(new Masked(yb, mask));
            }
        }
        out.addAll(fwd.subList(1, fwd.size()));
        out.addAll(bwd.subList(1, bwd.size()));
        return out;
    }

    /** (B, T, u) with the time axis reversed. */
    private static Variable reverseTime(Variable seq) {
        int t = seq.shape().dim(1);
        int[] rev = new int[t];
        for (int i = 0; i < t; i++) {
            rev[i] = t - 1 - i;
        }
        return seq.indexSelect(1, IntTensor.of(rev, t));
    }
}
