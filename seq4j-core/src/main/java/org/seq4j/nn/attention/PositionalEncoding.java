package org.seq4j.nn.attention;

import org.seq4j.autograd.Variable;
import org.seq4j.nn.Context;
import org.seq4j.nn.Layer;
import org.seq4j.nn.Masked;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/**
 * The sinusoidal positional encoding of Vaswani et al. 2017, sin and cos interleaved (as keras_nlp's
 * SinePositionEncoding; tensor2tensor concatenates [sin | cos] instead):
 *
 * <pre>
 *   PE[pos, 2i]   = sin(pos / base^(2i/d))
 *   PE[pos, 2i+1] = cos(pos / base^(2i/d))          base = 10000
 * </pre>
 *
 * As a layer it adds PE[:T] to a (B, T, d) input (keras_nlp's layer returns PE alone) and has no weights; the mask
 * passes through. The table is computed in double and rounded once, and cached for the longest length seen.
 */
public final class PositionalEncoding extends Layer {

    public record Config(String name, double base) {
        public Config {
            if (!(base > 1)) {
                throw new IllegalArgumentException("PositionalEncoding: base must exceed 1, got " + base);
            }
        }

        public static Config of() {
            return new Config("positional_encoding", 10000);
        }

        public Config name(String n) {
            return new Config(n, base);
        }

        public Config base(double b) {
            return new Config(name, b);
        }
    }

    private final Config config;
    private Tensor cached = Tensor.zeros(0, 0);

    public PositionalEncoding(Config config) {
        super(config.name());
        this.config = config;
    }

    @Override
    public Config config() {
        return config;
    }

    /** The (positions, dModel) table with base 10000. */
    public static Tensor table(int positions, int dModel) {
        return table(positions, dModel, 10000);
    }

    public static Tensor table(int positions, int dModel, double base) {
        if (positions < 0 || dModel <= 0) {
            throw new IllegalArgumentException("PositionalEncoding: need positions ≥ 0 and d_model > 0, got "
                    + positions + " and " + dModel);
        }
        float[] pe = new float[positions * dModel];
        for (int c = 0; c < dModel; c++) {
            double frequency = Math.pow(base, -(double) (c - c % 2) / dModel);   // 1 / base^(2i/d)
            for (int pos = 0; pos < positions; pos++) {
                double angle = pos * frequency;
                pe[pos * dModel + c] = (float) (c % 2 == 0 ? Math.sin(angle) : Math.cos(angle));
            }
        }
        return Tensor.of(pe, positions, dModel);                            // (positions, d)
    }

    @Override
    protected Masked forward(Masked input, Context ctx) {
        Shape s = input.value().shape();
        if (s.rank() != 3) {
            throw new IllegalArgumentException(name() + " (PositionalEncoding): expects (B, T, d), input shape is " + s);
        }
        int t = s.dim(1);
        int d = s.dim(2);
        Tensor pe = cached;
        if (pe.dim(0) < t || pe.dim(1) != d) {
            pe = table(Math.max(t, pe.dim(1) == d ? pe.dim(0) : 0), d, config.base());
            cached = pe;
        }
        return input.with(input.value().add(Variable.constant(pe.narrow(0, 0, t))));   // (B, T, d)
    }
}
