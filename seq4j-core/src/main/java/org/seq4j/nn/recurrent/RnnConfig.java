package org.seq4j.nn.recurrent;

/**
 * What every recurrent layer's config shares: the Keras call options ({@link RnnOptions}), with their withers
 * written once here for SimpleRNN, LSTM and GRU.
 *
 * @param <C> the implementing config record
 */
public interface RnnConfig<C extends RnnConfig<C>> {

    RnnOptions options();

    /** A copy with other options. */
    C options(RnnOptions options);

    default C returnSequences(boolean v) {
        return options(options().returnSequences(v));
    }

    default C returnState(boolean v) {
        return options(options().returnState(v));
    }

    default C goBackwards(boolean v) {
        return options(options().goBackwards(v));
    }

    default C dropout(float v) {
        return options(options().dropout(v));
    }

    default C recurrentDropout(float v) {
        return options(options().recurrentDropout(v));
    }
}
