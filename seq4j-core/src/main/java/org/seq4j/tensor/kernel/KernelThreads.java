package org.seq4j.tensor.kernel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * The small shared pool the kernels split work over: {@code threads() - 1} daemon workers plus the calling thread,
 * sized once by {@code -Dseq4j.threads} (default: available processors).
 *
 * <p>Why not an executor: a 256³ GEMM takes ~0.2 ms, so the hand-off must cost microseconds, not the tens of
 * microseconds of a queue plus a park/unpark round trip. Workers therefore spin for a short while after each job
 * (back-to-back kernels in a training step find them awake) and only then park. The caller always does a share of
 * the work itself, so with one thread nothing is handed off at all.
 *
 * <p>Nested or concurrent calls (a task that itself calls {@link #run}, or two application threads at once) do not
 * wait for the pool: they run their tasks inline on the calling thread.
 */
public final class KernelThreads {
    public static final String THREADS_PROPERTY = "seq4j.threads";

    /** How long an idle worker spins before parking: long enough to span the gap between two kernels. */
    private static final long SPIN_NANOS = 200_000;

    private static final int THREADS = Math.max(1,
            Integer.getInteger(THREADS_PROPERTY, Runtime.getRuntime().availableProcessors()));

    private static final ReentrantLock OWNER = new ReentrantLock();
    private static final Thread[] WORKERS = new Thread[THREADS - 1];
    private static final ThreadLocal<Boolean> IS_WORKER = ThreadLocal.withInitial(() -> false);

    /** The job being run; replaced (never mutated) for each call so workers see a consistent snapshot. */
    private static volatile Job current;
    private static volatile Thread caller;

    private record Job(int tasks, IntConsumer body, AtomicInteger next, AtomicInteger done, long generation) {}

    static {
        for (int i = 0; i < WORKERS.length; i++) {
            Thread t = new Thread(KernelThreads::workerLoop, "seq4j-kernel-" + (i + 1));
            t.setDaemon(true);
            WORKERS[i] = t;
            t.start();
        }
    }

    private KernelThreads() {}

    /** How many threads (including the caller) a kernel may split its work over. */
    public static int threads() {
        return THREADS;
    }

    /**
     * True on a pool worker, or on the calling thread while it runs a job: a {@link #run} from here would run its
     * tasks one after another on this thread, so a kernel had better not split its work at all.
     */
    public static boolean inTask() {
        return IS_WORKER.get() || OWNER.isHeldByCurrentThread();
    }

    /**
     * Runs {@code body.accept(i)} for every {@code i} in {@code [0, tasks)}, spread over the pool and the calling
     * thread, and returns when all have finished. Tasks must be independent. The first exception thrown by a task
     * is rethrown here (after all tasks have finished).
     */
    public static void run(int tasks, IntConsumer body) {
        if (tasks <= 0) {
            return;
        }
        // Inline when there is nothing to share, or when called from inside a task (a worker, or the caller while
        // it holds the pool: the lock is reentrant, so tryLock alone would not catch that), or when busy.
        if (tasks == 1 || THREADS == 1 || IS_WORKER.get() || OWNER.isHeldByCurrentThread() || !OWNER.tryLock()) {
            for (int i = 0; i < tasks; i++) {
                body.accept(i);
            }
            return;
        }
        try {
            Failure failure = new Failure();
            IntConsumer guarded = i -> {
                try {
                    body.accept(i);
                } catch (Throwable e) {
                    failure.set(e);
                }
            };
            long generation = current == null ? 1 : current.generation() + 1;
            Job job = new Job(tasks, guarded, new AtomicInteger(), new AtomicInteger(), generation);
            caller = Thread.currentThread();
            current = job;
            for (Thread w : WORKERS) {
                LockSupport.unpark(w);
            }
            work(job);
            awaitDone(job);
            failure.rethrow();
        } finally {
            OWNER.unlock();
        }
    }

    private static void work(Job job) {
        int i;
        while ((i = job.next().getAndIncrement()) < job.tasks()) {
            job.body().accept(i);
            if (job.done().incrementAndGet() == job.tasks()) {
                LockSupport.unpark(caller);
            }
        }
    }

    private static void awaitDone(Job job) {
        long start = System.nanoTime();
        while (job.done().get() < job.tasks()) {
            if (System.nanoTime() - start < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(50_000);
            }
        }
    }

    private static void workerLoop() {
        IS_WORKER.set(true);
        long seen = 0;
        while (true) {
            long idleSince = System.nanoTime();
            Job job;
            while ((job = current) == null || job.generation() == seen) {
                if (System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park();
                }
            }
            seen = job.generation();
            work(job);
        }
    }

    /** The first exception a task threw, rethrown on the calling thread. */
    private static final class Failure {
        private volatile Throwable first;

        synchronized void set(Throwable e) {
            if (first == null) {
                first = e;
            }
        }

        void rethrow() {
            Throwable e = first;
            if (e instanceof RuntimeException r) {
                throw r;
            }
            if (e instanceof Error err) {
                throw err;
            }
            if (e != null) {
                throw new IllegalStateException(e);
            }
        }
    }
}
