package org.seq4j.task.tag;

import java.util.Objects;
import org.seq4j.task.RnnKind;

/**
 * The network of a {@link SequenceTagger}: Embedding(words, maskZero) [⊕ Embedding(suffix and shape)] →
 * Dropout → Bidirectional(RNN, sequences) → Dropout → TimeDistributed(Dense(tags)) logits.
 *
 * @param cell LSTM or GRU, run both ways (Bidirectional, concatenated)
 * @param embed word embedding width
 * @param hidden units of each direction
 * @param dropout Dropout on the embeddings and on the recurrent outputs
 * @param casing whether words are lower-cased before the vocabulary lookup
 * @param minFrequency training words seen fewer times are {@code <unk>} (so that {@code <unk>} is trained)
 * @param features what each token contributes
 * @param featureEmbed width of the suffix-and-shape embedding
 */
public record TaggerSpec(RnnKind cell, int embed, int hidden, float dropout, Casing casing, int minFrequency,
                         WordFeatures features, int featureEmbed) {

    public TaggerSpec {
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(casing, "casing");
        Objects.requireNonNull(features, "features");
        if (embed < 1 || hidden < 1 || featureEmbed < 1 || minFrequency < 1 || !(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("tagger spec: embed " + embed + ", hidden " + hidden
                    + ", feature embed " + featureEmbed + ", min frequency " + minFrequency + ", dropout " + dropout);
        }
    }

    /** A BiLSTM(128) tagger over lower-cased words and their suffixes (a BiLSTM POS tagger's usual size). */
    public static TaggerSpec defaults() {
        return new TaggerSpec(RnnKind.LSTM, 100, 128, 0.25f, Casing.LOWER, 2, WordFeatures.WORDS_AND_SUFFIXES, 32);
    }

    public TaggerSpec cell(RnnKind v) {
        return new TaggerSpec(v, embed, hidden, dropout, casing, minFrequency, features, featureEmbed);
    }

    public TaggerSpec embed(int v) {
        return new TaggerSpec(cell, v, hidden, dropout, casing, minFrequency, features, featureEmbed);
    }

    public TaggerSpec hidden(int v) {
        return new TaggerSpec(cell, embed, v, dropout, casing, minFrequency, features, featureEmbed);
    }

    public TaggerSpec dropout(float v) {
        return new TaggerSpec(cell, embed, hidden, v, casing, minFrequency, features, featureEmbed);
    }

    public TaggerSpec casing(Casing v) {
        return new TaggerSpec(cell, embed, hidden, dropout, v, minFrequency, features, featureEmbed);
    }

    public TaggerSpec minFrequency(int v) {
        return new TaggerSpec(cell, embed, hidden, dropout, casing, v, features, featureEmbed);
    }

    public TaggerSpec features(WordFeatures v) {
        return new TaggerSpec(cell, embed, hidden, dropout, casing, minFrequency, v, featureEmbed);
    }

    public TaggerSpec featureEmbed(int v) {
        return new TaggerSpec(cell, embed, hidden, dropout, casing, minFrequency, features, v);
    }
}
