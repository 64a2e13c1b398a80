package org.seq4j.tensor.kernel;

/**
 * Tuning of {@link VectorGemm}: the cache-block sizes of the Goto/BLIS loop nest (a kc × nc block of B is packed
 * once per thread and reused for every mc-row block of A; an mc-row block of A is reused for every NR-wide sliver
 * of B) and the sizes at which simpler paths take over.
 *
 * @param mc rows of A per block (a multiple of the micro-tile's MR keeps the slivers full)
 * @param kc depth of one block: the micro-kernel runs kc FMA steps per load and store of a C tile
 * @param nc columns of B per packed block
 * @param smallWork below this many multiply-adds (m·n·k), plain loops ({@link GemmSmall}) instead of packing
 * @param parallelWork from this many multiply-adds on, the product is split over {@link KernelThreads}
 */
public record GemmConfig(int mc, int kc, int nc, long smallWork, long parallelWork) {

    /**
     * Zen 4 (32 KiB L1d, 1 MiB L2 per core, 32 MiB L3). kc = 256: a 6 × 256 A sliver (6 KiB) stays in L1 while
     * the 256 × 64 B sliver (64 KiB) streams from L2, and each C tile is loaded and stored once per 256 FMA steps.
     * mc = 192: the A block (192 KiB) stays in L2 beside the B sliver. nc = 2048: the packed B block per thread
     * (2 MiB) sits in L3. smallWork = 2¹⁴ (a 24³ product, about a microsecond). parallelWork = 2²⁰ (~10 µs on
     * one core): below it the hand-off to the second core costs more than it saves.
     */
    public static final GemmConfig DEFAULT = new GemmConfig(192, 256, 2048, 1L << 14, 1L << 20);

    public GemmConfig {
        if (mc <= 0 || kc <= 0 || nc <= 0) {
            throw new IllegalArgumentException("block sizes must be positive: " + mc + ", " + kc + ", " + nc);
        }
    }

    /** These block sizes, with the default thresholds. */
    public static GemmConfig blocks(int mc, int kc, int nc) {
        return new GemmConfig(mc, kc, nc, DEFAULT.smallWork, DEFAULT.parallelWork);
    }

    public GemmConfig withThresholds(long smallWork, long parallelWork) {
        return new GemmConfig(mc, kc, nc, smallWork, parallelWork);
    }
}
