package org.seq4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seq4j.tensor.Ref.assertMessage;
import static org.seq4j.tensor.Ref.assertShape;
import static org.seq4j.tensor.Ref.assertValues;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class TensorCreationTest {

    @Test
    void ofCopiesTheCallersArray() {
        float[] src = {1, 2, 3, 4, 5, 6};
        Tensor t = Tensor.of(src, 2, 3);
        src[0] = 99;
        assertValues(new float[] {1, 2, 3, 4, 5, 6}, t, 2, 3);
        t.toArray()[1] = 42; // toArray hands out a copy too
        assertEquals(2f, t.get(0, 1));
        assertTrue(t.isContiguous());
        assertEquals(2, t.rank());
        assertEquals(6, t.size());
        assertEquals(3, t.dim(-1));
    }

    @Test
    void ofRows() {
        Tensor t = Tensor.of(new float[][] {{1, 2}, {3, 4}, {5, 6}});
        assertValues(new float[] {1, 2, 3, 4, 5, 6}, t, 3, 2);
        assertShape(Tensor.of(new float[0][]), 0, 0);
        assertMessage(IllegalArgumentException.class, () -> Tensor.of(new float[][] {{1, 2}, {3}}),
                "Tensor.of", "row 1", "length 1");
    }

    @Test
    void zerosOnesFull() {
        assertValues(new float[6], Tensor.zeros(2, 3), 2, 3);
        assertValues(new float[] {1, 1, 1, 1}, Tensor.ones(4), 4);
        assertValues(new float[] {2.5f, 2.5f, 2.5f}, Tensor.full(Shape.of(3, 1), 2.5f), 3, 1);
        assertShape(Tensor.zeros(0, 5), 0, 5);
        assertEquals(0, Tensor.zeros(0, 5).toArray().length);
        assertValues(new float[] {0}, Tensor.zeros(), new int[0]);
    }

    @Test
    void scalarAndItem() {
        Tensor s = Tensor.scalar(3.5f);
        assertEquals(0, s.rank());
        assertEquals(1, s.size());
        assertEquals(3.5f, s.item());
        assertEquals(3.5f, s.get());
        assertArrayEquals(new float[] {3.5f}, s.toArray());
        assertEquals(7f, Tensor.of(new float[] {7}, 1, 1, 1).item());
        // item of a one-element view into a larger storage reads the right element
        assertEquals(5f, Tensor.of(Ref.iota(6), 2, 3).select(0, 1).select(0, 2).item());
        assertEquals(4f, Tensor.of(Ref.iota(6), 2, 3).narrow(1, 1, 1).narrow(0, 1, 1).item());
        assertMessage(IllegalStateException.class, () -> Tensor.zeros(2, 3).item(), "item", "(2, 3)");
    }

    @Test
    void arangeFollowsNumPy() {
        assertValues(new float[] {0, 1, 2, 3, 4}, Tensor.arange(5), 5);
        assertValues(new float[] {2, 4, 6, 8}, Tensor.arange(2, 9, 2), 4);          // np.arange(2, 9, 2)
        assertValues(new float[] {2, 4, 6}, Tensor.arange(2, 8, 2), 3);             // end excluded
        assertValues(new float[] {5, 4, 3, 2, 1}, Tensor.arange(5, 0, -1), 5);      // negative step
        assertValues(new float[] {1, -0.5f, -2}, Tensor.arange(1, -3, -1.5f), 3);
        assertValues(new float[] {0, 0.5f, 1, 1.5f}, Tensor.arange(0, 2, 0.5f), 4);
        assertValues(new float[0], Tensor.arange(0, 5, -1), 0);                   // wrong direction: empty
        assertValues(new float[0], Tensor.arange(3, 3, 1), 0);
        assertValues(new float[0], Tensor.arange(0), 0);
        // the length is ceil((end - start) / step) in double, as NumPy computes it for float32 arguments
        float tiny = (float) Math.pow(2, -30);
        assertShape(Tensor.arange(-tiny, 1f, 1f), 2);
        assertMessage(IllegalArgumentException.class, () -> Tensor.arange(0, 5, 0), "arange", "step 0");
        assertMessage(IllegalArgumentException.class, () -> Tensor.arange(0, Float.NaN, 1), "arange");
        assertMessage(IllegalArgumentException.class, () -> Tensor.arange(0, 5, Float.NaN), "arange");
    }

    @Test
    void uniformIsDeterministicAndInRange() {
        Tensor a = Tensor.uniform(Shape.of(50, 40), -2f, 3f, new SplittableRandom(1));
        Tensor b = Tensor.uniform(Shape.of(50, 40), -2f, 3f, new SplittableRandom(1));
        Tensor c = Tensor.uniform(Shape.of(50, 40), -2f, 3f, new SplittableRandom(2));
        assertArrayEquals(a.toArray(), b.toArray());
        assertNotEquals(java.util.Arrays.toString(a.toArray()), java.util.Arrays.toString(c.toArray()));
        // drawn in row-major order from the generator: the same draws reproduce every value
        SplittableRandom r = new SplittableRandom(1);
        float[] v = a.toArray();
        for (float x : v) {
            assertEquals(-2f + 5f * r.nextFloat(), x);
        }
        double mean = 0;
        double sq = 0;
        for (float x : v) {
            assertTrue(x >= -2f && x < 3f, "out of [-2, 3): " + x);
            mean += x;
            sq += x * (double) x;
        }
        mean /= v.length;
        double var = sq / v.length - mean * mean;
        // 2000 draws: the sample mean has sd 5/sqrt(12·2000) ≈ 0.032, so 0.15 is ~5 sd
        assertEquals(0.5, mean, 0.15);
        assertEquals(25.0 / 12, var, 0.25);
    }

    @Test
    void uniformNeverReturnsTheUpperBound() {
        // the largest float below 1: lo + (hi - lo)·u rounds up to hi for [1, 2) unless guarded
        RandomGenerator almostOne = () -> -1L; // nextFloat() = (2^24 - 1) / 2^24
        assertEquals(Math.nextDown(1f), almostOne.nextFloat());
        Tensor t = Tensor.uniform(Shape.of(3), 1f, 2f, almostOne);
        for (float x : t.toArray()) {
            assertTrue(x < 2f, "uniform on [1, 2) returned " + x);
        }
    }

    @Test
    void normalIsDeterministicWithTheRightMoments() {
        Tensor a = Tensor.normal(Shape.of(100, 100), 1.5f, 2f, new SplittableRandom(7));
        assertArrayEquals(a.toArray(), Tensor.normal(Shape.of(100, 100), 1.5f, 2f, new SplittableRandom(7)).toArray());
        SplittableRandom r = new SplittableRandom(7);
        double mean = 0;
        double sq = 0;
        for (float x : a.toArray()) {
            assertEquals((float) (1.5 + 2 * r.nextGaussian()), x);
            mean += x;
            sq += x * (double) x;
        }
        mean /= 10000;
        double sd = Math.sqrt(sq / 10000 - mean * mean);
        // 10k draws: sd of the sample mean is 0.02, of the sample sd about 0.014
        assertEquals(1.5, mean, 0.1);
        assertEquals(2.0, sd, 0.08);
    }

    @Test
    void oneHot() {
        IntTensor ids = IntTensor.of(new int[][] {{2, 0}, {1, 2}});
        Tensor t = Tensor.oneHot(ids, 3);
        float[] expected = new float[12];
        int[] flatIds = {2, 0, 1, 2};
        for (int i = 0; i < 4; i++) {
            expected[i * 3 + flatIds[i]] = 1;
        }
        assertValues(expected, t, 2, 2, 3);
        assertValues(new float[0], Tensor.oneHot(IntTensor.of(new int[0], 0), 4), 0, 4);
        assertMessage(IndexOutOfBoundsException.class, () -> Tensor.oneHot(IntTensor.of(new int[] {0, 3}, 2), 3),
                "oneHot", "3");
        assertMessage(IndexOutOfBoundsException.class, () -> Tensor.oneHot(IntTensor.of(new int[] {-1}, 1), 3),
                "oneHot", "-1");
        assertMessage(IllegalArgumentException.class, () -> Tensor.oneHot(IntTensor.of(new int[] {0}, 1), 0),
                "oneHot", "depth");
    }

    @Test
    void allClose() {
        Tensor a = Tensor.of(new float[] {1, 2, Float.NaN}, 3);
        assertTrue(a.allClose(Tensor.of(new float[] {1, 2.000001f, Float.NaN}, 3), 1e-5f, 0));
        assertTrue(!a.allClose(Tensor.of(new float[] {1, 2.1f, Float.NaN}, 3), 1e-5f, 0));
        assertTrue(!a.allClose(Tensor.of(new float[] {1, 2, 3}, 3), 1e-5f, 0));
        assertTrue(!a.allClose(Tensor.of(new float[] {1, 2, Float.NaN}, 3, 1), 1e-5f, 0));
    }
}
