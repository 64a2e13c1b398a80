package org.seq4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.seq4j.autograd.Variable;
import org.seq4j.loss.BinaryCrossentropy;
import org.seq4j.nn.Context;
import org.seq4j.nn.Dense;
import org.seq4j.nn.Embedding;
import org.seq4j.nn.Layer;
import org.seq4j.nn.Masked;
import org.seq4j.nn.recurrent.GRU;
import org.seq4j.nn.recurrent.LSTM;
import org.seq4j.optim.Adam;
import org.seq4j.tensor.IntTensor;
import org.seq4j.tensor.Tensor;

/**
 * W2 and W3, Keras' IMDB example as one training step per iteration: Embedding(20000, 128) → LSTM(128) (W2) or
 * GRU(128) (W3, reset_after as PyTorch) over 200 steps, last hidden state → Dense(1), sigmoid BCE from logits,
 * Adam(1e-3), batch 64, fresh random ids and labels every step.
 */
public final class W2W3Recurrent implements Workload {
    static final int VOCAB = 20_000;
    static final int EMBED = 128;
    static final int HIDDEN = 128;
    static final int BATCH = 64;
    static final int SEQ = 200;

    private final boolean gru;

    private W2W3Recurrent(boolean gru) {
        this.gru = gru;
    }

    public static W2W3Recurrent lstm() {
        return new W2W3Recurrent(false);
    }

    public static W2W3Recurrent gru() {
        return new W2W3Recurrent(true);
    }

    @Override
    public String name() {
        return gru ? "w3" : "w2";
    }

    @Override
    public String description() {
        return (gru ? "GRU" : "LSTM") + "(128) IMDB training step, batch 64, 200 steps (examples/s)";
    }

    @Override
    public void run() throws Exception {
        SplittableRandom rng = new SplittableRandom(2);
        Embedding embedding = new Embedding(Embedding.Config.of(VOCAB, EMBED), rng);
        Layer rnn = gru ? new GRU(GRU.Config.of(EMBED, HIDDEN), rng) : new LSTM(LSTM.Config.of(EMBED, HIDDEN), rng);
        Dense head = new Dense(Dense.Config.of(HIDDEN, 1), rng);
        List<Variable> params = new ArrayList<>();
        for (Layer l : List.of(embedding, rnn, head)) {
            params.addAll(l.trainableWeights());
        }
        String workload = gru ? "W3" : "W2";
        Timing.info(workload + " params=" + params.stream().mapToLong(p -> p.value().size()).sum());
        Adam adam = new Adam(params);
        BinaryCrossentropy loss = BinaryCrossentropy.logits();
        Context ctx = Context.training(rng);
        SplittableRandom data = new SplittableRandom(3);
        String caseName = (gru ? "gru" : "lstm") + "-train-b64-t200";
        Timing.measure(workload, caseName, new Timing.Minimums(3, 10, 3.0), BATCH, "examples/s", () -> {
            int[] ids = new int[BATCH * SEQ];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = data.nextInt(VOCAB);
            }
            float[] labels = new float[BATCH];
            for (int i = 0; i < BATCH; i++) {
                labels[i] = data.nextInt(2);
            }
            Variable x = embedding.lookup(IntTensor.of(ids, BATCH, SEQ));                // (B, T, 128)
            Variable h = rnn.apply(Masked.of(x), ctx).value();                           // (B, 128)
            Variable logits = head.apply(h);                                             // (B, 1)
            Variable l = loss.compute(logits, Tensor.of(labels, BATCH, 1));
            adam.zeroGrad();
            l.backward();
            adam.step();
            if (!Float.isFinite(l.value().item())) {
                throw new IllegalStateException(workload + " loss is not finite");
            }
        });
    }
}
