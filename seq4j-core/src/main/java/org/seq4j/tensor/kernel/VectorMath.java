package org.seq4j.tensor.kernel;

import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.MAX;
import static jdk.incubator.vector.VectorOperators.MIN;

import static jdk.incubator.vector.FloatVector.fromArray;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API kernels: {@link ScalarMath}'s semantics on {@link #SPECIES}-wide lanes (16 floats with AVX-512).
 *
 * <p>Loops run over whole vectors, then finish the tail. Exactly rounded operations (+, ·, /, √, comparisons)
 * finish with {@link ScalarMath#apply}, which gives the same bits; the approximated functions of
 * {@link VectorFunctions} finish by running the same vector loop over a padded copy of the tail, so that a
 * value's result does not depend on its position in the array. Every {@code VectorOperators} token is a constant
 * at its use: the Vector API only intrinsifies constant operators, which is why each op has its own loop rather
 * than a shared one taking the op. Check changes here with JMH's {@code -prof gc} ({@code VectorMathBench},
 * {@code ElementwiseMathBench}): any allocation in steady state means a vector got boxed.
 *
 * <p>Differences from the reference, all within the tested bounds: SUM, dot and the softmax sums accumulate in
 * float over 4 independent vectors (1 for softmax, see expShifted) instead of one double; exp, log, tanh, sigmoid
 * and erf are our polynomial versions (errors documented in {@link VectorFunctions}); POW is scalar per element.
 */
public final class VectorMath implements MathKernel {
    /** The one species of every Vector API kernel, chosen once for this machine. */
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int L = SPECIES.length();

    @Override
    public void unary(UnaryOp op, float[] x, int xOff, float[] y, int yOff, int n) {
        switch (op) {
            case EXP -> VectorFunctions.exp(x, xOff, y, yOff, n);
            case LOG -> VectorFunctions.log(x, xOff, y, yOff, n);
            case TANH -> VectorFunctions.tanh(x, xOff, y, yOff, n);
            case SIGMOID -> VectorFunctions.sigmoid(x, xOff, y, yOff, n);
            case ERF -> VectorFunctions.erf(x, xOff, y, yOff, n);
            default -> exact(op, x, xOff, y, yOff, n);
        }
    }

    private static void exact(UnaryOp op, float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        int bound = SPECIES.loopBound(n);
        FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector one = FloatVector.broadcast(SPECIES, 1f);
        switch (op) {
            case NEG -> { for (; i < bound; i += L) fromArray(SPECIES, x, xOff + i).neg().intoArray(y, yOff + i); }
            case ABS -> { for (; i < bound; i += L) fromArray(SPECIES, x, xOff + i).abs().intoArray(y, yOff + i); }
            case SQUARE -> {
                for (; i < bound; i += L) {
                    FloatVector v = fromArray(SPECIES, x, xOff + i);
                    v.mul(v).intoArray(y, yOff + i);
                }
            }
            case SQRT -> { for (; i < bound; i += L) fromArray(SPECIES, x, xOff + i).sqrt().intoArray(y, yOff + i); }
            case RECIPROCAL -> {
                for (; i < bound; i += L) one.div(fromArray(SPECIES, x, xOff + i)).intoArray(y, yOff + i);
            }
            case SIGN -> {
                // ±0 and NaN keep their value, as Math.signum does.
                for (; i < bound; i += L) {
                    FloatVector v = fromArray(SPECIES, x, xOff + i);
                    v.blend(one, v.compare(GT, 0f)).blend(-1f, v.compare(LT, 0f)).intoArray(y, yOff + i);
                }
            }
            case RELU -> {
                // A blend, not max(v, 0): the reference maps NaN and -0 to +0, Math.max would not.
                for (; i < bound; i += L) {
                    FloatVector v = fromArray(SPECIES, x, xOff + i);
                    zero.blend(v, v.compare(GT, 0f)).intoArray(y, yOff + i);
                }
            }
            default -> throw new IllegalArgumentException("not an exact op: " + op);
        }
        for (; i < n; i++) {
            y[yOff + i] = ScalarMath.apply(op, x[xOff + i]);
        }
    }

    @Override
    public void binary(BinaryOp op, float[] a, int aOff, float[] b, int bOff, float[] y, int yOff, int n) {
        VectorBinary.binary(op, a, aOff, b, bOff, y, yOff, n);
    }

    @Override
    public void binaryScalar(BinaryOp op, float[] a, int aOff, float s, float[] y, int yOff, int n) {
        VectorBinary.binaryScalar(op, a, aOff, s, y, yOff, n);
    }

    @Override
    public void scalarBinary(BinaryOp op, float s, float[] b, int bOff, float[] y, int yOff, int n) {
        VectorBinary.scalarBinary(op, s, b, bOff, y, yOff, n);
    }

    @Override
    public float reduce(ReduceOp op, float[] x, int xOff, int n) {
        return switch (op) {
            case SUM -> sum(x, xOff, n);
            case MAX -> max(x, xOff, n);
            case MIN -> min(x, xOff, n);
        };
    }

    // Four accumulators: one add has a latency of 4 cycles and two issue per cycle, so a single chain would idle.
    private static float sum(float[] x, int off, int n) {
        FloatVector s0 = FloatVector.zero(SPECIES), s1 = s0, s2 = s0, s3 = s0;
        int i = 0;
        for (int bound = n - n % (4 * L); i < bound; i += 4 * L) {
            s0 = s0.add(fromArray(SPECIES, x, off + i));
            s1 = s1.add(fromArray(SPECIES, x, off + i + L));
            s2 = s2.add(fromArray(SPECIES, x, off + i + 2 * L));
            s3 = s3.add(fromArray(SPECIES, x, off + i + 3 * L));
        }
        for (int bound = SPECIES.loopBound(n); i < bound; i += L) {
            s0 = s0.add(fromArray(SPECIES, x, off + i));
        }
        float[] lanes = new float[L];
        s0.add(s1).add(s2.add(s3)).intoArray(lanes, 0);
        float s = Lanes.sum(lanes, L);
        for (; i < n; i++) {
            s += x[off + i];
        }
        return s;
    }

    private static float max(float[] x, int off, int n) {
        FloatVector m0 = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY), m1 = m0, m2 = m0, m3 = m0;
        int i = 0;
        for (int bound = n - n % (4 * L); i < bound; i += 4 * L) {
            m0 = m0.max(fromArray(SPECIES, x, off + i));
            m1 = m1.max(fromArray(SPECIES, x, off + i + L));
            m2 = m2.max(fromArray(SPECIES, x, off + i + 2 * L));
            m3 = m3.max(fromArray(SPECIES, x, off + i + 3 * L));
        }
        for (int bound = SPECIES.loopBound(n); i < bound; i += L) {
            m0 = m0.max(fromArray(SPECIES, x, off + i));
        }
        float m = m0.max(m1).max(m2.max(m3)).reduceLanes(MAX);
        for (; i < n; i++) {
            m = Math.max(m, x[off + i]);
        }
        return m;
    }

    private static float min(float[] x, int off, int n) {
        FloatVector m0 = FloatVector.broadcast(SPECIES, Float.POSITIVE_INFINITY), m1 = m0, m2 = m0, m3 = m0;
        int i = 0;
        for (int bound = n - n % (4 * L); i < bound; i += 4 * L) {
            m0 = m0.min(fromArray(SPECIES, x, off + i));
            m1 = m1.min(fromArray(SPECIES, x, off + i + L));
            m2 = m2.min(fromArray(SPECIES, x, off + i + 2 * L));
            m3 = m3.min(fromArray(SPECIES, x, off + i + 3 * L));
        }
        for (int bound = SPECIES.loopBound(n); i < bound; i += L) {
            m0 = m0.min(fromArray(SPECIES, x, off + i));
        }
        float m = m0.min(m1).min(m2.min(m3)).reduceLanes(MIN);
        for (; i < n; i++) {
            m = Math.min(m, x[off + i]);
        }
        return m;
    }

    @Override
    public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        FloatVector s0 = FloatVector.zero(SPECIES), s1 = s0, s2 = s0, s3 = s0;
        int i = 0;
        for (int bound = n - n % (4 * L); i < bound; i += 4 * L) {
            s0 = fromArray(SPECIES, a, aOff + i).fma(fromArray(SPECIES, b, bOff + i), s0);
            s1 = fromArray(SPECIES, a, aOff + i + L).fma(fromArray(SPECIES, b, bOff + i + L), s1);
            s2 = fromArray(SPECIES, a, aOff + i + 2 * L).fma(fromArray(SPECIES, b, bOff + i + 2 * L), s2);
            s3 = fromArray(SPECIES, a, aOff + i + 3 * L).fma(fromArray(SPECIES, b, bOff + i + 3 * L), s3);
        }
        for (int bound = SPECIES.loopBound(n); i < bound; i += L) {
            s0 = fromArray(SPECIES, a, aOff + i).fma(fromArray(SPECIES, b, bOff + i), s0);
        }
        float[] lanes = new float[L];
        s0.add(s1).add(s2.add(s3)).intoArray(lanes, 0);
        float s = Lanes.sum(lanes, L);
        for (; i < n; i++) {
            s = Math.fma(a[aOff + i], b[bOff + i], s);
        }
        return s;
    }

    @Override
    public void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n) {
        // Multiply then add, not fma: two roundings like the reference, so the results are bit for bit the same.
        FloatVector a = FloatVector.broadcast(SPECIES, alpha);
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += L) {
            fromArray(SPECIES, y, yOff + i).add(fromArray(SPECIES, x, xOff + i).mul(a)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }

    @Override
    public void softmax(float[] x, int xOff, float[] y, int yOff, int n) {
        float max = max(x, xOff, n);
        float sum = expShifted(x, xOff, max, y, yOff, n);
        FloatVector inv = FloatVector.broadcast(SPECIES, 1f / sum);
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += L) {
            fromArray(SPECIES, y, yOff + i).mul(inv).intoArray(y, yOff + i);
        }
        for (float s = 1f / sum; i < n; i++) {
            y[yOff + i] *= s;
        }
    }

    @Override
    public void logSoftmax(float[] x, int xOff, float[] y, int yOff, int n) {
        float max = max(x, xOff, n);
        float sum = expShiftedSum(x, xOff, max, n);
        // (x - max) - log Σ, never x - (max + log Σ): with |max| ≫ log Σ the latter rounds log Σ away entirely
        float logSum = (float) Math.log(sum);
        FloatVector vmax = FloatVector.broadcast(SPECIES, max);
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += L) {
            fromArray(SPECIES, x, xOff + i).sub(vmax).sub(logSum).intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] = (x[xOff + i] - max) - logSum;
        }
    }

    /**
     * y[i] = exp(x[i] - max), returning their sum. The shifted argument goes into y first, as the argument of
     * VectorFunctions' memory-to-memory exp (see there why); x is not read again, so y may alias it.
     *
     * <p>fl(x - max) is off by up to half an ulp of |x - max| (3.8e-6 at x - max ≈ -80), which exp turns into that
     * much relative error. The rounding error r is recovered exactly (Knuth's TwoSum) and folded back as
     * e^(d + r) ≈ e^d + e^d·r, so the result is as accurate as subtracting in double. r goes through a scratch
     * array rather than living across the exp call, so that no vector has to survive a call.
     */
    private static float expShifted(float[] x, int xOff, float max, float[] y, int yOff, int n) {
        FloatVector vmax = FloatVector.broadcast(SPECIES, max);
        FloatVector negMax = vmax.neg();
        FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector sum = zero;
        float[] rounding = new float[L];
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += L) {
            FloatVector a = fromArray(SPECIES, x, xOff + i);
            FloatVector d = a.sub(vmax);
            FloatVector bb = d.sub(a);
            FloatVector r = a.sub(d.sub(bb)).add(negMax.sub(bb));
            r.blend(zero, r.test(VectorOperators.IS_NAN)).intoArray(rounding, 0); // ±inf rows: no correction
            d.intoArray(y, yOff + i);
            VectorFunctions.exp(y, yOff + i, y, yOff + i);
            FloatVector e = fromArray(SPECIES, y, yOff + i);
            e = e.fma(fromArray(SPECIES, rounding, 0), e);
            e.intoArray(y, yOff + i);
            sum = sum.add(e);
        }
        float tail = 0;
        if (i < n) {
            // A padded copy through the same loop, as in VectorFunctions; -inf pads add e^-inf = 0.
            float[] pad = new float[L];
            Arrays.fill(pad, n - i, L, Float.NEGATIVE_INFINITY);
            System.arraycopy(x, xOff + i, pad, 0, n - i);
            tail = expShifted(pad, 0, max, pad, 0, L);
            System.arraycopy(pad, 0, y, yOff + i, n - i);
        }
        float[] lanes = new float[L];
        sum.intoArray(lanes, 0);
        return Lanes.sum(lanes, L) + tail;
    }

    /** Σ exp(x[i] - max), through a scratch vector so that x (which may alias logSoftmax's y) stays intact. */
    private static float expShiftedSum(float[] x, int xOff, float max, int n) {
        float[] scratch = new float[L];
        FloatVector vmax = FloatVector.broadcast(SPECIES, max);
        FloatVector sum = FloatVector.zero(SPECIES);
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += L) {
            fromArray(SPECIES, x, xOff + i).sub(vmax).intoArray(scratch, 0);
            VectorFunctions.exp(scratch, 0, scratch, 0);
            sum = sum.add(fromArray(SPECIES, scratch, 0));
        }
        float tail = 0;
        if (i < n) {
            float[] pad = new float[L];
            Arrays.fill(pad, n - i, L, Float.NEGATIVE_INFINITY);
            System.arraycopy(x, xOff + i, pad, 0, n - i);
            tail = expShiftedSum(pad, 0, max, L);
        }
        float[] lanes = new float[L];
        sum.intoArray(lanes, 0);
        return Lanes.sum(lanes, L) + tail;
    }
}
