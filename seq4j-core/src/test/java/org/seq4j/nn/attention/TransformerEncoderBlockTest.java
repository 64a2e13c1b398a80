package org.seq4j.nn.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.seq4j.autograd.GradCheck;
import org.seq4j.autograd.Variable;
import org.seq4j.nn.Context;
import org.seq4j.nn.Masked;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

class TransformerEncoderBlockTest {

    @Test
    void parameterCountMatchesThePeersW4Layer() {
        // d=256, 4 heads, FFN 1024: 4·(256·256+256) + 2·512 + (256·1024+1024) + (1024·256+256) = 789,760
        var block = new TransformerEncoderBlock(TransformerEncoderBlock.Config.of(256, 4, 1024), new SplittableRandom(1));
        assertEquals(789_760, block.countParams());
        assertEquals(List.of("self_attention/query/kernel", "self_attention/query/bias"),
                List.copyOf(block.weights().keySet()).subList(0, 2));
    }

    @Test
    void shapesAndGradientsReachEveryWeightInBothNormPlacements() {
        for (boolean normFirst : new boolean[] {false, true}) {
            var rng = new SplittableRandom(2);
            var block = new TransformerEncoderBlock(
                    TransformerEncoderBlock.Config.of(8, 2, 16).normFirst(normFirst), rng);
            Variable x = Variable.parameter(Tensor.uniform(Shape.of(3, 5, 8), -1, 1, rng));
            Variable y = block.apply(x);
            assertEquals(Shape.of(3, 5, 8), y.shape());
            y.square().sum().backward();
            assertNotNull(x.grad());
            block.weights().forEach((name, w) -> assertNotNull(w.grad(), name + " got no gradient"));
        }
    }

    @Test
    void causalBlockIgnoresTheFuture() {
        var rng = new SplittableRandom(3);
        var block = new TransformerEncoderBlock(TransformerEncoderBlock.Config.of(8, 2, 16).causal(true), rng);
        Tensor x = Tensor.uniform(Shape.of(1, 6, 8), -1, 1, rng);
        Tensor changed = Tensor.concat(1, x.narrow(1, 0, 4), Tensor.uniform(Shape.of(1, 2, 8), -1, 1, rng));
        float[] a = block.apply(Variable.constant(x)).value().narrow(1, 0, 4).toArray();
        float[] b = block.apply(Variable.constant(changed)).value().narrow(1, 0, 4).toArray();
        assertArrayEquals(a, b);
    }

    @Test
    void gradientCheckOfTheInput() {
        var rng = new SplittableRandom(4);
        var block = new TransformerEncoderBlock(TransformerEncoderBlock.Config.of(4, 2, 8), rng);
        GradCheck.check(in -> block.call(List.of(Masked.of(in.get(0))), Context.inference()).get(0).value(),
                List.of(Tensor.uniform(Shape.of(2, 3, 4), -1, 1, rng)));
    }

    @Test
    void headsMustDivideTheWidth() {
        assertThrows(IllegalArgumentException.class, () -> new TransformerEncoderBlock(
                TransformerEncoderBlock.Config.of(10, 3, 16), new SplittableRandom(1)));
    }
}
