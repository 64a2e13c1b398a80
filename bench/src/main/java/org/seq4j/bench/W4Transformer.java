package org.seq4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.seq4j.autograd.Variable;
import org.seq4j.loss.SparseCategoricalCrossentropy;
import org.seq4j.nn.Context;
import org.seq4j.nn.Dense;
import org.seq4j.nn.Embedding;
import org.seq4j.nn.Layer;
import org.seq4j.nn.Masked;
import org.seq4j.nn.attention.PositionEmbedding;
import org.seq4j.nn.attention.TransformerEncoderBlock;
import org.seq4j.optim.Adam;
import org.seq4j.tensor.IntTensor;
import org.seq4j.tensor.Tensor;

/**
 * W4, the peers' Transformer encoder classifier, one training step per iteration: Embedding(20000, 256) + learned
 * positions (128, 256); 2 post-norm encoder layers (4 heads, FFN 256→1024→256 ReLU); mean over time; Dense(2);
 * softmax cross-entropy from logits; Adam(1e-3). Batch 32, length 128, fresh random ids and labels every step.
 */
public final class W4Transformer implements Workload {
    static final int VOCAB = 20_000;
    static final int D = 256;
    static final int HEADS = 4;
    static final int FF = 1024;
    static final int LAYERS = 2;
    static final int BATCH = 32;
    static final int SEQ = 128;

    @Override
    public String name() {
        return "w4";
    }

    @Override
    public String description() {
        return "Transformer encoder classifier training step, batch 32, length 128 (examples/s)";
    }

    @Override
    public void run() throws Exception {
        SplittableRandom rng = new SplittableRandom(4);
        Embedding tokens = new Embedding(Embedding.Config.of(VOCAB, D), rng);
        PositionEmbedding positions = new PositionEmbedding(PositionEmbedding.Config.of(SEQ, D), rng);
        List<TransformerEncoderBlock> blocks = new ArrayList<>();
        for (int i = 0; i < LAYERS; i++) {
            blocks.add(new TransformerEncoderBlock(TransformerEncoderBlock.Config.of(D, HEADS, FF), rng));
        }
        Dense head = new Dense(Dense.Config.of(D, 2), rng);
        List<Layer> layers = new ArrayList<>(List.of(tokens, positions, head));
        layers.addAll(blocks);
        List<Variable> params = new ArrayList<>();
        layers.forEach(l -> params.addAll(l.trainableWeights()));
        Timing.info("W4 params=" + params.stream().mapToLong(p -> p.value().size()).sum());
        Adam adam = new Adam(params);
        SparseCategoricalCrossentropy loss = SparseCategoricalCrossentropy.logits();
        Context ctx = Context.training(rng);
        SplittableRandom data = new SplittableRandom(5);
        Timing.measure("W4", "transformer-train-b32-t128", new Timing.Minimums(3, 10, 3.0), BATCH, "examples/s", () -> {
            int[] ids = new int[BATCH * SEQ];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = data.nextInt(VOCAB);
            }
            int[] labels = new int[BATCH];
            for (int i = 0; i < BATCH; i++) {
                labels[i] = data.nextInt(2);
            }
            Masked x = Masked.of(tokens.lookup(IntTensor.of(ids, BATCH, SEQ)));            // (B, T, D)
            x = positions.apply(x, ctx);
            for (TransformerEncoderBlock b : blocks) {
                x = b.apply(x, ctx);
            }
            Variable pooled = x.value().mean(1);                                           // (B, D)
            Variable logits = head.apply(pooled);                                          // (B, 2)
            Variable l = loss.compute(logits, IntTensor.of(labels, BATCH));
            adam.zeroGrad();
            l.backward();
            adam.step();
            Tensor v = l.value();
            if (!Float.isFinite(v.item())) {
                throw new IllegalStateException("W4 loss is not finite: " + v.item());
            }
        });
    }
}
