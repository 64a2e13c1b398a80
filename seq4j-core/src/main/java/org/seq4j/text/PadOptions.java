package org.seq4j.text;

/**
 * Options of Keras' {@code pad_sequences}, with its defaults.
 *
 * @param maxlen     output length; {@code null} = the longest sequence
 * @param padding    where padding goes: {@link Side#PRE} (Keras' default) puts it before the values
 * @param truncating which end is cut from a longer sequence: {@link Side#PRE} (default) drops the start,
 *                   keeping the last {@code maxlen} items
 * @param value      the padding value; cast to the output type (truncated toward zero for ints, as numpy does)
 */
public record PadOptions(Integer maxlen, Side padding, Side truncating, double value) {

    /** The start ({@code 'pre'}) or the end ({@code 'post'}) of a sequence. */
    public enum Side { PRE, POST }

    public PadOptions {
        if (maxlen != null && maxlen < 0) {
            throw new IllegalArgumentException("maxlen must be >= 0 or null, got " + maxlen);
        }
        if (padding == null || truncating == null) {
            throw new IllegalArgumentException("padding and truncating must be PRE or POST");
        }
    }

    /** Keras' defaults: longest, pad pre, truncate pre, value 0. */
    public static PadOptions defaults() {
        return new PadOptions(null, Side.PRE, Side.PRE, 0);
    }

    public PadOptions withMaxlen(Integer m) {
        return new PadOptions(m, padding, truncating, value);
    }

    public PadOptions withPadding(Side s) {
        return new PadOptions(maxlen, s, truncating, value);
    }

    public PadOptions withTruncating(Side s) {
        return new PadOptions(maxlen, padding, s, value);
    }

    public PadOptions withValue(double v) {
        return new PadOptions(maxlen, padding, truncating, v);
    }
}
