package org.seq4j.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.seq4j.tensor.Ref.assertClose;
import static org.seq4j.tensor.Ref.assertValues;

import org.junit.jupiter.api.Test;

/** softmax and logSoftmax along every axis, against a double reference over the source array. */
class SoftmaxTest {

    @Test
    void fusedBackwardEqualsTheComposedFormulaBitForBit() {
        for (int[] dims : new int[][] {{3, 5, 37}, {2, 1}, {4, 128}, {7}, {0, 3}}) {
            Tensor x = Tensor.of(Ref.values(91, Ref.size(dims)), dims);
            Tensor g = Tensor.of(Ref.values(92, Ref.size(dims)), dims);
            for (int axis = -1; axis >= -dims.length; axis--) {
                Tensor y = x.softmax(axis);
                Tensor composed = y.mul(g.sub(g.mul(y).sum(Axes.of(axis).keepDims())));
                org.junit.jupiter.api.Assertions.assertArrayEquals(composed.toArray(),
                        Adjoints.softmaxBackward(y, g, axis).toArray(), java.util.Arrays.toString(dims) + " " + axis);
            }
        }
        // a non-contiguous gradient takes the composed path
        Tensor y = Tensor.of(Ref.values(93, 20), 4, 5).softmax(-1);
        Tensor g = Ref.strided(Ref.values(94, 20), 4, 5);
        org.junit.jupiter.api.Assertions.assertArrayEquals(y.mul(g.sub(g.mul(y).sum(Axes.of(-1).keepDims()))).toArray(),
                Adjoints.softmaxBackward(y, g, -1).toArray());
        Ref.assertMessage(IllegalArgumentException.class,
                () -> Adjoints.softmaxBackward(y, Tensor.zeros(5, 4), -1), "softmaxBackward", "(5, 4)");
    }

    private static final int[] DIMS = {3, 4, 5};

    /** softmax (or its log) of x (dims) along axis, in double, row-major. */
    private static double[] reference(float[] x, int[] dims, int axis, boolean log) {
        double[] y = new double[x.length];
        for (int[] idx : Ref.indices(dims)) {
            double max = Double.NEGATIVE_INFINITY;
            int[] j = idx.clone();
            for (j[axis] = 0; j[axis] < dims[axis]; j[axis]++) {
                max = Math.max(max, Ref.at(x, dims, j));
            }
            double sum = 0;
            for (j[axis] = 0; j[axis] < dims[axis]; j[axis]++) {
                sum += Math.exp((double) Ref.at(x, dims, j) - max);
            }
            double v = (double) Ref.at(x, dims, idx) - max;
            y[Ref.flat(dims, idx)] = log ? v - Math.log(sum) : Math.exp(v) / sum;
        }
        return y;
    }

    private static float[] scaled(long seed, int n, float scale, float shift) {
        float[] x = Ref.values(seed, n);
        for (int i = 0; i < n; i++) {
            x[i] = x[i] * scale + shift;
        }
        return x;
    }

    private static void checkEveryAxis(float[] x) {
        for (Tensor t : new Tensor[] {Tensor.of(x, DIMS), Ref.strided(x, DIMS)}) {
            for (int axis = -3; axis < 3; axis++) {
                int a = axis < 0 ? axis + 3 : axis;
                // probabilities: a few float roundings (exp, 1/sum, product) of values <= 1; tiny ones absolutely
                assertClose(reference(x, DIMS, a, false), t.softmax(axis), Ref.RTOL, 1e-9, DIMS);
                // log-probabilities: the difference (x - max) - log(sum) in double, rounded once
                assertClose(reference(x, DIMS, a, true), t.logSoftmax(axis), Ref.RTOL, 1e-7, DIMS);
                double[] sums = new double[60 / DIMS[a]];
                assertClose(filled(sums, 1), t.softmax(axis).sum(axis), 1e-6, 0, others(a));
            }
        }
    }

    private static double[] filled(double[] d, double v) {
        java.util.Arrays.fill(d, v);
        return d;
    }

    private static int[] others(int a) {
        int[] o = new int[2];
        for (int i = 0, j = 0; i < 3; i++) {
            if (i != a) {
                o[j++] = DIMS[i];
            }
        }
        return o;
    }

    @Test
    void everyAxisOfARank3Tensor() {
        checkEveryAxis(scaled(31, 60, 3, 0));
    }

    @Test
    void largeInputsDoNotOverflow() {
        checkEveryAxis(scaled(32, 60, 5, 1000));    // exp(1000) overflows unless the max is subtracted
        checkEveryAxis(scaled(33, 60, 5, -1000));
        checkEveryAxis(scaled(34, 60, 30, 0));      // wide range: some probabilities are tiny
    }

    @Test
    void logSoftmaxOfLargeValuesKeepsItsDigits() {
        // x - logsumexp(x) in float would round at ulp(1000) ≈ 6e-5 and give ~1e-4 relative error on -0.31
        Tensor t = Tensor.of(new float[] {1000, 1001}, 2);
        double lse = 1001 + Math.log(1 + Math.exp(-1));
        assertClose(new double[] {1000 - lse, 1001 - lse}, t.logSoftmax(0), 2);
        assertClose(new double[] {1 / (1 + Math.exp(1)), 1 / (1 + Math.exp(-1))}, t.softmax(0), 2);
    }

    @Test
    void edgeCases() {
        float ninf = Float.NEGATIVE_INFINITY;
        // masked positions (-inf) get exactly 0 probability
        Tensor m = Tensor.of(new float[] {0, ninf, 0, ninf}, 4);
        assertValues(new float[] {0.5f, 0, 0.5f, 0}, m.softmax(0), 4);
        assertValues(new float[] {(float) -Math.log(2), ninf, (float) -Math.log(2), ninf}, m.logSoftmax(0), 4);
        assertValues(new float[] {1}, Tensor.of(new float[] {42}, 1).softmax(0), 1);
        assertValues(new float[] {0}, Tensor.of(new float[] {42}, 1).logSoftmax(0), 1);
        assertValues(new float[0], Tensor.zeros(2, 0).softmax(1), 2, 0);
        assertValues(new float[0], Tensor.zeros(0, 3).softmax(0), 0, 3);
        assertValues(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, Tensor.zeros(2, 2).softmax(0), 2, 2);
        // a transposed view along its new last axis
        float[] x = scaled(35, 6, 2, 0);
        Tensor t = Tensor.of(x, 2, 3).mT(); // (3, 2)
        double[] e = new double[6];
        for (int i = 0; i < 3; i++) {
            double s = Math.exp(x[i]) + Math.exp(x[3 + i]);
            e[i * 2] = Math.exp(x[i]) / s;
            e[i * 2 + 1] = Math.exp(x[3 + i]) / s;
        }
        assertClose(e, t.softmax(1), 3, 2);
        assertClose(e, t.softmax(-1), 3, 2);
        assertEquals(1.0, t.softmax(1).sum().item() / 3, 1e-6);
    }
}
