package org.seq4j.tensor.kernel;

/** Element-wise functions of one argument that have a kernel. */
public enum UnaryOp {
    NEG, ABS, SIGN, SQUARE, SQRT, RECIPROCAL, EXP, LOG, TANH, SIGMOID, RELU, ERF
}
