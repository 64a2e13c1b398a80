package org.seq4j.bench;

import java.util.List;
import java.util.SplittableRandom;
import org.seq4j.autograd.GradMode;
import org.seq4j.autograd.Variable;
import org.seq4j.nn.Dense;
import org.seq4j.nn.Embedding;
import org.seq4j.nn.recurrent.LSTM;
import org.seq4j.nn.recurrent.LstmCell;
import org.seq4j.nn.recurrent.LstmState;
import org.seq4j.nn.recurrent.Step;
import org.seq4j.tensor.IntTensor;

/**
 * W5, char-LSTM generation: Embedding(65, 64) → 2-layer LSTM(512) → Dense(65), greedy argmax, 500 tokens one at a
 * time from id 0 and a zero state, batch 1, the chosen id back in Java every step (as real generation needs).
 */
public final class W5Generation implements Workload {
    static final int VOCAB = 65;
    static final int EMBED = 64;
    static final int HIDDEN = 512;
    static final int TOKENS = 500;

    @Override
    public String name() {
        return "w5";
    }

    @Override
    public String description() {
        return "char-LSTM greedy generation, 2x LSTM(512), 500 tokens, batch 1 (tokens/s)";
    }

    @Override
    public void run() throws Exception {
        SplittableRandom rng = new SplittableRandom(5);
        Embedding embedding = new Embedding(Embedding.Config.of(VOCAB, EMBED), rng);
        LstmCell cell1 = new LSTM(LSTM.Config.of(EMBED, HIDDEN), rng).cell();
        LstmCell cell2 = new LSTM(LSTM.Config.of(HIDDEN, HIDDEN), rng).cell();
        Dense head = new Dense(Dense.Config.of(HIDDEN, VOCAB), rng);
        long params = embedding.trainableWeights().stream().mapToLong(p -> p.value().size()).sum()
                + head.trainableWeights().stream().mapToLong(p -> p.value().size()).sum();
        for (LstmCell c : List.of(cell1, cell2)) {
            params += c.kernel().value().size() + c.recurrentKernel().value().size() + c.bias().value().size();
        }
        Timing.info("W5 params=" + params);
        Timing.measure("W5", "charlstm-gen-500", new Timing.Minimums(2, 10, 3.0), TOKENS, "tokens/s", () -> {
            try (GradMode.Scope s = GradMode.noGrad()) {
                LstmState s1 = cell1.zeroState(1);
                LstmState s2 = cell2.zeroState(1);
                int id = 0;
                long checksum = 0;
                for (int t = 0; t < TOKENS; t++) {
                    Variable x = embedding.lookup(IntTensor.of(new int[] {id}, 1));       // (1, 64)
                    Step<LstmState> a = cell1.step(x, s1);
                    Step<LstmState> b = cell2.step(a.output(), s2);
                    s1 = a.state();
                    s2 = b.state();
                    id = head.apply(b.output()).value().argmax(-1).getFlat(0);            // back in Java
                    checksum += id;
                }
                if (checksum < 0) {
                    throw new IllegalStateException("unreachable: keeps the ids used");
                }
            }
        });
    }
}
