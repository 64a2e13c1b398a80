package org.seq4j.tensor.kernel;

import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * Transcendental functions on whole {@link FloatVector}s, written with plain lane arithmetic (FMA, blends, bit
 * tricks) so that they compile to straight-line SIMD code. {@code FloatVector.lanewise(VectorOperators.EXP)} and
 * friends are not used: on Temurin 25 / AVX-512 they measured ~5x slower than {@code exp} below (see
 * {@code VectorMathBench.expLanewiseOp}), and on JDKs without the SVML stubs they fall back to scalar per lane.
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
 * <p>Every function is a static method from vector to vector; they are small enough to be inlined by C2 into the
 * caller's loop (checked with {@code -XX:+PrintInlining}), so no vector is ever boxed.
 */
final class VectorFunctions {
    private VectorFunctions() {}

    // exp
    private static final float EXP_HI = 89f;     // e^89 > Float.MAX_VALUE: clamping here still yields +inf
    private static final float EXP_LO = -104f;   // e^-104 < Float.MIN_VALUE/2: clamping here still yields 0
    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f;    // exact in 9 bits, so n·LN2_HI is exact
    private static final float LN2_LO = -2.12194440e-4f;
    private static final float ROUND = 12582912f;        // 1.5·2^23: adding it rounds to an integer in the mantissa
    private static final int ROUND_BITS = Float.floatToRawIntBits(ROUND);
    // log
    private static final float SQRT_HALF = 0.707106781186547524f;
    private static final int MANTISSA = 0x007fffff;
    private static final int HALF_BITS = 0x3f000000;     // exponent field of 0.5
    // tanh
    private static final float TANH_SMALL = 0.625f;
    private static final float TANH_BIG = 10f;           // tanh(10) rounds to 1 in float
    private static final int SIGN = 0x80000000;

    /** a·b + c with one rounding; small enough to be always inlined (the Vector API has no vector-scalar fma). */
    private static FloatVector mad(FloatVector a, FloatVector b, float c) {
        return a.fma(b, FloatVector.broadcast(a.species(), c));
    }

    /** a·b + c with one rounding, scalar b. */
    private static FloatVector mad(FloatVector a, float b, FloatVector c) {
        return a.fma(FloatVector.broadcast(a.species(), b), c);
    }

    /** e^x per lane. */
    static FloatVector exp(FloatVector x) {
        FloatVector xc = x.max(EXP_LO).min(EXP_HI);            // NaN passes through max/min (Math.max semantics)
        FloatVector t = xc.fma(LOG2E, ROUND);                  // round(x·log2 e) sits in the low mantissa bits of t
        FloatVector n = t.sub(ROUND);
        FloatVector r = mad(n, -LN2_LO, mad(n, -LN2_HI, xc)); // Cody–Waite: r = x - n·ln2, first step exact
        FloatVector z = r.mul(r);
        FloatVector p = r.fma(1.9875691500E-4f, 1.3981999507E-3f);
        p = mad(p, r, 8.3334519073E-3f);
        p = mad(p, r, 4.1665795894E-2f);
        p = mad(p, r, 1.6666665459E-1f);
        p = mad(p, r, 5.0000001201E-1f);
        FloatVector er = p.fma(z, r).add(1f);                  // e^r = 1 + r + r²·p(r)
        IntVector ni = t.reinterpretAsInts().sub(ROUND_BITS);  // n as an int, |n| ≤ 150
        IntVector n1 = ni.lanewise(ASHR, 1);
        IntVector n2 = ni.sub(n1);
        FloatVector s1 = n1.add(127).lanewise(LSHL, 23).reinterpretAsFloats();
        FloatVector s2 = n2.add(127).lanewise(LSHL, 23).reinterpretAsFloats();
        return er.mul(s1).mul(s2);
    }

    /** Natural log per lane. */
    static FloatVector log(FloatVector x) {
        VectorMask<Float> subnormal = x.compare(LT, Float.MIN_NORMAL);
        FloatVector xs = x.lanewise(VectorOperators.MUL, 8388608f, subnormal);   // 2^23 lifts them to normals
        IntVector bits = xs.reinterpretAsInts();
        FloatVector m = bits.and(MANTISSA).or(HALF_BITS).reinterpretAsFloats();  // m in [0.5, 1)
        FloatVector e = (FloatVector) bits.lanewise(LSHR, 23).sub(126).convert(VectorOperators.I2F, 0);
        e = e.lanewise(VectorOperators.SUB, 23f, subnormal);
        VectorMask<Float> low = m.compare(LT, SQRT_HALF);                         // use m in [√½, √2) instead
        e = e.lanewise(VectorOperators.SUB, 1f, low);
        FloatVector f = m.sub(1f).add(m, low);                                  // exact (Sterbenz)
        FloatVector z = f.mul(f);
        FloatVector p = f.fma(7.0376836292E-2f, -1.1514610310E-1f);
        p = mad(p, f, 1.1676998740E-1f);
        p = mad(p, f, -1.2420140846E-1f);
        p = mad(p, f, 1.4249322787E-1f);
        p = mad(p, f, -1.6668057665E-1f);
        p = mad(p, f, 2.0000714765E-1f);
        p = mad(p, f, -2.4999993993E-1f);
        p = mad(p, f, 3.3333331174E-1f);
        FloatVector y = p.mul(f).mul(z);
        y = mad(e, LN2_LO, y);
        y = mad(z, -0.5f, y);
        FloatVector r = f.add(y);
        r = mad(e, LN2_HI, r);
        r = r.blend(Float.POSITIVE_INFINITY, x.compare(VectorOperators.EQ, Float.POSITIVE_INFINITY));
        r = r.blend(Float.NEGATIVE_INFINITY, x.compare(VectorOperators.EQ, 0f));
        return r.blend(Float.NaN, x.compare(GE, 0f).not());                    // negatives and NaN
    }

    /** tanh per lane. */
    static FloatVector tanh(FloatVector x) {
        FloatVector ax = x.abs();
        FloatVector z = ax.mul(ax);
        FloatVector p = z.fma(-5.70498872745E-3f, 2.06390887954E-2f);
        p = mad(p, z, -5.37397155531E-2f);
        p = mad(p, z, 1.33314422036E-1f);
        p = mad(p, z, -3.33332819422E-1f);
        FloatVector small = p.mul(z).fma(ax, ax);
        FloatVector e = exp(ax.min(TANH_BIG).mul(2f));
        FloatVector big = FloatVector.broadcast(x.species(), 1f).sub(FloatVector.broadcast(x.species(), 2f)
                .div(e.add(1f)));
        FloatVector y = big.blend(small, ax.compare(LT, TANH_SMALL));
        // Computed on |x| and the sign put back, so that tanh(-0) = -0 and the function is exactly odd.
        IntVector sign = x.reinterpretAsInts().and(SIGN);
        return y.reinterpretAsInts().or(sign).reinterpretAsFloats();
    }

    /** 1/(1+e^-x) per lane. */
    static FloatVector sigmoid(FloatVector x) {
        FloatVector t = exp(x.abs().neg());
        FloatVector r = FloatVector.broadcast(x.species(), 1f).div(t.add(1f));
        return t.mul(r).blend(r, x.compare(GE, 0f));   // NaN fails GE and gives NaN·NaN = NaN
    }

    /**
     * erf per lane: erf(x) = x·P(x²) for |x| &lt; 1 (degree 6 in x², relative fit error 1.2e-9) and
     * erf(x) = 1 - exp(Q(|x|-1)) for 1 ≤ |x| ≤ 4 (Q of degree 8 fits log erfc to 1.2e-8 absolute), clamped at 4
     * where erf rounds to 1 in float. Both fitted by us (iteratively reweighted least squares against mpmath); the
     * 1 - exp form needs no division and keeps the error small because erfc's own error shrinks with erfc.
     */
    static FloatVector erf(FloatVector x) {
        FloatVector ax = x.abs();
        FloatVector t = ax.mul(ax);
        FloatVector p = t.fma(7.853843999328092e-05f, -0.0008010186720639467f);
        p = mad(p, t, 0.005188326817005873f);
        p = mad(p, t, -0.026853810995817184f);
        p = mad(p, t, 0.1128358542919159f);
        p = mad(p, t, -0.3761262595653534f);
        p = mad(p, t, 1.1283791065216064f);
        FloatVector small = ax.mul(p);
        FloatVector u = ax.min(4f).sub(1f);                    // NaN stays NaN through min
        FloatVector q = u.fma(1.5998011804185808e-06f, -3.249932706239633e-05f);
        q = mad(q, u, 0.00031791042420081794f);
        q = mad(q, u, -0.0020481362007558346f);
        q = mad(q, u, 0.0100686801597476f);
        q = mad(q, u, -0.041568294167518616f);
        q = mad(q, u, -0.8431078195571899f);
        q = mad(q, u, -2.638967275619507f);
        q = mad(q, u, -1.8496055603027344f);
        FloatVector big = FloatVector.broadcast(x.species(), 1f).sub(exp(q));
        FloatVector y = big.blend(small, ax.compare(LT, 1f));
        IntVector sign = x.reinterpretAsInts().and(SIGN);      // odd function, erf(-0) = -0
        return y.reinterpretAsInts().or(sign).reinterpretAsFloats();
    }
}
