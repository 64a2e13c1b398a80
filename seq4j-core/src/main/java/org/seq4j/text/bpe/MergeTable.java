package org.seq4j.text.bpe;

import java.util.Arrays;

/**
 * The BPE merge ranks as an open-addressing map from a pair of token ids to its rank, with the id of the merged token
 * by rank. Primitive arrays rather than {@code HashMap<Long, Integer>}: the lookup sits in the innermost loop of
 * encoding and must not box.
 */
final class MergeTable {
    private static final long EMPTY = -1L;

    private final long[] keys;
    private final int[] ranks;
    private final int[] mergedIds;
    private final int[] lefts;
    private final int[] rights;
    private final int mask;
    private int count;

    MergeTable(int capacity) {
        int slots = Integer.highestOneBit(Math.max(4, capacity * 2 - 1)) << 1;
        keys = new long[slots];
        Arrays.fill(keys, EMPTY);
        ranks = new int[slots];
        mask = slots - 1;
        mergedIds = new int[capacity];
        lefts = new int[capacity];
        rights = new int[capacity];
    }

    /** Adds the next merge; a repeated pair takes the later rank, as both GPT-2's dict and Hugging Face's map do. */
    void add(int left, int right, int merged) {
        long key = key(left, right);
        int slot = slot(key);
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        ranks[slot] = count;
        mergedIds[count] = merged;
        lefts[count] = left;
        rights[count] = right;
        count++;
    }

    /** The rank of merging {@code left} then {@code right}, or {@link Integer#MAX_VALUE} if they never merge. */
    int rank(int left, int right) {
        long key = key(left, right);
        int slot = slot(key);
        while (true) {
            long k = keys[slot];
            if (k == key) {
                return ranks[slot];
            }
            if (k == EMPTY) {
                return Integer.MAX_VALUE;
            }
            slot = (slot + 1) & mask;
        }
    }

    int mergedId(int rank) {
        return mergedIds[rank];
    }

    int left(int rank) {
        return lefts[rank];
    }

    int right(int rank) {
        return rights[rank];
    }

    int size() {
        return count;
    }

    private static long key(int left, int right) {
        return ((long) left << 32) | (right & 0xFFFFFFFFL);
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & mask;
    }
}
