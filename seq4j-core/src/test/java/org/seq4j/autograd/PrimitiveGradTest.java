package org.seq4j.autograd;

import static org.seq4j.autograd.GradCheck.check;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.seq4j.tensor.Axes;
import org.seq4j.tensor.IntTensor;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/**
 * A finite-difference gradient check for every differentiable primitive, including broadcasting in both directions
 * and reductions over several axes. Inputs are drawn away from the kinks (|x| ≥ 0.1 for relu/abs/clamp) so that the
 * central difference never straddles one.
 */
class PrimitiveGradTest {
    private final SplittableRandom rng = new SplittableRandom(7);

    private Tensor rand(int... dims) {
        return Tensor.uniform(Shape.of(dims), -1f, 1f, rng);
    }

    /** Uniform in ±[lo, hi]: kept off zero for functions with a kink or pole there. */
    private Tensor awayFromZero(float lo, float hi, int... dims) {
        float[] v = new float[Shape.of(dims).size()];
        for (int i = 0; i < v.length; i++) {
            float m = (float) (lo + (hi - lo) * rng.nextDouble());
            v[i] = rng.nextBoolean() ? m : -m;
        }
        return Tensor.of(v, dims);
    }

    private Tensor positive(int... dims) {
        return Tensor.uniform(Shape.of(dims), 0.5f, 2f, rng);
    }

    private static void unary(Function<Variable, Variable> f, Tensor x) {
        check(in -> f.apply(in.get(0)), List.of(x));
    }

    private static void binary(Function<List<Variable>, Variable> f, Tensor a, Tensor b) {
        check(f, List.of(a, b));
    }

    @Test
    void arithmeticWithBroadcasting() {
        for (Shape[] s : new Shape[][] {
                {Shape.of(3, 4), Shape.of(3, 4)}, {Shape.of(3, 1), Shape.of(1, 4)}, {Shape.of(2, 3, 4), Shape.of(4)},
                {Shape.scalar(), Shape.of(2, 3)}}) {
            Tensor a = rand(s[0].dims());
            Tensor b = rand(s[1].dims());
            binary(in -> in.get(0).add(in.get(1)), a, b);
            binary(in -> in.get(0).sub(in.get(1)), a, b);
            binary(in -> in.get(0).mul(in.get(1)), a, b);
            binary(in -> in.get(0).div(in.get(1)), a, awayFromZero(0.5f, 2f, s[1].dims()));
            binary(in -> in.get(1).div(in.get(0)), awayFromZero(0.5f, 2f, s[0].dims()), b);
        }
    }

    @Test
    void scalarArithmetic() {
        Tensor x = rand(2, 5);
        unary(v -> v.add(3f), x);
        unary(v -> v.mul(-2.5f), x);
        unary(Variable::neg, x);
        unary(v -> v.pow(3f), x);
        unary(v -> v.pow(0.5f), positive(2, 5));
    }

    @Test
    void pointwiseFunctions() {
        Tensor x = rand(3, 7);
        unary(Variable::exp, x);
        unary(Variable::tanh, x.mul(2f));
        unary(Variable::sigmoid, x.mul(3f));
        unary(Variable::square, x);
        unary(v -> Pointwise.erf(v), x.mul(2f));
        unary(Variable::log, positive(3, 7));
        unary(Variable::sqrt, positive(3, 7));
        unary(Variable::relu, awayFromZero(0.1f, 1f, 3, 7));
        unary(Variable::abs, awayFromZero(0.1f, 1f, 3, 7));
        // values on a grid 0.1 apart, offset by 0.05 from the bounds ±0.7: some inside, some clipped, none within ε
        Tensor grid = Tensor.arange(-1.45f, 1.5f, 0.1f);
        unary(v -> v.clamp(-0.7f, 0.7f), grid);
    }

    @Test
    void whereAndMaskedFill() {
        Tensor cond = Tensor.of(new float[] {1, 0, 0, 1, 1, 0}, 2, 3);
        binary(in -> Arithmetic.where(cond, in.get(0), in.get(1)), rand(2, 3), rand(3));
        binary(in -> Arithmetic.where(cond.reshape(2, 3).narrow(1, 0, 1), in.get(0), in.get(1)), rand(2, 3),
                rand(2, 3));
        unary(v -> v.maskedFill(cond, -1e9f), rand(2, 3));
        unary(v -> v.maskedFill(Tensor.of(new float[] {0, 1, 0}, 3), 5f), rand(4, 3));
    }

    @Test
    void matmulEveryForm() {
        binary(in -> in.get(0).matmul(in.get(1)), rand(3, 4), rand(4, 5));
        binary(in -> in.get(0).matmul(in.get(1)), rand(2, 3, 4), rand(2, 4, 5));
        binary(in -> in.get(0).matmul(in.get(1)), rand(2, 3, 4), rand(4, 5));                 // folded
        binary(in -> in.get(0).matmul(in.get(1)), rand(2, 1, 3, 4), rand(3, 4, 2));           // broadcast batch
        binary(in -> in.get(0).matmul(in.get(1)), rand(4), rand(4, 5));                       // vector · matrix
        binary(in -> in.get(0).matmul(in.get(1)), rand(3, 4), rand(4));                       // matrix · vector
        binary(in -> in.get(0).matmul(in.get(1)), rand(4), rand(4));                          // dot
        binary(in -> in.get(0).matmul(in.get(1)), rand(2, 4), rand(3, 4, 5));                // broadcast left
        binary(in -> in.get(0).matmul(in.get(1).transpose(-2, -1)), rand(2, 3, 4), rand(2, 5, 4)); // A·Bᵀ
        binary(in -> in.get(0).transpose(0, 1).matmul(in.get(1)), rand(4, 3), rand(4, 5));   // Aᵀ·B
    }

    /** Distinct values 0.1 apart in shuffled order: max is differentiable there with ε = 0.01. */
    private Tensor distinct(int... dims) {
        int n = Shape.of(dims).size();
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = 0.1f * i - 0.05f * n;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            float t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
        return Tensor.of(v, dims);
    }

    @Test
    void reductionsOverSeveralAxes() {
        Tensor x = distinct(2, 3, 4);
        for (Axes axes : new Axes[] {Axes.all(), Axes.of(0), Axes.of(1), Axes.of(-1), Axes.of(0, 2),
                Axes.of(0, 1).keepDims(), Axes.of(1, 2).keepDims(), Axes.of(2).keepDims()}) {
            unary(v -> v.sum(axes), x);
            unary(v -> v.mean(axes), x);
            unary(v -> v.max(axes), x);
            unary(v -> v.logSumExp(axes), x.mul(3f));
        }
    }

    @Test
    void softmaxFamilyAlongEveryAxis() {
        Tensor x = rand(2, 3, 4).mul(2f);
        for (int axis : new int[] {0, 1, 2, -1}) {
            unary(v -> v.softmax(axis), x);
            unary(v -> v.logSoftmax(axis), x);
        }
    }

    @Test
    void shapingOps() {
        Tensor x = rand(2, 3, 4);
        unary(v -> v.reshape(6, 4), x);
        unary(v -> v.reshape(4, -1), x);
        unary(v -> v.permute(2, 0, 1), x);
        unary(v -> v.transpose(0, 2), x);
        unary(v -> v.unsqueeze(1), x);
        unary(v -> v.unsqueeze(0).squeeze(0), x);
        unary(v -> v.expand(Shape.of(5, 2, 3, 4)), x);
        unary(v -> v.narrow(1, 1, 2).narrow(2, 1, 3), x);
        unary(v -> v.select(1, 2), x);
        unary(v -> v.select(-1, 0), x);
        unary(v -> Shaping.slice(v, 2, 0, 4, 2), x);
        unary(v -> Shaping.slice(v, 1, -2, 3, 1), x);
        unary(v -> v.transpose(1, 2).reshape(2, 12), x); // a reshape that must copy
        unary(v -> v.split(2, 1, 3).get(1), x);
    }

    @Test
    void joiningOps() {
        binary(in -> Shaping.concat(1, in), rand(2, 3), rand(2, 5));
        binary(in -> Shaping.concat(-1, List.of(in.get(0), in.get(1), in.get(0))), rand(2, 3), rand(2, 1));
        binary(in -> Shaping.stack(0, in), rand(2, 3), rand(2, 3));
        binary(in -> Shaping.stack(-1, in), rand(2, 3), rand(2, 3));
    }

    @Test
    void indexedReads() {
        IntTensor ids = IntTensor.of(new int[][] {{0, 2, 2}, {4, 1, 0}});                  // repeated ids accumulate
        unary(v -> v.indexSelect(0, ids), rand(5, 3));                                    // embedding lookup
        unary(v -> v.indexSelect(1, IntTensor.of(new int[] {1, 1, 0}, 3)), rand(2, 3));
        IntTensor target = IntTensor.of(new int[][] {{2}, {0}, {2}});
        unary(v -> v.gather(1, target), rand(3, 4));
        unary(v -> v.gather(0, IntTensor.of(new int[][] {{1, 0, 1, 1}})), rand(2, 4));
    }

    @Test
    void compositeExpressionsAccumulateAcrossUses() {
        // x is used three times and w twice: gradients from each use must add up
        check(in -> {
            Variable x = in.get(0);
            Variable w = in.get(1);
            Variable h = x.matmul(w).tanh();
            return h.mul(x.matmul(w)).add(x.sum(Axes.of(1).keepDims()));
        }, List.of(rand(3, 4), rand(4, 4)));
    }
}
