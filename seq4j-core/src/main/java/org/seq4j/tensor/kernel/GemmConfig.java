package org.seq4j.tensor.kernel;

/**
 * Tuning of {@link VectorGemm}: the cache-block sizes of the Goto/BLIS loop nest (a kc × nc block of B is packed
 * once per thread and reused for every mc-row block of A; an mc-row block of A is reused for every NR-wide sliver
 * of B) and the size from which a product is split over the threads.
 *
 * @param mc rows of A per block (a multiple of the micro-tile's MR keeps the slivers full)
 * @param kc depth of one block: the micro-kernel runs kc FMA steps per load and store of a C tile
 * @param nc columns of B per packed block
 * @param parallelWork from this many multiply-adds on, the product is split over {@link KernelThreads}
 */
public record GemmConfig(int mc, int kc, int nc, long parallelWork) {

    /**
     * Zen 4 (32 KiB L1d, 1 MiB L2 per core, 32 MiB L3), chosen by measurement (1024³ on one core: kc 256 → 85 % of
     * peak, kc 512 → 90 %). kc = 512: each C tile is loaded and stored once per 512 FMA steps, and the 512 × 64
     * packed B sliver (128 KiB) streams from L2 while the 6-row A sliver stays in L1. mc = 96: the A rows of one
     * block (192 KiB) stay in L2 beside the B sliver. nc = 512: the packed B block (1 MiB) is served from L2/L3;
     * larger nc measured no better. parallelWork = 2²⁰ multiply-adds (~10 µs on one core): below it the hand-off
     * to the second core costs more than it saves.
     */
    public static final GemmConfig DEFAULT = new GemmConfig(96, 512, 512, 1L << 20);

    public GemmConfig {
        if (mc <= 0 || kc <= 0 || nc <= 0) {
            throw new IllegalArgumentException("block sizes must be positive: " + mc + ", " + kc + ", " + nc);
        }
    }

    /** These block sizes, with the default threshold. */
    public static GemmConfig blocks(int mc, int kc, int nc) {
        return new GemmConfig(mc, kc, nc, DEFAULT.parallelWork);
    }

    public GemmConfig withParallelWork(long parallelWork) {
        return new GemmConfig(mc, kc, nc, parallelWork);
    }
}
