package org.seq4j.nn.attention;

import org.seq4j.autograd.Variable;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/**
 * Keep-masks for attention scores (1 = attend, 0 = masked) and the one way they are applied, Keras' additive form:
 *
 * <pre>
 *   scores' = scores + (1 − mask)·(−1e9)
 * </pre>
 *
 * Not −∞: a row with every key masked then gets uniform weights instead of NaN, as in Keras. Masks are data: they
 * carry no gradient, but the addition keeps the graph through the masked scores exactly as Keras' does.
 */
public final class AttentionMask {
    /** Keras' large negative number for float32 ({@code _large_negative_number}). */
    public static final float MASKED = -1e9f;

    private AttentionMask() {}

    /** Lower-triangular (Tq, Tk) with 1 where key j ≤ query i, aligned top-left as Keras' use_causal_mask. */
    public static Tensor causal(int tq, int tk) {
        float[] m = new float[tq * tk];
        for (int i = 0; i < tq; i++) {
            for (int j = 0; j <= i && j < tk; j++) {
                m[i * tk + j] = 1f;
            }
        }
        return Tensor.of(m, tq, tk);                                        // (Tq, Tk)
    }

    /** A (B, Tk) key mask as (B, 1, …, 1, Tk) of the given rank, so it broadcasts over queries (and heads). */
    public static Tensor keys(Tensor keyMask, int rank) {
        int[] dims = new int[rank];
        java.util.Arrays.fill(dims, 1);
        dims[0] = keyMask.dim(0);
        dims[rank - 1] = keyMask.dim(1);
        return keyMask.reshape(dims);                                       // (B, 1, …, 1, Tk)
    }

    /** A (B, Tq) query mask as (B, 1, …, 1, Tq, 1) of the given rank: masks whole rows of the scores. */
    public static Tensor queries(Tensor queryMask, int rank) {
        int[] dims = new int[rank];
        java.util.Arrays.fill(dims, 1);
        dims[0] = queryMask.dim(0);
        dims[rank - 2] = queryMask.dim(1);
        return queryMask.reshape(dims);                                     // (B, 1, …, 1, Tq, 1)
    }

    /** Logical and of two keep-masks (either may be null = keep everything); the result broadcasts. */
    public static Tensor and(Tensor a, Tensor b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.ne(Tensor.scalar(0f)).mul(b.ne(Tensor.scalar(0f)));
    }

    /** scores + (1 − mask)·(−1e9); the scores unchanged when there is no mask. */
    public static Variable apply(Variable scores, Tensor keep) {
        if (keep == null) {
            return scores;
        }
        return scores.add(Variable.constant(bias(keep)));
    }

    /** The additive form (1 − [mask ≠ 0])·(−1e9) of a keep-mask, broadcasting as the mask does. */
    public static Tensor bias(Tensor keep) {
        return Tensor.scalar(1f).sub(keep.ne(Tensor.scalar(0f))).mul(MASKED);
    }

    /** Throws unless {@code mask} is (B, T) for a (B, T, …) sequence; names the layer and both shapes. */
    public static void checkSequenceMask(String layer, String what, Tensor mask, Shape sequence) {
        if (mask == null) {
            return;
        }
        if (mask.rank() != 2 || mask.dim(0) != sequence.dim(0) || mask.dim(1) != sequence.dim(1)) {
            throw new IllegalArgumentException(layer + ": " + what + " mask shape " + mask.shape()
                    + " does not match its input " + sequence + " (expected (B, T) = (" + sequence.dim(0) + ", "
                    + sequence.dim(1) + "))");
        }
    }
}
