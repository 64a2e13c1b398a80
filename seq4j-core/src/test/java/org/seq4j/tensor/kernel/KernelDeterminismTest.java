package org.seq4j.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The same input must give the same bits on every call, whether the kernel is interpreted or compiled by C1 or C2
 * (a seeded run must repeat exactly). Reductions are where tiers could differ: the Vector API leaves the order of a
 * float lane sum open, so seq4j folds lanes itself in a fixed order (see Lanes). Each kernel runs here enough times
 * to pass through every tier.
 */
class KernelDeterminismTest {
    private static final int CALLS = 30_000;

    private static float[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (r.nextGaussian() * 3);
        }
        return x;
    }

    @Test
    void reductionsAndSoftmaxRepeatBitForBitAcrossJitTiers() {
        MathKernel k = Kernels.math();
        float[] x = random(203, 1);
        float[] y = random(203, 2);
        float sum = k.reduce(ReduceOp.SUM, x, 0, x.length);
        float dot = k.dot(x, 0, y, 0, x.length);
        float[] soft = new float[x.length];
        float[] logSoft = new float[x.length];
        k.softmax(x, 0, soft, 0, x.length);
        k.logSoftmax(x, 0, logSoft, 0, x.length);
        float[] s2 = new float[x.length];
        float[] l2 = new float[x.length];
        for (int i = 0; i < CALLS; i++) {
            assertEquals(Float.floatToRawIntBits(sum), Float.floatToRawIntBits(k.reduce(ReduceOp.SUM, x, 0, x.length)),
                    "sum at call " + i);
            assertEquals(Float.floatToRawIntBits(dot), Float.floatToRawIntBits(k.dot(x, 0, y, 0, x.length)),
                    "dot at call " + i);
            if (i % 10 == 0) {
                k.softmax(x, 0, s2, 0, x.length);
                k.logSoftmax(x, 0, l2, 0, x.length);
                assertArrayEquals(soft, s2, "softmax at call " + i);
                assertArrayEquals(logSoft, l2, "logSoftmax at call " + i);
            }
        }
    }

    @Test
    void rowVectorProductRepeatsBitForBit() {
        // m = 1 takes GEMM's dot-product path, which reduces lanes
        GemmKernel g = Kernels.gemm();
        int n = 37;
        int kDim = 300;
        float[] a = random(kDim, 3);
        float[] b = random(n * kDim, 4);
        float[] first = new float[n];
        g.sgemm(Transpose.NO, Transpose.YES, 1, n, kDim, 1f, a, 0, kDim, b, 0, kDim, 0f, first, 0, n);
        float[] c = new float[n];
        for (int i = 0; i < CALLS / 10; i++) {
            g.sgemm(Transpose.NO, Transpose.YES, 1, n, kDim, 1f, a, 0, kDim, b, 0, kDim, 0f, c, 0, n);
            assertArrayEquals(first, c, "row-vector product at call " + i);
        }
    }
}
