package org.seq4j.tensor.kernel;

/** Reductions of a contiguous run to one value. */
public enum ReduceOp {
    SUM, MAX, MIN
}
