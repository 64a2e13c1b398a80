package org.seq4j.tensor.kernel;

/**
 * The error function, needed by the exact GELU ({@link Math} has none). For |x| < 0.5, W. J. Cody's rational
 * approximation (relative error below 1e-16); beyond, erf = 1 − erfc with the Chebyshev-fitted erfc of Numerical
 * Recipes (fractional error below 1.2e-7, i.e. far below float32 resolution of erf near 1).
 */
final class Erf {
    private Erf() {}

    static double erf(double x) {
        double ax = Math.abs(x);
        if (ax < 0.5) {
            double t = x * x;
            double top = (((0.185777706184603153 * t + 3.16112374387056560) * t + 113.864154151050156) * t
                    + 377.485237685302021) * t + 3209.37758913846947;
            double bot = (((t + 23.6012909523441209) * t + 244.024637934444173) * t + 1282.61652607737228) * t
                    + 2844.23683343917062;
            return x * top / bot;
        }
        double r = 1.0 - erfc(ax);
        return x < 0 ? -r : r;
    }

    /** erfc for z ≥ 0. */
    private static double erfc(double z) {
        double t = 1.0 / (1.0 + 0.5 * z);
        double poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
                + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
        return t * Math.exp(-z * z + poly);
    }
}
