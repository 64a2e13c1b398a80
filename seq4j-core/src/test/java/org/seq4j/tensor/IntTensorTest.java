package org.seq4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.seq4j.tensor.Ref.assertMessage;
import static org.seq4j.tensor.Ref.assertValues;

import org.junit.jupiter.api.Test;

class IntTensorTest {

    @Test
    void creationAndReading() {
        int[] src = {1, 2, 3, 4, 5, 6};
        IntTensor t = IntTensor.of(src, 2, 3);
        src[0] = 99; // copied
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6}, t.toArray());
        assertEquals(6, t.get(1, 2));
        assertEquals(4, t.getFlat(3));
        assertEquals(6, t.size());
        assertArrayEquals(new int[] {4, 5, 6}, t.row(1));
        assertEquals(IntTensor.of(new int[][] {{1, 2, 3}, {4, 5, 6}}), t);
        assertEquals(t.hashCode(), IntTensor.of(new int[][] {{1, 2, 3}, {4, 5, 6}}).hashCode());
        assertNotEquals(t, t.reshape(3, 2));
        assertEquals(IntTensor.of(new int[] {1, 2, 3, 4, 5, 6}, 3, 2), t.reshape(3, 2));
        assertEquals(5, IntTensor.of(new int[] {5}).get());
        assertEquals("IntTensor(2, 3) [1, 2, 3, 4, 5, 6]", t.toString());
    }

    @Test
    void toFloatKeepsTheShape() {
        assertValues(new float[] {1, -2, 3, 0}, IntTensor.of(new int[] {1, -2, 3, 0}, 2, 2).toFloat(), 2, 2);
        assertValues(new float[0], IntTensor.of(new int[0], 0, 3).toFloat(), 0, 3);
    }

    @Test
    void badCallsNameTheShape() {
        IntTensor t = IntTensor.of(new int[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertMessage(IllegalArgumentException.class, () -> IntTensor.of(new int[5], 2, 3), "IntTensor.of", "(2, 3)");
        assertMessage(IllegalArgumentException.class, () -> IntTensor.of(new int[][] {{1}, {2, 3}}), "IntTensor.of",
                "row 1");
        assertMessage(IndexOutOfBoundsException.class, () -> t.get(2, 0), "IntTensor.get", "(2, 3)");
        assertMessage(IllegalArgumentException.class, () -> t.get(0), "IntTensor.get", "(2, 3)");
        assertMessage(IllegalArgumentException.class, () -> t.reshape(4, 2), "IntTensor.reshape", "(2, 3)", "(4, 2)");
        assertMessage(IllegalArgumentException.class, () -> IntTensor.of(new int[3], 3).row(0),
                "IntTensor.row", "(3,)");
        // one past the last row used to come back as a row of zeros
        assertMessage(IndexOutOfBoundsException.class, () -> t.row(2), "IntTensor.row", "2", "(2, 3)");
        assertMessage(IndexOutOfBoundsException.class, () -> t.row(-1), "IntTensor.row", "-1", "(2, 3)");
    }
}
