package org.seq4j.autograd;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/**
 * Compares the gradients back-propagation computes with central finite differences.
 *
 * <p>A function of several inputs with any output shape is reduced to the scalar L = Σ f(x) ⊙ R with R a fixed
 * random tensor, so that every output element is tested (all-ones weights would let errors that cancel hide). The
 * numerical estimate (L(x + ε) − L(x − ε)) / 2ε sums the float32 outputs in float64, so the only float32 rounding
 * left is the forward pass itself. An element passes when |analytic − numeric| ≤ atol + rtol·|numeric|.
 */
public final class GradCheck {

    /** Step and tolerances; the defaults suit float32 functions whose inputs are of order 1. */
    public record Options(double eps, double atol, double rtol, long seed) {
        public static Options defaults() {
            return new Options(1e-2, 2e-3, 2e-2, 42);
        }

        public Options withEps(double e) {
            return new Options(e, atol, rtol, seed);
        }

        public Options withTolerance(double a, double r) {
            return new Options(eps, a, r, seed);
        }
    }

    /** The worst element of one input. */
    public record InputReport(int input, int worstIndex, double analytic, double numeric, double error, boolean ok) {}

    public record Report(List<InputReport> inputs) {
        public boolean ok() {
            return inputs.stream().allMatch(InputReport::ok);
        }
    }

    private GradCheck() {}

    /** Checks and throws an AssertionError naming the worst element of the first failing input. */
    public static void check(Function<List<Variable>, Variable> f, List<Tensor> inputs) {
        check(f, inputs, Options.defaults());
    }

    public static void check(Function<List<Variable>, Variable> f, List<Tensor> inputs, Options options) {
        Report r = run(f, inputs, options);
        for (InputReport in : r.inputs()) {
            if (!in.ok()) {
                throw new AssertionError("gradient check failed for input " + in.input() + " (shape "
                        + inputs.get(in.input()).shape() + ") at flat index " + in.worstIndex() + ": analytic "
                        + in.analytic() + ", numeric " + in.numeric() + ", error " + in.error());
            }
        }
    }

    public static Report run(Function<List<Variable>, Variable> f, List<Tensor> inputs, Options o) {
        List<Variable> params = new ArrayList<>();
        for (Tensor t : inputs) {
            params.add(Variable.parameter(t));
        }
        Variable out = f.apply(params);
        Tensor weights = projection(out.shape(), o.seed());
        out.mul(Variable.constant(weights)).sum().backward();

        List<InputReport> reports = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Tensor analytic = params.get(i).grad();
            float[] a = analytic == null ? new float[inputs.get(i).size()] : analytic.toArray();
            reports.add(compare(f, inputs, i, a, weights, o));
        }
        return new Report(reports);
    }

    private static InputReport compare(Function<List<Variable>, Variable> f, List<Tensor> inputs, int which,
                                       float[] analytic, Tensor weights, Options o) {
        float[] x = inputs.get(which).toArray();
        int[] dims = inputs.get(which).shape().dims();
        double worst = -1;
        InputReport report = new InputReport(which, -1, 0, 0, 0, true);
        boolean ok = true;
        for (int j = 0; j < x.length; j++) {
            float saved = x[j];
            x[j] = (float) (saved + o.eps());
            double plus = loss(f, inputs, which, Tensor.of(x, dims), weights);
            x[j] = (float) (saved - o.eps());
            double minus = loss(f, inputs, which, Tensor.of(x, dims), weights);
            x[j] = saved;
            double numeric = (plus - minus) / (2 * o.eps());
            double err = Math.abs(analytic[j] - numeric);
            boolean pass = err <= o.atol() + o.rtol() * Math.abs(numeric);
            ok &= pass;
            double score = err / (o.atol() + o.rtol() * Math.abs(numeric));
            if (score > worst) {
                worst = score;
                report = new InputReport(which, j, analytic[j], numeric, err, pass);
            }
        }
        return new InputReport(report.input(), report.worstIndex(), report.analytic(), report.numeric(),
                report.error(), ok);
    }

    /** L = Σ f(x) ⊙ R in float64, with input {@code which} replaced. */
    private static double loss(Function<List<Variable>, Variable> f, List<Tensor> inputs, int which, Tensor x,
                               Tensor weights) {
        List<Variable> vs = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            vs.add(Variable.constant(i == which ? x : inputs.get(i)));
        }
        float[] y;
        try (GradMode.Scope s = GradMode.noGrad()) {
            y = f.apply(vs).value().toArray();
        }
        float[] w = weights.toArray();
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += (double) y[i] * w[i];
        }
        return sum;
    }

    private static Tensor projection(Shape shape, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] w = new float[shape.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (0.5 + rng.nextDouble()); // in [0.5, 1.5): no cancellation, no vanishing term
        }
        return Tensor.of(w, shape.dims());
    }
}
