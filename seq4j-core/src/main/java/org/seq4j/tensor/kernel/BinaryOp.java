package org.seq4j.tensor.kernel;

/**
 * Element-wise functions of two arguments that have a kernel. The comparisons yield 1.0f where true and 0.0f
 * where false, so that a mask is an ordinary tensor.
 */
public enum BinaryOp {
    ADD, SUB, MUL, DIV, MAX, MIN, POW, EQ, NE, LT, LE, GT, GE
}
