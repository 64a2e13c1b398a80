package org.seq4j.data;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.seq4j.tensor.IntTensor;

/**
 * Language-modelling windows over a stream of token (or character) ids: each window holds T+1 consecutive ids, so
 * that {@code window[0..T)} is the input and {@code window[1..T+1)} the target. Windows start every {@code stride}
 * ids (stride T gives non-overlapping targets; stride 1 every position); an incomplete last window is dropped.
 */
public final class Windows {
    private Windows() {
    }

    /** Windows of {@code contextLength + 1} ids, starting every {@code stride} ids. */
    public static Stream<int[]> sliding(PrimitiveIterator.OfInt ids, int contextLength, int stride) {
        if (contextLength < 1 || stride < 1) {
            throw new IllegalArgumentException("contextLength and stride must be positive: " + contextLength
                    + ", " + stride);
        }
        Iterator<int[]> windows = new Iterator<>() {
            private int[] current;
            private int[] pending = first();

            private int[] first() {
                return fill(new int[contextLength + 1], 0);
            }

            private int[] fill(int[] window, int from) {
                for (int i = from; i < window.length; i++) {
                    if (!ids.hasNext()) {
                        return null;
                    }
                    window[i] = ids.nextInt();
                }
                return window;
            }

            @Override
            public boolean hasNext() {
                return pending != null;
            }

            @Override
            public int[] next() {
                if (pending == null) {
                    throw new NoSuchElementException();
                }
                current = pending;
                pending = advance(current);
                return current.clone();
            }

            /** The window {@code stride} ids further on: reuse the overlap, read the rest. */
            private int[] advance(int[] window) {
                int length = window.length;
                int[] next = new int[length];
                if (stride < length) {
                    System.arraycopy(window, stride, next, 0, length - stride);
                    return fill(next, length - stride);
                }
                for (int skip = stride - length; skip > 0; skip--) {
                    if (!ids.hasNext()) {
                        return null;
                    }
                    ids.nextInt();
                }
                return fill(next, 0);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(windows, Spliterator.ORDERED), false);
    }

    /** Inputs and targets of a batch of windows, each (B, T). */
    public record LmBatch(IntTensor inputs, IntTensor targets) {
    }

    /** Stacks windows of equal length T+1 into inputs {@code w[0..T)} and targets {@code w[1..T+1)}. */
    public static LmBatch batch(List<int[]> windows) {
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("batch: no windows");
        }
        int t = windows.get(0).length - 1;
        int[][] inputs = new int[windows.size()][];
        int[][] targets = new int[windows.size()][];
        for (int b = 0; b < windows.size(); b++) {
            int[] w = windows.get(b);
            if (w.length != t + 1) {
                throw new IllegalArgumentException("batch: window " + b + " has length " + w.length + ", not " + (t + 1));
            }
            inputs[b] = java.util.Arrays.copyOfRange(w, 0, t);
            targets[b] = java.util.Arrays.copyOfRange(w, 1, t + 1);
        }
        return new LmBatch(IntTensor.of(inputs), IntTensor.of(targets)); // (B, T) each
    }
}
