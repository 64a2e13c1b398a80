package org.seq4j.task.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.seq4j.nn.Dense;
import org.seq4j.nn.Dropout;
import org.seq4j.nn.Embedding;
import org.seq4j.nn.GlobalAveragePooling1D;
import org.seq4j.nn.Layer;
import org.seq4j.nn.recurrent.Bidirectional;
import org.seq4j.nn.recurrent.GRU;
import org.seq4j.nn.recurrent.LSTM;
import org.seq4j.nn.recurrent.RecurrentLayer;
import org.seq4j.nn.recurrent.SimpleRNN;

/** The layers a {@link ClassifierSpec} describes, from token ids (B, T) to class logits (B, C). */
final class Networks {
    private Networks() {}

    static List<Layer> layers(ClassifierSpec s, int vocab, int classes, RandomGenerator rng) {
        List<Layer> layers = new ArrayList<>();
        layers.add(new Embedding(Embedding.Config.of(vocab, s.embed()).maskZero(true), rng));     // (B, T, E)
        int width = s.embed();
        if (s.arch() == ClassifierSpec.Arch.POOL) {
            layers.add(new GlobalAveragePooling1D(GlobalAveragePooling1D.Config.defaults()));   // (B, E)
        } else {
            for (int i = 0; i < s.layers(); i++) {
                boolean sequences = i < s.layers() - 1;     // all but the last feed the next layer every step
                RecurrentLayer<?> rnn = recurrent(s.arch(), width, s.hidden(), sequences, i, rng);
                layers.add(s.bidirectional() ? new Bidirectional(
                        Bidirectional.Config.of().name("bidirectional_" + rnn.name()), rnn, rng) : rnn);
                width = s.hidden() * (s.bidirectional() ? 2 : 1);                      // (B, [T,] H or 2H)
            }
        }
        if (s.dropout() > 0) {
            layers.add(new Dropout(Dropout.Config.of((float) s.dropout())));
        }
        layers.add(new Dense(Dense.Config.of(width, classes), rng));                   // (B, C) logits
        return layers;
    }

    private static RecurrentLayer<?> recurrent(ClassifierSpec.Arch arch, int in, int units, boolean sequences,
                                               int index, RandomGenerator rng) {
        String name = arch.name().toLowerCase(java.util.Locale.ROOT) + "_" + (index + 1);
        return switch (arch) {
            case RNN -> new SimpleRNN(SimpleRNN.Config.of(in, units).returnSequences(sequences).name(name), rng);
            case LSTM -> new LSTM(LSTM.Config.of(in, units).returnSequences(sequences).name(name), rng);
            case GRU -> new GRU(GRU.Config.of(in, units).returnSequences(sequences).name(name), rng);
            case POOL -> throw new IllegalArgumentException("pooling is not recurrent");
        };
    }
}
