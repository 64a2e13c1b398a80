package org.seq4j.tensor.kernel;

import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.LT;
import static org.seq4j.tensor.kernel.VectorMath.L;
import static org.seq4j.tensor.kernel.VectorMath.SPECIES;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Transcendental functions over float arrays, vectorised with plain lane arithmetic (FMA, blends, bit tricks).
 * {@code FloatVector.lanewise(VectorOperators.EXP)} and friends are not used: their speed depends on whether the JDK
 * ships native SVML/SLEEF stubs for the platform (without them every lane is a scalar Math call) and their accuracy
 * is not specified. On Temurin 25 / x86-64 AVX-512 the stubs exist, are accurate (6e-8 relative on [-8, 8]) and
 * are as fast as ours or up to 2x faster depending on the harness: exp over 4096 floats 2.0 vs 2.1 µs in JMH
 * ({@code VectorMathBench.expLanewiseOp} vs {@code unary}), 1.0 vs 1.9 µs in a tight interleaved loop, where
 * tanh was 2.2 vs 3.6 µs and log 1.1 vs 2.7 µs (scalar Math: exp 18.5 µs, tanh 45 µs).
 *
 * <p>Algorithms (Cephes single precision, adapted to FMA):
 * <ul>
 * <li>exp: x = n·ln2 + r, |r| ≤ ln2/2 (Cody–Waite split of ln2), e^r by a degree-7 polynomial, 2^n built in the
 *     exponent bits. 2^n is applied as two factors 2^(n/2)·2^(n-n/2) so that subnormal results come out right and
 *     overflow gives +inf without a special case.
 * <li>log: x = 2^e·m with m in [√½, √2), log(1+f) by a degree-9 polynomial in f = m-1. Subnormal inputs are scaled
 *     by 2^23 first.
 * <li>tanh: odd polynomial for |x| &lt; 0.625 (keeps relative accuracy near 0), 1 - 2/(e^{2|x|}+1) above.
 * <li>sigmoid: with t = e^{-|x|} in (0, 1]: 1/(1+t) for x ≥ 0, t/(1+t) for x &lt; 0 — no overflow either way and
 *     relative accuracy kept in the far negative tail.
 * <li>erf: see {@link #erf}.
 * </ul>
 *
 * <p>Measured maximum relative error against {@link Math} in double ({@code VectorMathAccuracyTest}: millions of
 * evenly spaced points plus every k-th float bit pattern across the binades; 1 ulp of float is 6e-8 to 1.2e-7
 * relative, so these are all within about 2 ulps):
 * <ul>
 * <li>exp on [-87.3, 88.72] (all normal results): 8.3e-8; subnormal results within 1 subnormal ulp
 * <li>log on [1e-30, 1e30], [0.5, 2] and the subnormals: 7.8e-8 (relative holds at the zero x = 1 too)
 * <li>tanh on [-20, 20] and tiny |x| down to 1e-30: 1.4e-7 (worst just above the 0.625 switch)
 * <li>sigmoid on [-87, 20]: 2.0e-7 (the negative side, t·1/(1+t) has two roundings more)
 * <li>erf on [-6, 6] and tiny |x| down to 1e-30: 1.8e-7 (against Cody's double erf, {@link Erf})
 * </ul>
 * Special values: exp(+inf)=+inf, exp(-inf)=0, overflow → +inf, underflow → 0 (through the subnormals);
 * log(±0)=-inf, log(x&lt;0)=NaN, log(+inf)=+inf; tanh(±inf)=±1; sigmoid(+inf)=1, sigmoid(-inf)=0; NaN in → NaN out.
 *
 * <p>Why arrays in and out, and no method of ours that takes or returns a vector: such a method must be inlined by
 * C2, or every vector crossing the call is boxed (~600 bytes and ~10x the time per vector). C2 refuses our methods
 * once a compilation passes its NodeCountInliningCutoff, and Vector API code is node-hungry: a caller inlining the
 * tanh and sigmoid loops together (an LSTM step does) left one exp out of line. The Vector API's own methods are
 * force-inlined past that cutoff, so vector code kept inside one method is safe wherever it ends up. The one shared
 * piece, {@link #exp(float[], int, float[], int)} for 16 lanes, therefore goes through memory: its callers store
 * the argument into their output slot and load the result back (store-to-load forwarding; and if it is not inlined,
 * a plain call). Constants are static final vectors because a scalar operand is broadcast on the spot, in more nodes.
 * Check with JMH's {@code -prof gc}: 0 B/op in steady state.
 */
final class VectorFunctions {
    private VectorFunctions() {}

    private static final VectorSpecies<Integer> INTS = SPECIES.withLanes(int.class);

    private static FloatVector v(float c) {
        return FloatVector.broadcast(SPECIES, c);
    }

    private static IntVector v(int c) {
        return IntVector.broadcast(INTS, c);
    }

    private static final FloatVector ONE = v(1f);
    private static final FloatVector TWO = v(2f);
    private static final IntVector SIGN = v(0x80000000);

    // exp: Cephes expf
    private static final FloatVector EXP_HI = v(89f);     // e^89 > Float.MAX_VALUE: clamping here still gives +inf
    private static final FloatVector EXP_LO = v(-104f);   // e^-104 < Float.MIN_VALUE/2: clamping here still gives 0
    private static final FloatVector LOG2E = v(1.44269504088896341f);
    private static final FloatVector ROUND = v(12582912f); // 1.5·2^23: adding it rounds to an integer in the mantissa
    private static final IntVector ROUND_BITS = v(Float.floatToRawIntBits(12582912f));
    private static final FloatVector MINUS_LN2_HI = v(-0.693359375f);   // 9 bits, so n·LN2_HI is exact
    private static final FloatVector MINUS_LN2_LO = v(2.12194440e-4f);
    private static final FloatVector EXP_P0 = v(1.9875691500E-4f);
    private static final FloatVector EXP_P1 = v(1.3981999507E-3f);
    private static final FloatVector EXP_P2 = v(8.3334519073E-3f);
    private static final FloatVector EXP_P3 = v(4.1665795894E-2f);
    private static final FloatVector EXP_P4 = v(1.6666665459E-1f);
    private static final FloatVector EXP_P5 = v(5.0000001201E-1f);
    private static final IntVector EXP_BIAS = v(127);

    // log: Cephes logf
    private static final FloatVector MIN_NORMAL = v(Float.MIN_NORMAL);
    private static final FloatVector TWO_23 = v(8388608f);
    private static final FloatVector F23 = v(23f);
    private static final FloatVector SQRT_HALF = v(0.707106781186547524f);
    private static final IntVector MANTISSA = v(0x007fffff);
    private static final IntVector HALF_BITS = v(0x3f000000);   // exponent field of 0.5
    private static final IntVector HALF_EXP = v(126);
    private static final FloatVector LN2_HI = v(0.693359375f);
    private static final FloatVector LN2_LO = v(-2.12194440e-4f);
    private static final FloatVector MINUS_HALF = v(-0.5f);
    private static final FloatVector ZERO = v(0f);
    private static final FloatVector INF = v(Float.POSITIVE_INFINITY);
    private static final FloatVector MINUS_INF = v(Float.NEGATIVE_INFINITY);
    private static final FloatVector NAN = v(Float.NaN);
    private static final FloatVector LOG_P0 = v(7.0376836292E-2f);
    private static final FloatVector LOG_P1 = v(-1.1514610310E-1f);
    private static final FloatVector LOG_P2 = v(1.1676998740E-1f);
    private static final FloatVector LOG_P3 = v(-1.2420140846E-1f);
    private static final FloatVector LOG_P4 = v(1.4249322787E-1f);
    private static final FloatVector LOG_P5 = v(-1.6668057665E-1f);
    private static final FloatVector LOG_P6 = v(2.0000714765E-1f);
    private static final FloatVector LOG_P7 = v(-2.4999993993E-1f);
    private static final FloatVector LOG_P8 = v(3.3333331174E-1f);

    // tanh: Cephes tanhf
    private static final FloatVector TANH_SMALL = v(0.625f);
    private static final FloatVector TANH_BIG = v(10f);   // tanh(10) rounds to 1 in float
    private static final FloatVector TANH_P0 = v(-5.70498872745E-3f);
    private static final FloatVector TANH_P1 = v(2.06390887954E-2f);
    private static final FloatVector TANH_P2 = v(-5.37397155531E-2f);
    private static final FloatVector TANH_P3 = v(1.33314422036E-1f);
    private static final FloatVector TANH_P4 = v(-3.33332819422E-1f);

    // erf: fitted by us, see erf()
    private static final FloatVector ERF_A0 = v(7.853843999328092e-05f);
    private static final FloatVector ERF_A1 = v(-0.0008010186720639467f);
    private static final FloatVector ERF_A2 = v(0.005188326817005873f);
    private static final FloatVector ERF_A3 = v(-0.026853810995817184f);
    private static final FloatVector ERF_A4 = v(0.1128358542919159f);
    private static final FloatVector ERF_A5 = v(-0.3761262595653534f);
    private static final FloatVector ERF_A6 = v(1.1283791065216064f);
    private static final FloatVector ERF_B0 = v(1.5998011804185808e-06f);
    private static final FloatVector ERF_B1 = v(-3.249932706239633e-05f);
    private static final FloatVector ERF_B2 = v(0.00031791042420081794f);
    private static final FloatVector ERF_B3 = v(-0.0020481362007558346f);
    private static final FloatVector ERF_B4 = v(0.0100686801597476f);
    private static final FloatVector ERF_B5 = v(-0.041568294167518616f);
    private static final FloatVector ERF_B6 = v(-0.8431078195571899f);
    private static final FloatVector ERF_B7 = v(-2.638967275619507f);
    private static final FloatVector ERF_B8 = v(-1.8496055603027344f);
    private static final FloatVector ERF_BIG = v(4f);     // erf(4) rounds to 1 in float

    /** y[yOff..yOff+L) = e^x[xOff..xOff+L): one vector, memory to memory (see the class comment for why). */
    static void exp(float[] x, int xOff, float[] y, int yOff) {
        FloatVector xc = FloatVector.fromArray(SPECIES, x, xOff).max(EXP_LO).min(EXP_HI);   // NaN passes through
        FloatVector t = xc.fma(LOG2E, ROUND);                    // round(x·log2 e) sits in the low mantissa bits
        FloatVector n = t.sub(ROUND);
        FloatVector r = n.fma(MINUS_LN2_LO, n.fma(MINUS_LN2_HI, xc));   // Cody–Waite: r = x - n·ln2
        FloatVector p = EXP_P0.fma(r, EXP_P1).fma(r, EXP_P2).fma(r, EXP_P3).fma(r, EXP_P4).fma(r, EXP_P5);
        FloatVector er = p.fma(r.mul(r), r).add(ONE);            // e^r = 1 + r + r²·p(r)
        IntVector ni = t.reinterpretAsInts().sub(ROUND_BITS);    // n as an int, |n| ≤ 150
        IntVector n1 = ni.lanewise(ASHR, 1);
        IntVector n2 = ni.sub(n1);
        FloatVector s1 = n1.add(EXP_BIAS).lanewise(LSHL, 23).reinterpretAsFloats();
        FloatVector s2 = n2.add(EXP_BIAS).lanewise(LSHL, 23).reinterpretAsFloats();
        er.mul(s1).mul(s2).intoArray(y, yOff);
    }

    static void exp(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += L) {
            exp(x, xOff + i, y, yOff + i);
        }
        if (i < n) {
            float[] pad = padded(x, xOff + i, n - i);
            exp(pad, 0, pad, 0, L);
            System.arraycopy(pad, 0, y, yOff + i, n - i);
        }
    }

    static void log(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(SPECIES, x, xOff + i);
            VectorMask<Float> subnormal = v.compare(LT, MIN_NORMAL);
            IntVector bits = v.mul(TWO_23, subnormal).reinterpretAsInts();            // 2^23 lifts them to normals
            FloatVector m = bits.and(MANTISSA).or(HALF_BITS).reinterpretAsFloats();  // m in [0.5, 1)
            FloatVector e = (FloatVector) bits.lanewise(LSHR, 23).sub(HALF_EXP).convert(VectorOperators.I2F, 0);
            e = e.sub(F23, subnormal);
            VectorMask<Float> low = m.compare(LT, SQRT_HALF);                         // use m in [√½, √2) instead
            e = e.sub(ONE, low);
            FloatVector f = m.sub(ONE).add(m, low);                                 // exact (Sterbenz)
            FloatVector z = f.mul(f);
            FloatVector p = LOG_P0.fma(f, LOG_P1).fma(f, LOG_P2).fma(f, LOG_P3).fma(f, LOG_P4).fma(f, LOG_P5)
                    .fma(f, LOG_P6).fma(f, LOG_P7).fma(f, LOG_P8);
            FloatVector r = z.fma(MINUS_HALF, e.fma(LN2_LO, p.mul(f).mul(z)));
            r = e.fma(LN2_HI, f.add(r));
            r = r.blend(INF, v.compare(VectorOperators.EQ, INF));
            r = r.blend(MINUS_INF, v.compare(VectorOperators.EQ, ZERO));
            r.blend(NAN, v.compare(GE, ZERO).not()).intoArray(y, yOff + i);          // negatives and NaN
        }
        if (i < n) {
            float[] pad = padded(x, xOff + i, n - i);
            log(pad, 0, pad, 0, L);
            System.arraycopy(pad, 0, y, yOff + i, n - i);
        }
    }

    static void tanh(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(SPECIES, x, xOff + i);   // read before y is used as scratch
            FloatVector ax = v.abs();
            ax.min(TANH_BIG).mul(TWO).intoArray(y, yOff + i);
            exp(y, yOff + i, y, yOff + i);
            FloatVector e = FloatVector.fromArray(SPECIES, y, yOff + i);
            FloatVector big = ONE.sub(TWO.div(e.add(ONE)));
            FloatVector z = ax.mul(ax);
            FloatVector p = TANH_P0.fma(z, TANH_P1).fma(z, TANH_P2).fma(z, TANH_P3).fma(z, TANH_P4);
            FloatVector t = big.blend(p.mul(z).fma(ax, ax), ax.compare(LT, TANH_SMALL));
            // Computed on |x| and the sign put back, so that tanh(-0) = -0 and the function is exactly odd.
            t.reinterpretAsInts().or(v.reinterpretAsInts().and(SIGN)).reinterpretAsFloats().intoArray(y, yOff + i);
        }
        if (i < n) {
            float[] pad = padded(x, xOff + i, n - i);
            tanh(pad, 0, pad, 0, L);
            System.arraycopy(pad, 0, y, yOff + i, n - i);
        }
    }

    static void sigmoid(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(SPECIES, x, xOff + i);
            v.abs().neg().intoArray(y, yOff + i);
            exp(y, yOff + i, y, yOff + i);
            FloatVector t = FloatVector.fromArray(SPECIES, y, yOff + i);
            FloatVector r = ONE.div(t.add(ONE));
            t.mul(r).blend(r, v.compare(GE, ZERO)).intoArray(y, yOff + i);   // NaN fails GE: NaN·NaN = NaN
        }
        if (i < n) {
            float[] pad = padded(x, xOff + i, n - i);
            sigmoid(pad, 0, pad, 0, L);
            System.arraycopy(pad, 0, y, yOff + i, n - i);
        }
    }

    /**
     * erf: erf(x) = x·P(x²) for |x| &lt; 1 (degree 6 in x², relative fit error 1.2e-9) and
     * erf(x) = 1 - exp(Q(|x|-1)) for 1 ≤ |x| ≤ 4 (Q of degree 8 fits log erfc to 1.2e-8 absolute), clamped at 4
     * where erf rounds to 1 in float. Both fitted by us (iteratively reweighted least squares against mpmath); the
     * 1 - exp form needs no division and keeps the error small because erfc's own error shrinks with erfc.
     */
    static void erf(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        for (int bound = SPECIES.loopBound(n); i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(SPECIES, x, xOff + i);
            FloatVector ax = v.abs();
            FloatVector u = ax.min(ERF_BIG).sub(ONE);                // NaN stays NaN through min
            ERF_B0.fma(u, ERF_B1).fma(u, ERF_B2).fma(u, ERF_B3).fma(u, ERF_B4).fma(u, ERF_B5).fma(u, ERF_B6)
                    .fma(u, ERF_B7).fma(u, ERF_B8).intoArray(y, yOff + i);
            exp(y, yOff + i, y, yOff + i);
            FloatVector big = ONE.sub(FloatVector.fromArray(SPECIES, y, yOff + i));
            FloatVector t = ax.mul(ax);
            FloatVector p = ERF_A0.fma(t, ERF_A1).fma(t, ERF_A2).fma(t, ERF_A3).fma(t, ERF_A4).fma(t, ERF_A5)
                    .fma(t, ERF_A6);
            FloatVector r = big.blend(ax.mul(p), ax.compare(LT, ONE));
            r.reinterpretAsInts().or(v.reinterpretAsInts().and(SIGN)).reinterpretAsFloats()   // odd, erf(-0) = -0
                    .intoArray(y, yOff + i);
        }
        if (i < n) {
            float[] pad = padded(x, xOff + i, n - i);
            erf(pad, 0, pad, 0, L);
            System.arraycopy(pad, 0, y, yOff + i, n - i);
        }
    }

    // Tails run through the same loop on a padded copy rather than as a masked iteration: a second copy of the
    // body would double the code, and it gives every element the same arithmetic, wherever it sits.
    private static float[] padded(float[] x, int off, int len) {
        float[] pad = new float[L];
        System.arraycopy(x, off, pad, 0, len);
        return pad;
    }
}
