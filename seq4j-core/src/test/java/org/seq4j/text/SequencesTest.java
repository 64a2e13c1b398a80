package org.seq4j.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.seq4j.tensor.IntTensor;
import org.seq4j.tensor.Shape;

class SequencesTest {

    @Test
    void defaultsPadAndTruncateAtTheFront() {
        IntTensor t = Sequences.pad(List.of(new int[] {1, 2, 3}, new int[] {4}), PadOptions.defaults().withMaxlen(2));
        assertEquals(IntTensor.of(new int[][] {{2, 3}, {0, 4}}), t);
    }

    @Test
    void noSequencesGiveAnEmptyBatch() {
        assertEquals(Shape.of(0, 0), Sequences.pad(List.of(), PadOptions.defaults()).shape());
        assertEquals(Shape.of(0, 4), Sequences.pad(List.of(), PadOptions.defaults().withMaxlen(4)).shape());
    }

    @Test
    void maxlenZeroAndAllEmpty() {
        assertEquals(Shape.of(2, 0), Sequences.pad(List.of(new int[] {1}, new int[] {}),
                PadOptions.defaults().withMaxlen(0)).shape());
        assertEquals(Shape.of(2, 0), Sequences.pad(List.of(new int[] {}, new int[] {}), PadOptions.defaults()).shape());
    }

    @Test
    void valueIsCastLikeNumpy() {
        IntTensor t = Sequences.pad(List.of(new int[] {5}), PadOptions.defaults().withMaxlen(2).withValue(-1.7));
        assertArrayEquals(new int[] {-1, 5}, t.toArray());
    }

    @Test
    void floatsPadPost() {
        PadOptions o = PadOptions.defaults().withPadding(PadOptions.Side.POST).withTruncating(PadOptions.Side.POST)
                .withMaxlen(2).withValue(0.5);
        float[] flat = Sequences.padFloatsFlat(List.of(new float[] {1f, 2f, 3f}, new float[] {4f}), o);
        assertArrayEquals(new float[] {1f, 2f, 4f, 0.5f}, flat);
        assertEquals(Shape.of(2, 2), Sequences.padFloats(List.of(new float[] {1f, 2f, 3f}, new float[] {4f}), o)
                .shape());
    }

    @Test
    void badOptionsFailEarly() {
        assertThrows(IllegalArgumentException.class, () -> PadOptions.defaults().withMaxlen(-1));
        assertThrows(IllegalArgumentException.class, () -> PadOptions.defaults().withPadding(null));
    }
}
