package org.seq4j.tensor;

/**
 * The pooled arrays a fused primitive saved for its backward. They go back to the {@link BufferPool} once: after
 * backward, or at once when no backward will come. A second backward through the same graph is then refused (as
 * PyTorch refuses to backward twice through freed saved tensors) rather than reading buffers that another step may
 * have taken since.
 */
final class SavedBuffers {
    private final String op;
    private final BufferPool pool;
    private final float[][] arrays;
    private boolean released;

    SavedBuffers(String op, BufferPool pool, float[]... arrays) {
        this.op = op;
        this.pool = pool;
        this.arrays = arrays;
    }

    /** Checks that backward may read the arrays: they have not been handed back yet. */
    synchronized void claim() {
        if (released) {
            throw new IllegalStateException(op + ": backward through this graph a second time; its saved"
                    + " activations were freed by the first (a graph can be back-propagated only once: run the"
                    + " forward again)");
        }
    }

    synchronized void release() {
        if (!released) {
            released = true;
            pool.recycle(arrays);
        }
    }
}
