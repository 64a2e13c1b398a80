package org.seq4j.tensor.kernel;

import static org.seq4j.tensor.kernel.GemmMicroKernel.MR;
import static org.seq4j.tensor.kernel.GemmMicroKernel.NR;

/**
 * The fast GEMM: Goto/BLIS-style cache blocking ({@link GemmConfig}), packed A and B blocks
 * ({@link GemmPacking}, which also absorbs the transposes), a 6 × 4-vector register tile
 * ({@link GemmMicroKernel}) and a split of C over {@link KernelThreads}.
 *
 * <p>Loop nest per thread, outermost first: jc over nc-column blocks of B, pc over kc-deep blocks (pack B),
 * ic over mc-row blocks of A (pack A), then jr over NR-wide B slivers and ir over MR-high A slivers, each a
 * micro-kernel call. The first kc block applies beta; later ones accumulate into C.
 *
 * <p>Parallelism: C is cut into one independent block per thread along N or M (whichever splits into tiles more
 * evenly, N on a tie), so threads never share a C tile and need no barrier. Split along N, each thread packs only
 * its own columns of B (A is never packed); split along M, each packs all of B. Small problems run on the calling
 * thread only, because
 * handing off costs more than it saves. Row-vector products (m = 1) skip packing ({@link GemmRowVector}).
 * Tiny products take the same blocked path on one thread: it beat plain loops from 8³ up (one core, 24³: 24 against
 * 3.6 GFLOP/s), and below that both take well under a microsecond.
 */
public final class VectorGemm implements GemmKernel {
    /** Batched products this small run whole matrices per thread instead of splitting each one. */
    static final long BATCH_SPLIT_WORK = 1L << 23;

    private final GemmConfig config;
    private final ThreadLocal<Workspace> workspace;

    /** Per-thread buffers (packed B block, one packed partial A sliver, an edge tile), allocated once per thread. */
    private record Workspace(float[] packedA, float[] packedB, float[] tile) {}

    public VectorGemm() {
        this(GemmConfig.DEFAULT);
    }

    /** A kernel with other tuning (tests use tiny blocks and thresholds to reach every path on small matrices). */
    public VectorGemm(GemmConfig config) {
        this.config = config;
        int ncPad = roundUp(config.nc(), NR);
        this.workspace = ThreadLocal.withInitial(() -> new Workspace(
                new float[MR * config.kc()], new float[ncPad * config.kc()], new float[MR * NR]));
    }

    @Override
    public void sgemm(Transpose ta, Transpose tb, int m, int n, int k, float alpha,
                      float[] a, int aOff, int lda,
                      float[] b, int bOff, int ldb,
                      float beta, float[] c, int cOff, int ldc) {
        multiply(ta == Transpose.YES, tb == Transpose.YES, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, null, beta, c,
                cOff, ldc);
    }

    /**
     * Every kc block of op(B) packed over its whole width, block p0 at {@code p0 · roundUp(n, NR)}: the layout
     * {@link #blocked} packs per (jc, pc) block, so the block of columns [jc, jc + nc) starts at
     * {@code p0 · roundUp(n, NR) + jc · kc}.
     */
    @Override
    public PackedB pack(Transpose tb, int k, int n, float[] b, int bOff, int ldb) {
        int kc = evenKc(k);
        int nPad = roundUp(n, NR);
        float[] packed = new float[nPad * k];
        for (int pc = 0; pc < k; pc += kc) {
            GemmPacking.packB(tb == Transpose.YES, b, bOff, ldb, pc, Math.min(kc, k - pc), 0, n, packed, pc * nPad);
        }
        return new PackedB(tb, k, n, b, bOff, ldb, packed);
    }

    @Override
    public void sgemm(Transpose ta, int m, float alpha, float[] a, int aOff, int lda, PackedB b, float beta,
                      float[] c, int cOff, int ldc) {
        multiply(ta == Transpose.YES, b.tb == Transpose.YES, m, b.n, b.k, alpha, a, aOff, lda, b.source, b.offset,
                b.ld, m == 1 ? null : b, beta, c, cOff, ldc);
    }

    /** Both forms; {@code packed} is B from {@link #pack}, or null to pack it here. */
    private void multiply(boolean at, boolean bt, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                          float[] b, int bOff, int ldb, PackedB packed, float beta, float[] c, int cOff, int ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("negative GEMM size " + m + "x" + n + "x" + k);
        }
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0 || alpha == 0f) {
            scale(m, n, beta, c, cOff, ldc);
            return;
        }
        long work = (long) m * n * k;
        if (m == 1) {
            GemmRowVector.multiply(at, bt, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff,
                    work >= config.parallelWork());
            return;
        }
        int threads = KernelThreads.threads();
        // Inside a task (attention's per-head products, a batched product's items) the pieces of a split would
        // only run one after another here, each packing its own copy of B: run the whole product instead.
        if (threads == 1 || work < config.parallelWork() || KernelThreads.inTask()) {
            blocked(at, bt, 0, m, 0, n, k, alpha, a, aOff, lda, b, bOff, ldb, packed, beta, c, cOff, ldc);
            return;
        }
        int unitsN = (n + NR - 1) / NR;
        int unitsM = (m + MR - 1) / MR;
        boolean splitN = imbalance(unitsN, threads) <= imbalance(unitsM, threads);
        int units = splitN ? unitsN : unitsM;
        int parts = Math.min(threads, units);
        KernelThreads.run(parts, t -> {
            int u0 = (int) ((long) units * t / parts);
            int u1 = (int) ((long) units * (t + 1) / parts);
            if (splitN) {
                blocked(at, bt, 0, m, u0 * NR, Math.min(n, u1 * NR), k, alpha,
                        a, aOff, lda, b, bOff, ldb, packed, beta, c, cOff, ldc);
            } else {
                blocked(at, bt, u0 * MR, Math.min(m, u1 * MR), 0, n, k, alpha,
                        a, aOff, lda, b, bOff, ldb, packed, beta, c, cOff, ldc);
            }
        });
    }

    /**
     * Small matrices (attention's many (T×d)·(d×T) products) are spread over the threads whole, one run of batch
     * items per thread; large ones are multiplied one after another, each split across the threads.
     */
    @Override
    public void sgemmBatched(Transpose ta, Transpose tb, int m, int n, int k, float alpha,
                             float[] a, int aOff, int lda, int strideA,
                             float[] b, int bOff, int ldb, int strideB,
                             float beta, float[] c, int cOff, int ldc, int strideC, int batch) {
        long work = (long) m * n * k;
        int threads = Math.min(KernelThreads.threads(), batch);
        // C blocks must not overlap, or threads would race on them.
        boolean disjointC = m == 0 || n == 0 || Math.abs((long) strideC) >= (long) (m - 1) * ldc + n;
        if (threads <= 1 || !disjointC || work >= BATCH_SPLIT_WORK || work * batch < config.parallelWork()) {
            GemmKernel.super.sgemmBatched(ta, tb, m, n, k, alpha, a, aOff, lda, strideA, b, bOff, ldb, strideB,
                    beta, c, cOff, ldc, strideC, batch);
            return;
        }
        KernelThreads.run(threads, t -> {
            int i0 = (int) ((long) batch * t / threads);
            int i1 = (int) ((long) batch * (t + 1) / threads);
            for (int i = i0; i < i1; i++) {
                // Already on a pool thread (or inline): the inner sgemm runs on this thread alone.
                sgemm(ta, tb, m, n, k, alpha, a, aOff + i * strideA, lda, b, bOff + i * strideB, ldb,
                        beta, c, cOff + i * strideC, ldc);
            }
        });
    }

    /** The loop nest for rows [i0, i1) and columns [j0, j1) of C, on the calling thread. */
    private void blocked(boolean at, boolean bt, int i0, int i1, int j0, int j1, int k, float alpha,
                         float[] a, int aOff, int lda, float[] b, int bOff, int ldb, PackedB packed,
                         float beta, float[] c, int cOff, int ldc) {
        Workspace ws = workspace.get();
        int kcEven = evenKc(k);
        int packedWidth = packed == null ? 0 : roundUp(packed.n, NR);
        for (int jc = j0; jc < j1; jc += config.nc()) {
            int nc = Math.min(config.nc(), j1 - jc);
            for (int pc = 0; pc < k; pc += kcEven) {
                int kc = Math.min(kcEven, k - pc);
                float betaBlock = pc == 0 ? beta : 1f;
                float[] pb = packed != null ? packed.packed : ws.packedB();
                int pbOff = packed != null ? pc * packedWidth + jc * kc : 0;
                if (packed == null) {
                    GemmPacking.packB(bt, b, bOff, ldb, pc, kc, jc, nc, pb, 0);
                }
                for (int ic = i0; ic < i1; ic += config.mc()) {
                    int mc = Math.min(config.mc(), i1 - ic);
                    if (mc % MR != 0) {
                        // The last, partial sliver is packed (zero-padded): the kernel always reads MR rows.
                        int rows = mc % MR;
                        GemmPacking.packPartialA(at, a, aOff, lda, ic + mc - rows, rows, pc, kc, ws.packedA());
                    }
                    int rs = at ? 1 : lda;
                    int cs = at ? lda : 1;
                    macro(mc, nc, kc, ws, pb, pbOff, a, aOff + ic * rs + pc * cs, rs, cs, alpha, betaBlock,
                            c, cOff + ic * ldc + jc, ldc);
                }
            }
        }
    }

    /**
     * All micro-tiles of one (mc × kc)·(kc × nc) block product. Full A slivers are read in place, element (r, p) at
     * {@code a[aBlock + r·rs + p·cs]}: an A sliver is only 6 rows, which L1 holds however they are strided, so
     * packing A would buy nothing but its own cost (10 % of a 256³ product). B is always packed: a B sliver read in
     * place would be kc rows at a power-of-two stride, all in the same few cache sets.
     */
    private static void macro(int mc, int nc, int kc, Workspace ws, float[] pb, int pbOff, float[] a, int aBlock,
                              int rs, int cs,
                              float alpha, float beta, float[] c, int cOff, int ldc) {
        for (int jr = 0; jr < nc; jr += NR) {
            int cols = Math.min(NR, nc - jr);
            int bSliver = pbOff + jr * kc;
            for (int ir = 0; ir < mc; ir += MR) {
                int rows = Math.min(MR, mc - ir);
                int ct = cOff + ir * ldc + jr;
                boolean inPlace = rows == MR;
                float[] as = inPlace ? a : ws.packedA();
                int ao = inPlace ? aBlock + ir * rs : 0;
                int ars = inPlace ? rs : 1;
                int acs = inPlace ? cs : MR;
                if (rows == MR && cols == NR) {
                    GemmMicroKernel.full(kc, as, ao, ars, acs, pb, bSliver, c, ct, ldc, alpha, beta);
                } else {
                    GemmMicroKernel.edge(kc, as, ao, ars, acs, pb, bSliver, ws.tile(), c, ct, ldc, rows, cols,
                            alpha, beta);
                }
            }
        }
    }

    /** C ← beta · C (beta = 0 writes zeros without reading), for k = 0 or alpha = 0. */
    static void scale(int m, int n, float beta, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            int row = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                c[row + j] = beta == 0f ? 0f : beta * c[row + j];
            }
        }
    }

    /** Ceiling share over the mean share: 1.0 when units divide evenly among the threads. */
    private static double imbalance(int units, int threads) {
        int parts = Math.min(units, threads);
        double ceil = (units + parts - 1) / parts;
        return ceil / ((double) units / threads);
    }

    /** Even kc blocks (k = 600 → 300 + 300, not 512 + 88) keep every block's C traffic amortised. */
    private int evenKc(int k) {
        int kBlocks = (k + config.kc() - 1) / config.kc();
        return (k + kBlocks - 1) / kBlocks;
    }

    private static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }
}
