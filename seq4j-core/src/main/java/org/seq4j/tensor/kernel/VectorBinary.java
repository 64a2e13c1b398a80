package org.seq4j.tensor.kernel;

import static jdk.incubator.vector.FloatVector.fromArray;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.NE;
import static org.seq4j.tensor.kernel.VectorMath.L;
import static org.seq4j.tensor.kernel.VectorMath.SPECIES;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * The element-wise binary ops of {@link VectorMath}, in the three operand forms. Every op and form has its own loop
 * because the Vector API only intrinsifies an operator that is a constant at the call; a shared loop taking the op
 * would run the slow Java fallback. All these ops are exactly rounded, so the scalar tail gives the same bits as a
 * vector would. Comparisons are mask → blend of 1.0f/0.0f, with Java's NaN semantics (only NE is true for NaN).
 * POW stays scalar per element: a vector pow needs exp(b·log a) in extra precision plus the sign rules for negative
 * bases, and nothing in seq4j raises to a power in a hot loop.
 *
 * <p>The three forms have the same body; edit them together.
 */
final class VectorBinary {
    private VectorBinary() {}


    /** y[i] = a[i] op b[i]. */
    static void binary(BinaryOp op, float[] a, int aOff, float[] b, int bOff, float[] y, int yOff, int n) {
        int i = 0;
        int bound = op == BinaryOp.POW ? 0 : SPECIES.loopBound(n);
        FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector one = FloatVector.broadcast(SPECIES, 1f);
        switch (op) {
            case ADD -> {
                for (; i < bound; i += L) {
                    fromArray(SPECIES, a, aOff + i).add(fromArray(SPECIES, b, bOff + i)).intoArray(y, yOff + i);
                }
            }
            case SUB -> {
                for (; i < bound; i += L) {
                    fromArray(SPECIES, a, aOff + i).sub(fromArray(SPECIES, b, bOff + i)).intoArray(y, yOff + i);
                }
            }
            case MUL -> {
                for (; i < bound; i += L) {
                    fromArray(SPECIES, a, aOff + i).mul(fromArray(SPECIES, b, bOff + i)).intoArray(y, yOff + i);
                }
            }
            case DIV -> {
                for (; i < bound; i += L) {
                    fromArray(SPECIES, a, aOff + i).div(fromArray(SPECIES, b, bOff + i)).intoArray(y, yOff + i);
                }
            }
            case MAX -> {
                for (; i < bound; i += L) {
                    fromArray(SPECIES, a, aOff + i).max(fromArray(SPECIES, b, bOff + i)).intoArray(y, yOff + i);
                }
            }
            case MIN -> {
                for (; i < bound; i += L) {
                    fromArray(SPECIES, a, aOff + i).min(fromArray(SPECIES, b, bOff + i)).intoArray(y, yOff + i);
                }
            }
            case EQ -> {
                for (; i < bound; i += L) {
                    VectorMask<Float> m = fromArray(SPECIES, a, aOff + i).compare(EQ, fromArray(SPECIES, b, bOff + i));
                    zero.blend(one, m).intoArray(y, yOff + i);
                }
            }
            case NE -> {
                for (; i < bound; i += L) {
                    VectorMask<Float> m = fromArray(SPECIES, a, aOff + i).compare(NE, fromArray(SPECIES, b, bOff + i));
                    zero.blend(one, m).intoArray(y, yOff + i);
                }
            }
            case LT -> {
                for (; i < bound; i += L) {
                    VectorMask<Float> m = fromArray(SPECIES, a, aOff + i).compare(LT, fromArray(SPECIES, b, bOff + i));
                    zero.blend(one, m).intoArray(y, yOff + i);
                }
            }
            case LE -> {
                for (; i < bound; i += L) {
                    VectorMask<Float> m = fromArray(SPECIES, a, aOff + i).compare(LE, fromArray(SPECIES, b, bOff + i));
                    zero.blend(one, m).intoArray(y, yOff + i);
                }
            }
            case GT -> {
                for (; i < bound; i += L) {
                    VectorMask<Float> m = fromArray(SPECIES, a, aOff + i).compare(GT, fromArray(SPECIES, b, bOff + i));
                    zero.blend(one, m).intoArray(y, yOff + i);
                }
            }
            case GE -> {
                for (; i < bound; i += L) {
                    VectorMask<Float> m = fromArray(SPECIES, a, aOff + i).compare(GE, fromArray(SPECIES, b, bOff + i));
                    zero.blend(one, m).intoArray(y, yOff + i);
                }
            }
            case POW -> { }
        }
        for (; i < n; i++) {
            y[yOff + i] = ScalarMath.apply(op, a[aOff + i], b[bOff + i]);
        }
    }

    /** y[i] = a[i] op s. */
    static void binaryScalar(BinaryOp op, float[] a, int aOff, float s, float[] y, int yOff, int n) {
        int i = 0;
        int bound = op == BinaryOp.POW ? 0 : SPECIES.loopBound(n);
        FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector one = FloatVector.broadcast(SPECIES, 1f);
        FloatVector vs = FloatVector.broadcast(SPECIES, s);
        switch (op) {
            case ADD -> { for (; i < bound; i += L) fromArray(SPECIES, a, aOff + i).add(vs).intoArray(y, yOff + i); }
            case SUB -> { for (; i < bound; i += L) fromArray(SPECIES, a, aOff + i).sub(vs).intoArray(y, yOff + i); }
            case MUL -> { for (; i < bound; i += L) fromArray(SPECIES, a, aOff + i).mul(vs).intoArray(y, yOff + i); }
            case DIV -> { for (; i < bound; i += L) fromArray(SPECIES, a, aOff + i).div(vs).intoArray(y, yOff + i); }
            case MAX -> { for (; i < bound; i += L) fromArray(SPECIES, a, aOff + i).max(vs).intoArray(y, yOff + i); }
            case MIN -> { for (; i < bound; i += L) fromArray(SPECIES, a, aOff + i).min(vs).intoArray(y, yOff + i); }
            case EQ -> {
                for (; i < bound; i += L) {
                    VectorMask<Float> m = fromArray(SPECIES, a, aOff + i).compare(EQ, vs);
                    zero.blend(one, m).intoArray(y, yOff + i);
                }
            }
            case NE -> {
                for (; i < bound; i += L) {
                    VectorMask<Float> m = fromArray(SPECIES, a, aOff + i).compare(NE, vs);
                    zero.blend(one, m).intoArray(y, yOff + i);
                }
            }
            case LT -> {
                for (; i < bound; i += L) {
                    VectorMask<Float> m = fromArray(SPECIES, a, aOff + i).compare(LT, vs);
                    zero.blend(one, m).intoArray(y, yOff + i);
                }
            }
            case LE -> {
                for (; i < bound; i += L) {
                    VectorMask<Float> m = fromArray(SPECIES, a, aOff + i).compare(LE, vs);
                    zero.blend(one, m).intoArray(y, yOff + i);
                }
            }
            case GT -> {
                for (; i < bound; i += L) {
                    VectorMask<Float> m = fromArray(SPECIES, a, aOff + i).compare(GT, vs);
                    zero.blend(one, m).intoArray(y, yOff + i);
                }
            }
            case GE -> {
                for (; i < bound; i += L) {
                    VectorMask<Float> m = fromArray(SPECIES, a, aOff + i).compare(GE, vs);
                    zero.blend(one, m).intoArray(y, yOff + i);
                }
            }
            case POW -> { }
        }
        for (; i < n; i++) {
            y[yOff + i] = ScalarMath.apply(op, a[aOff + i], s);
        }
    }

    /** y[i] = s op b[i]. */
    static void scalarBinary(BinaryOp op, float s, float[] b, int bOff, float[] y, int yOff, int n) {
        int i = 0;
        int bound = op == BinaryOp.POW ? 0 : SPECIES.loopBound(n);
        FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector one = FloatVector.broadcast(SPECIES, 1f);
        FloatVector vs = FloatVector.broadcast(SPECIES, s);
        switch (op) {
            case ADD -> { for (; i < bound; i += L) vs.add(fromArray(SPECIES, b, bOff + i)).intoArray(y, yOff + i); }
            case SUB -> { for (; i < bound; i += L) vs.sub(fromArray(SPECIES, b, bOff + i)).intoArray(y, yOff + i); }
            case MUL -> { for (; i < bound; i += L) vs.mul(fromArray(SPECIES, b, bOff + i)).intoArray(y, yOff + i); }
            case DIV -> { for (; i < bound; i += L) vs.div(fromArray(SPECIES, b, bOff + i)).intoArray(y, yOff + i); }
            case MAX -> { for (; i < bound; i += L) vs.max(fromArray(SPECIES, b, bOff + i)).intoArray(y, yOff + i); }
            case MIN -> { for (; i < bound; i += L) vs.min(fromArray(SPECIES, b, bOff + i)).intoArray(y, yOff + i); }
            case EQ -> {
                for (; i < bound; i += L) {
                    VectorMask<Float> m = vs.compare(EQ, fromArray(SPECIES, b, bOff + i));
                    zero.blend(one, m).intoArray(y, yOff + i);
                }
            }
            case NE -> {
                for (; i < bound; i += L) {
                    VectorMask<Float> m = vs.compare(NE, fromArray(SPECIES, b, bOff + i));
                    zero.blend(one, m).intoArray(y, yOff + i);
                }
            }
            case LT -> {
                for (; i < bound; i += L) {
                    VectorMask<Float> m = vs.compare(LT, fromArray(SPECIES, b, bOff + i));
                    zero.blend(one, m).intoArray(y, yOff + i);
                }
            }
            case LE -> {
                for (; i < bound; i += L) {
                    VectorMask<Float> m = vs.compare(LE, fromArray(SPECIES, b, bOff + i));
                    zero.blend(one, m).intoArray(y, yOff + i);
                }
            }
            case GT -> {
                for (; i < bound; i += L) {
                    VectorMask<Float> m = vs.compare(GT, fromArray(SPECIES, b, bOff + i));
                    zero.blend(one, m).intoArray(y, yOff + i);
                }
            }
            case GE -> {
                for (; i < bound; i += L) {
                    VectorMask<Float> m = vs.compare(GE, fromArray(SPECIES, b, bOff + i));
                    zero.blend(one, m).intoArray(y, yOff + i);
                }
            }
            case POW -> { }
        }
        for (; i < n; i++) {
            y[yOff + i] = ScalarMath.apply(op, s, b[bOff + i]);
        }
    }
}
