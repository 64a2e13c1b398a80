package org.seq4j.bench;

import java.util.SplittableRandom;
import org.seq4j.tensor.kernel.Kernels;
import org.seq4j.tensor.kernel.Transpose;

/** {@code startup}: time from JVM start to a first 256×256 product, reduced to a number that is used. */
public final class Startup implements Workload {
    @Override
    public String name() {
        return "startup";
    }

    @Override
    public String description() {
        return "FIRST only: JVM start to the sum of one random 256x256 product";
    }

    @Override
    public void run() {
        int n = 256;
        SplittableRandom rnd = new SplittableRandom(1);
        float[] a = Matrices.random(n * n, rnd);
        float[] b = Matrices.random(n * n, rnd);
        float[] c = new float[n * n];
        Kernels.gemm().sgemm(Transpose.NO, Transpose.NO, n, n, n, 1f, a, 0, n, b, 0, n, 0f, c, 0, n);
        double sum = 0;
        for (float v : c) {
            sum += v;
        }
        // Using the sum keeps the product from being optimised away and catches a broken kernel.
        if (!Double.isFinite(sum)) {
            throw new IllegalStateException("256x256 product is not finite: " + sum);
        }
        Timing.firstResult();
    }
}
