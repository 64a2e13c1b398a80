package org.seq4j.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class BufferPoolTest {
    @Test
    void anArrayGivenBackIsTakenAgainByExactLength() {
        BufferPool pool = new BufferPool();
        float[] a = pool.take(10);
        pool.recycle(a);
        assertNotSame(a, pool.take(11));
        assertSame(a, pool.take(10));
        assertNotSame(a, pool.take(10));
    }

    @Test
    void takeZeroedClearsARecycledArray() {
        BufferPool pool = new BufferPool();
        float[] a = pool.take(3);
        a[1] = 7f;
        pool.recycle(a);
        float[] b = pool.takeZeroed(3);
        assertSame(a, b);
        assertEquals(0f, b[1]);
    }

    @Test
    void keepsABoundedNumberPerLengthAndNoDuplicates() {
        BufferPool pool = new BufferPool();
        float[] a = new float[5];
        pool.recycle(a, a);
        assertEquals(1, pool.size());
        for (int i = 0; i < 10; i++) {
            pool.recycle(new float[5]);
        }
        assertEquals(BufferPool.PER_LENGTH, pool.size());
    }
}
