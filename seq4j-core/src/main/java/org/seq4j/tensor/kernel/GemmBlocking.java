package org.seq4j.tensor.kernel;

/**
 * Cache-block sizes of {@link VectorGemm} (Goto/BLIS loop nest): a kc × nc block of B is packed once per thread
 * and reused for every mc-row block of A; an mc × kc block of A is reused for every NR-wide sliver of B.
 *
 * @param mc rows of A per packed block (a multiple of the micro-tile's MR keeps the slivers full)
 * @param kc depth of one packed block: the micro-kernel runs kc FMA steps per C tile load/store
 * @param nc columns of B per packed block
 */
public record GemmBlocking(int mc, int kc, int nc) {

    /**
     * Zen 4 (1 MiB L2 and 32 KiB L1d per core). kc = 256: a 6 × 256 A sliver (6 KiB) stays in L1 while the
     * 256 × 64 B sliver (64 KiB) streams from L2; C tiles are loaded and stored once per 256 FMA steps.
     * mc = 192: the packed A block is 192 KiB, kept in L2 beside the B sliver. nc = 2048: the 2 MiB packed B
     * block per thread sits in L3 (32 MiB, shared) and is large enough that A is repacked rarely.
     */
    public static final GemmBlocking DEFAULT = new GemmBlocking(192, 256, 2048);

    public GemmBlocking {
        if (mc <= 0 || kc <= 0 || nc <= 0) {
            throw new IllegalArgumentException("block sizes must be positive: " + mc + ", " + kc + ", " + nc);
        }
    }
}
