package org.seq4j.nn.recurrent;

/**
 * The Keras RNN options every recurrent layer shares, defaults as in Keras (all off).
 *
 * @param returnSequences   output the whole sequence (B, T, u) instead of the last step's output (B, u)
 * @param returnState       also output the final state parts (state_h[, state_c])
 * @param goBackwards       read the input from the last step to the first; the returned sequence stays in
 *                          processing order (output[:, 0] consumed input[:, T−1]), as in Keras
 * @param dropout           variational dropout rate on the inputs x_t (one mask per sequence and gate)
 * @param recurrentDropout  variational dropout rate on h_{t−1} (one mask per sequence and gate)
 * @param zeroOutputForMask at a masked step output zeros instead of repeating the previous output (Keras'
 *                          {@code zero_output_for_mask}; Bidirectional sets it to returnSequences)
 */
public record RnnOptions(boolean returnSequences, boolean returnState, boolean goBackwards, float dropout,
                         float recurrentDropout, boolean zeroOutputForMask) {

    public RnnOptions {
        checkRate("dropout", dropout);
        checkRate("recurrentDropout", recurrentDropout);
    }

    public static RnnOptions defaults() {
        return new RnnOptions(false, false, false, 0f, 0f, false);
    }

    public RnnOptions returnSequences(boolean v) {
        return new RnnOptions(v, returnState, goBackwards, dropout, recurrentDropout, zeroOutputForMask);
    }

    public RnnOptions returnState(boolean v) {
        return new RnnOptions(returnSequences, v, goBackwards, dropout, recurrentDropout, zeroOutputForMask);
    }

    public RnnOptions goBackwards(boolean v) {
        return new RnnOptions(returnSequences, returnState, v, dropout, recurrentDropout, zeroOutputForMask);
    }

    public RnnOptions dropout(float v) {
        return new RnnOptions(returnSequences, returnState, goBackwards, v, recurrentDropout, zeroOutputForMask);
    }

    public RnnOptions recurrentDropout(float v) {
        return new RnnOptions(returnSequences, returnState, goBackwards, dropout, v, zeroOutputForMask);
    }

    public RnnOptions zeroOutputForMask(boolean v) {
        return new RnnOptions(returnSequences, returnState, goBackwards, dropout, recurrentDropout, v);
    }

    private static void checkRate(String what, float rate) {
        if (!(rate >= 0f && rate < 1f)) {
            throw new IllegalArgumentException("RnnOptions: " + what + " must be in [0, 1), got " + rate);
        }
    }
}
