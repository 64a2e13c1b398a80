package org.seq4j.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** toString: the shape, nested brackets, aligned rows, and "..." only for large tensors. */
class TensorFormatTest {

    @Test
    void smallMatrixShowsEveryValueInNestedBrackets() {
        assertEquals("""
                Tensor(2, 3) [[0., 1., 2.],
                              [3., 4., 5.]]""", Tensor.of(Ref.iota(6), 2, 3).toString());
        assertEquals("""
                Tensor(2, 3) [[ 0.5000, -1.2500,  2.0000],
                              [ 3.0000,  4.0000,  5.0000]]""",
                Tensor.of(new float[] {0.5f, -1.25f, 2, 3, 4, 5}, 2, 3).toString());
        // a view prints its own (row-major) order, not its storage's
        assertEquals("""
                Tensor(3, 2) [[0., 3.],
                              [1., 4.],
                              [2., 5.]]""", Tensor.of(Ref.iota(6), 2, 3).mT().toString());
    }

    @Test
    void rank3AlignsEveryLevel() {
        assertEquals("""
                Tensor(2, 2, 2) [[[0., 1.],
                                  [2., 3.]],
                                 [[4., 5.],
                                  [6., 7.]]]""", Tensor.arange(8).reshape(2, 2, 2).toString());
    }

    @Test
    void rankZeroAndEmpty() {
        assertEquals("Tensor() 3.", Tensor.scalar(3).toString());
        assertEquals("Tensor() 3.2500", Tensor.scalar(3.25f).toString());
        assertEquals("Tensor() -0.5000", Tensor.scalar(-0.5f).toString());
        assertEquals("Tensor(0,) []", Tensor.zeros(0).toString());
        assertEquals("Tensor(3,) [1., 2., 3.]", Tensor.of(new float[] {1, 2, 3}, 3).toString());
    }

    @Test
    void specialAndExtremeValuesStayVisible() {
        assertEquals("Tensor(3,) [   NaN,   -inf, 1.0000]",
                Tensor.of(new float[] {Float.NaN, Float.NEGATIVE_INFINITY, 1}, 3).toString());
        // 4 fixed decimals would print these as 0.0000
        String tiny = Tensor.of(new float[] {1e-8f, 2.5e-6f}, 2).toString();
        assertEquals("Tensor(2,) [1.0000e-08, 2.5000e-06]", tiny);
        String huge = Tensor.of(new float[] {1e9f, 2.5f}, 2).toString();
        assertEquals("Tensor(2,) [1.0000e+09, 2.5000e+00]", huge);
    }

    @Test
    void largeTensorsAreSummarised() {
        String s = Tensor.arange(2000).toString();
        assertEquals("Tensor(2000,) [   0.,    1.,    2., ..., 1997., 1998., 1999.]", s);
        String m = Tensor.arange(2000).reshape(40, 50).toString();
        assertTrue(m.startsWith("Tensor(40, 50) [[   0.,    1.,    2., ...,   47.,   48.,   49.],\n"), m);
        assertTrue(m.contains("\n                ...,\n"), m);
        assertTrue(m.endsWith("[1950., 1951., 1952., ..., 1997., 1998., 1999.]]"), m);
        assertEquals(7, m.split("\n").length, m); // 3 rows, "...,", 3 rows
        // at most 1000 elements: everything, no "..."
        String full = Tensor.arange(1000).toString();
        assertFalse(full.contains("..."));
        assertTrue(full.contains(" 500.,"));
    }
}
