package org.seq4j.tensor;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Large scratch arrays kept between training steps. A fused primitive saves tens of megabytes of activations for its
 * backward (W2's LSTM: two (B, T, 4u) buffers of 26 MB each step); allocated fresh each step they live through the
 * whole forward and backward, so a heap sized near the live set promotes them and collects them with full GCs
 * (W2: two per step, a quarter of the step's time). Handed back after backward and taken again by the next forward,
 * they are allocated once.
 *
 * <p>An array given back must not be read or written by anybody afterwards: only buffers that never escape their
 * primitive (saved activations, gradient scratch) belong here, never the storage of a tensor handed to a caller.
 * An owner (a layer) holds its pool, so nothing is global and a dropped layer drops its buffers. Arrays are matched
 * by exact length; at most {@link #PER_LENGTH} are kept per length, the rest are left to the collector.
 * Thread-safe: a layer may be applied from several threads.
 */
public final class BufferPool {
    /** Enough for one primitive's same-sized buffers (an LSTM's acts and dz; its h and c). */
    static final int PER_LENGTH = 4;

    private final Map<Integer, ArrayDeque<float[]>> free = new HashMap<>();

    /** An array of this length whose contents are undefined (the caller writes every element it later reads). */
    public synchronized float[] take(int length) {
        ArrayDeque<float[]> q = free.get(length);
        float[] a = q == null ? null : q.pollFirst();
        return a != null ? a : new float[length];
    }

    /** An array of this length filled with zeros. */
    public float[] takeZeroed(int length) {
        float[] a = take(length);
        Arrays.fill(a, 0f);
        return a;
    }

    /** Hands arrays back; the caller keeps no reference to them. */
    public synchronized void recycle(float[]... arrays) {
        for (float[] a : arrays) {
            ArrayDeque<float[]> q = free.computeIfAbsent(a.length, k -> new ArrayDeque<>());
            if (q.size() < PER_LENGTH && q.stream().noneMatch(b -> b == a)) {
                q.addFirst(a);
            }
        }
    }

    /** How many arrays are waiting (for tests). */
    synchronized int size() {
        return free.values().stream().mapToInt(ArrayDeque::size).sum();
    }
}
