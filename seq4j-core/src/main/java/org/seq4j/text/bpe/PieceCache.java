package org.seq4j.text.bpe;

/**
 * Piece → token ids, looked up straight from a range of the text so a hit allocates nothing (a {@code substring} and a
 * map lookup per piece cost more than the scan itself). Two-way set-associative and bounded: a new piece evicts an
 * old one. Thread-safe without locks: entries are immutable, so a racing reader sees a whole entry or none.
 */
final class PieceCache {
    private record Entry(String key, int hash, int[] ids) {
    }

    private final Entry[] slots;
    private final int mask;

    /** @param log2Slots the cache holds {@code 2^log2Slots} pieces */
    PieceCache(int log2Slots) {
        slots = new Entry[1 << log2Slots];
        mask = slots.length - 1;
    }

    /** {@link String#hashCode()} of {@code text[start, end)}, without making the substring. */
    static int hash(String text, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + text.charAt(i);
        }
        return h;
    }

    /** The ids cached for {@code text[start, end)}, or null. */
    int[] get(String text, int start, int end, int hash) {
        int slot = slot(hash);
        int[] ids = match(slots[slot], text, start, end, hash);
        return ids != null ? ids : match(slots[slot ^ 1], text, start, end, hash);
    }

    void put(String key, int hash, int[] ids) {
        int slot = slot(hash);
        // Fill the empty way if there is one; otherwise the first way takes the new piece.
        int way = slots[slot] == null || slots[slot ^ 1] != null ? slot : slot ^ 1;
        slots[way] = new Entry(key, hash, ids);
    }

    private static int[] match(Entry e, String text, int start, int end, int hash) {
        if (e != null && e.hash == hash && e.key.length() == end - start
                && e.key.regionMatches(0, text, start, end - start)) {
            return e.ids;
        }
        return null;
    }

    private int slot(int hash) {
        return (hash * 0x9E3779B9 >>> 7) & mask;
    }
}
