package org.seq4j.text.bpe;

import java.util.Arrays;

/**
 * Applies the merges to the bytes of one piece. Short pieces use GPT-2's loop (find the lowest-ranked adjacent pair,
 * merge each of its occurrences left to right, repeat): quadratic, but fastest for words. Long pieces (a URL, a run of
 * 10,000 dashes) use Hugging Face's priority queue over a linked list, O(n log n), so no input can stall encoding.
 * Both merge by (rank, position) and give the same tokens whenever each merge's parts are made by earlier merges,
 * as in every trained merges file.
 */
final class BpeMerger {
    /** Up to this many bytes the simple loop wins. */
    static final int LOOP_LIMIT = 64;

    private final MergeTable merges;
    private final int[] byteIds;

    BpeMerger(MergeTable merges, int[] byteIds) {
        this.merges = merges;
        this.byteIds = byteIds;
    }

    int[] merge(byte[] bytes) {
        return bytes.length <= LOOP_LIMIT ? loop(bytes) : heap(bytes);
    }

    private int[] symbols(byte[] bytes) {
        int[] syms = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            syms[i] = byteIds[bytes[i] & 0xFF];
        }
        return syms;
    }

    /** GPT-2's {@code bpe()} on token ids. */
    int[] loop(byte[] bytes) {
        int[] syms = symbols(bytes);
        int n = syms.length;
        while (n > 1) {
            int best = Integer.MAX_VALUE;
            for (int i = 0; i + 1 < n; i++) {
                best = Math.min(best, merges.rank(syms[i], syms[i + 1]));
            }
            if (best == Integer.MAX_VALUE) {
                break;
            }
            int left = merges.left(best);
            int right = merges.right(best);
            int merged = merges.mergedId(best);
            int w = 0;
            for (int i = 0; i < n; i++) {
                if (i + 1 < n && syms[i] == left && syms[i + 1] == right) {
                    syms[w++] = merged;
                    i++;
                } else {
                    syms[w++] = syms[i];
                }
            }
            n = w;
        }
        return n == syms.length ? syms : Arrays.copyOf(syms, n);
    }

    /** Pairs in a min-heap keyed by (rank, position); stale entries are skipped when popped. */
    int[] heap(byte[] bytes) {
        int[] syms = symbols(bytes);
        int n = syms.length;
        int[] next = new int[n];
        int[] prev = new int[n];
        boolean[] gone = new boolean[n];
        LongHeap heap = new LongHeap(n);
        for (int i = 0; i < n; i++) {
            next[i] = i + 1;
            prev[i] = i - 1;
            if (i + 1 < n) {
                push(heap, syms[i], syms[i + 1], i);
            }
        }
        while (!heap.isEmpty()) {
            long key = heap.pop();
            int rank = (int) (key >>> 32);
            int i = (int) key;
            int j = next[i];
            if (gone[i] || j >= n || syms[i] != merges.left(rank) || syms[j] != merges.right(rank)) {
                continue;
            }
            syms[i] = merges.mergedId(rank);
            gone[j] = true;
            next[i] = next[j];
            if (next[i] < n) {
                prev[next[i]] = i;
                push(heap, syms[i], syms[next[i]], i);
            }
            if (prev[i] >= 0) {
                push(heap, syms[prev[i]], syms[i], prev[i]);
            }
        }
        int count = 0;
        for (int i = 0; i < n; i = next[i]) {
            syms[count++] = syms[i];
        }
        return Arrays.copyOf(syms, count);
    }

    private void push(LongHeap heap, int left, int right, int position) {
        int rank = merges.rank(left, right);
        if (rank != Integer.MAX_VALUE) {
            heap.push(((long) rank << 32) | position);
        }
    }

    /** A binary min-heap of longs. */
    private static final class LongHeap {
        private long[] data;
        private int size;

        LongHeap(int capacity) {
            data = new long[Math.max(4, capacity)];
        }

        boolean isEmpty() {
            return size == 0;
        }

        void push(long v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            int i = size++;
            while (i > 0 && data[(i - 1) >>> 1] > v) {
                data[i] = data[(i - 1) >>> 1];
                i = (i - 1) >>> 1;
            }
            data[i] = v;
        }

        long pop() {
            long top = data[0];
            long last = data[--size];
            int i = 0;
            while (true) {
                int c = 2 * i + 1;
                if (c >= size) {
                    break;
                }
                if (c + 1 < size && data[c + 1] < data[c]) {
                    c++;
                }
                if (data[c] >= last) {
                    break;
                }
                data[i] = data[c];
                i = c;
            }
            data[i] = last;
            return top;
        }
    }
}
