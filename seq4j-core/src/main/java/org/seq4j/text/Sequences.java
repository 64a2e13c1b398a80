package org.seq4j.text;

import java.util.Arrays;
import java.util.List;
import org.seq4j.tensor.IntTensor;
import org.seq4j.tensor.Tensor;

/**
 * Keras' {@code pad_sequences}: variable-length sequences to one (B, maxlen) tensor.
 * A longer sequence is cut at the {@code truncating} side, a shorter one filled with {@code value} at the
 * {@code padding} side; an empty sequence is a row of padding.
 */
public final class Sequences {
    private Sequences() {
    }

    /** Token ids padded to an int tensor (B, maxlen). */
    public static IntTensor pad(List<int[]> sequences, PadOptions o) {
        int[] lengths = sequences.stream().mapToInt(s -> s.length).toArray();
        int maxlen = maxlen(lengths, o);
        int[] out = new int[sequences.size() * maxlen]; // (B, maxlen)
        Arrays.fill(out, (int) o.value());
        for (int r = 0; r < sequences.size(); r++) {
            Span span = span(lengths[r], maxlen, o);
            System.arraycopy(sequences.get(r), span.from, out, r * maxlen + span.to, span.length);
        }
        return IntTensor.of(out, sequences.size(), maxlen);
    }

    /** Float sequences (e.g. per-step features of width 1) padded to a float tensor (B, maxlen). */
    public static Tensor padFloats(List<float[]> sequences, PadOptions o) {
        return Tensor.of(padFloatsFlat(sequences, o), sequences.size(), maxlen(lengths(sequences), o));
    }

    /** The row-major values of {@link #padFloats}, for callers (and tests) that want the numbers. */
    static float[] padFloatsFlat(List<float[]> sequences, PadOptions o) {
        int[] lengths = lengths(sequences);
        int maxlen = maxlen(lengths, o);
        float[] out = new float[sequences.size() * maxlen]; // (B, maxlen)
        Arrays.fill(out, (float) o.value());
        for (int r = 0; r < sequences.size(); r++) {
            Span span = span(lengths[r], maxlen, o);
            System.arraycopy(sequences.get(r), span.from, out, r * maxlen + span.to, span.length);
        }
        return out;
    }

    private static int[] lengths(List<float[]> sequences) {
        return sequences.stream().mapToInt(s -> s.length).toArray();
    }

    /** The longest length when maxlen is unset; 0 for no sequences (where numpy would fail on an empty max). */
    private static int maxlen(int[] lengths, PadOptions o) {
        if (o.maxlen() != null) {
            return o.maxlen();
        }
        int longest = 0;
        for (int n : lengths) {
            longest = Math.max(longest, n);
        }
        return longest;
    }

    /** Copy {@code length} items from source offset {@code from} to row offset {@code to}. */
    private record Span(int from, int to, int length) {
    }

    private static Span span(int n, int maxlen, PadOptions o) {
        int kept = Math.min(n, maxlen);
        int from = o.truncating() == PadOptions.Side.PRE ? n - kept : 0;
        int to = o.padding() == PadOptions.Side.PRE ? maxlen - kept : 0;
        return new Span(from, to, kept);
    }
}
