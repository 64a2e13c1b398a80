package org.seq4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seq4j.autograd.Variable;
import org.seq4j.nn.Dense;
import org.seq4j.nn.Embedding;
import org.seq4j.nn.Sequential;
import org.seq4j.nn.TimeDistributed;
import org.seq4j.nn.recurrent.Bidirectional;
import org.seq4j.nn.recurrent.GRU;
import org.seq4j.nn.recurrent.LSTM;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/** Layers that wrap a layer (their config is a Spec nesting the inner config) rebuild from a model file. */
class WrapperModelFileTest {

    @Test
    void bidirectionalAndTimeDistributedRoundTrip(@TempDir Path dir) throws IOException {
        SplittableRandom rng = new SplittableRandom(5);
        Sequential model = new Sequential("tagger", Shape.of(4), List.of(
                new Embedding(Embedding.Config.of(20, 6).maskZero(true), rng),
                new Bidirectional(Bidirectional.Config.of(), new LSTM(LSTM.Config.of(6, 5).returnSequences(true), rng),
                        rng),
                new Bidirectional(Bidirectional.Config.of().name("bi2"),
                        new GRU(GRU.Config.of(10, 3).returnSequences(true), rng), rng),
                new TimeDistributed(TimeDistributed.Config.of(), new Dense(Dense.Config.of(6, 4), rng))));
        Tensor ids = Tensor.of(new float[] {1, 2, 3, 0, 7, 8, 9, 19}, 2, 4);
        float[] before = model.apply(Variable.constant(ids)).value().toArray();
        ModelFile.save(dir.resolve("m"), model, Map.of(), Map.of());
        ModelFile.Loaded loaded = ModelFile.load(dir.resolve("m"));
        assertEquals(model.weights().keySet(), loaded.network().weights().keySet());
        assertArrayEquals(before, loaded.network().apply(Variable.constant(ids)).value().toArray());
    }
}
