package org.seq4j.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Erf against values from mpmath (50 digits), one or more per branch of Cody's approximation. */
class ErfMathTest {
    @Test
    void matchesMpmath() {
        double[][] cases = {
            {0.0, 0.0}, {1e-10, 1.1283791670955126e-10}, {0.25, 0.27632639016823696},
            {0.5, 0.5204998778130465}, {1.0, 0.8427007929497149}, {2.0, 0.9953222650189527},
            {3.5, 0.9999992569016276}, {4.5, 0.9999999998033839}, {30.0, 1.0},
        };
        for (double[] c : cases) {
            assertEquals(c[1], Erf.erf(c[0]), 1e-15 * Math.max(c[1], 1e-300) + 1e-300, () -> "erf(" + c[0] + ")");
            assertEquals(-c[1], Erf.erf(-c[0]), 1e-15 * Math.max(c[1], 1e-300) + 1e-300, () -> "erf(-" + c[0] + ")");
        }
        assertTrue(Double.isNaN(Erf.erf(Double.NaN)));
        assertEquals(1.0, Erf.erf(Double.POSITIVE_INFINITY));
        assertEquals(-1.0, Erf.erf(Double.NEGATIVE_INFINITY));
    }
}
