package org.seq4j.tensor.kernel;

/** Whether a GEMM operand is read as stored (row-major) or as its transpose, BLAS's 'N' and 'T'. */
public enum Transpose {
    NO,
    YES
}
