package org.seq4j.task.lm;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.seq4j.autograd.GradMode;
import org.seq4j.autograd.Variable;
import org.seq4j.nn.Dense;
import org.seq4j.nn.Dropout;
import org.seq4j.nn.Embedding;
import org.seq4j.nn.Layer;
import org.seq4j.nn.Sequential;
import org.seq4j.nn.recurrent.CellState;
import org.seq4j.nn.recurrent.GRU;
import org.seq4j.nn.recurrent.LSTM;
import org.seq4j.nn.recurrent.RecurrentLayer;
import org.seq4j.nn.recurrent.SimpleRNN;
import org.seq4j.tensor.IntTensor;
import org.seq4j.tensor.Shape;

/**
 * The next-token network, Embedding → RNN × L (sequences, Dropout after each) → Dense(vocab) logits, and its
 * step-by-step form for generation: the cells' state is carried from token to token, so each new token costs one
 * step, never a re-run of the prefix.
 */
final class LmNetwork {
    private LmNetwork() {
    }

    static Sequential build(LmSpec spec, int vocab, int seqLen, RandomGenerator rng) {
        List<Layer> layers = new ArrayList<>();
        layers.add(new Embedding(Embedding.Config.of(vocab, spec.embed()).name("embedding"), rng));
        int in = spec.embed();
        for (int l = 0; l < spec.layers(); l++) {
            String name = "rnn_" + l;
            layers.add(switch (spec.cell()) {
                case RNN -> new SimpleRNN(SimpleRNN.Config.of(in, spec.hidden()).name(name).returnSequences(true), rng);
                case LSTM -> new LSTM(LSTM.Config.of(in, spec.hidden()).name(name).returnSequences(true), rng);
                case GRU -> new GRU(GRU.Config.of(in, spec.hidden()).name(name).returnSequences(true), rng);
            });
            if (spec.dropout() > 0) {
                layers.add(new Dropout(Dropout.Config.of(spec.dropout())));
            }
            in = spec.hidden();
        }
        layers.add(new Dense(Dense.Config.of(in, vocab).name("logits"), rng));
        return new Sequential("lm", Shape.of(seqLen), layers);
    }

    /** A generation in progress: the cells' states after the tokens fed so far, for a batch of one. */
    static final class Stepper {
        private final Embedding embedding;
        private final List<RecurrentLayer<?>> rnns = new ArrayList<>();
        private final Dense logits;
        private final List<CellState> states = new ArrayList<>();

        Stepper(Sequential network) {
            Embedding e = null;
            Dense d = null;
            for (Layer l : network.layers()) {
                switch (l) {
                    case Embedding x -> e = x;
                    case RecurrentLayer<?> r -> rnns.add(r);
                    case Dense x -> d = x;
                    default -> { }   // Dropout is the identity in inference
                }
            }
            if (e == null || d == null || rnns.isEmpty()) {
                throw new IllegalArgumentException(network.name() + ": not an Embedding → RNN → Dense network");
            }
            this.embedding = e;
            this.logits = d;
            rnns.forEach(r -> states.add(r.cell().zeroState(1)));
        }

        /** Feeds one token; returns the logits of the next (vocab,). */
        float[] feed(int id) {
            try (GradMode.Scope s = GradMode.noGrad()) {
                Variable x = embedding.lookup(IntTensor.of(new int[] {id}, 1));   // (1, E)
                for (int l = 0; l < rnns.size(); l++) {
                    x = step(rnns.get(l), x, l);                                 // (1, H)
                }
                return logits.apply(x).value().toArray();                        // (1, V)
            }
        }

        private <S extends CellState> Variable step(RecurrentLayer<S> rnn, Variable x, int l) {
            @SuppressWarnings("unchecked")
            S state = (S) states.get(l);
            var next = rnn.cell().step(x, state);
            states.set(l, next.state());
            return next.output();
        }
    }
}
