package org.seq4j.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class KernelThreadsTest {

    @Test
    void runsEveryTaskOnceAndNestsInline() {
        for (int round = 0; round < 200; round++) {
            int tasks = 1 + round % 7;
            AtomicIntegerArray hits = new AtomicIntegerArray(tasks * tasks);
            KernelThreads.run(tasks, i -> KernelThreads.run(tasks, j -> hits.incrementAndGet(i * tasks + j)));
            for (int i = 0; i < hits.length(); i++) {
                assertEquals(1, hits.get(i), "task " + i + " in round " + round);
            }
        }
    }

    @Test
    void rethrowsATaskFailure() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KernelThreads.run(4, i -> {
            if (i == 2) {
                throw new IllegalStateException("boom");
            }
        }));
        assertEquals("boom", e.getMessage());
        // The pool still works afterwards.
        AtomicIntegerArray hits = new AtomicIntegerArray(3);
        KernelThreads.run(3, hits::incrementAndGet);
        assertEquals(3, hits.get(0) + hits.get(1) + hits.get(2));
    }
}
