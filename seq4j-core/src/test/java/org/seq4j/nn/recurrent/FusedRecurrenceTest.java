package org.seq4j.nn.recurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.seq4j.autograd.GradCheck;
import org.seq4j.autograd.Variable;
import org.seq4j.tensor.BufferPool;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;

/**
 * The whole-sequence primitives ({@link FusedLstm}, {@link FusedGru}) against the composed cells run by
 * {@link Recurrence#run}: every output and the gradient of a random projection of them with respect to x, every
 * weight and the initial state, over random small configs (batch, length, units across a vector width; masks with
 * post-, pre- and inner padding; goBackwards; returnSequences). Tolerances: 2e-5 absolute on values of order 1 —
 * the vector σ/tanh differ from the composed ones only in summation order and gate formula roundings (a few ulps per
 * step, compounding over at most 9 steps); gradients 1e-4 relative + 2e-5 absolute, as BPTT adds up T such terms.
 * And a finite-difference check of each primitive.
 */
class FusedRecurrenceTest {
    private final SplittableRandom rng = new SplittableRandom(7);

    private Tensor rand(float scale, int... dims) {
        return Tensor.uniform(Shape.of(dims), -scale, scale, rng);
    }

    private Tensor mask(int b, int t) {
        float[] m = new float[b * t];
        for (int i = 0; i < b * t; i++) {
            m[i] = rng.nextInt(3) == 0 ? 0f : 1f;
        }
        m[t - 1] = 0f;                                        // row 0 post-padded at least once
        return Tensor.of(m, b, t);
    }

    /** One random config: what both paths get. */
    private record Case(int b, int t, int f, int u, RnnOptions o, Tensor mask) {}

    private List<Case> cases() {
        List<Case> out = new ArrayList<>();
        int[][] sizes = {{1, 1, 2, 1}, {2, 4, 3, 5}, {3, 7, 4, 17}, {2, 9, 5, 16}};
        for (int[] s : sizes) {
            for (RnnOptions o : List.of(RnnOptions.defaults(), RnnOptions.defaults().returnSequences(true),
                    RnnOptions.defaults().goBackwards(true).returnSequences(true))) {
                out.add(new Case(s[0], s[1], s[2], s[3], o, null));
                out.add(new Case(s[0], s[1], s[2], s[3], o, mask(s[0], s[1])));
            }
        }
        return out;
    }

    /** Everything a run yields, summed against fixed random weights, and the values to compare. */
    private static <S extends CellState> List<Variable> outputs(Recurrence.Result<S> r) {
        List<Variable> out = new ArrayList<>();
        if (r.sequence() != null) {
            out.add(r.sequence());
        }
        out.add(r.last());
        out.addAll(r.state().parts());
        return out;
    }

    private void compare(String what, List<Tensor> params, Function<List<Variable>, List<Variable>> fused,
                         Function<List<Variable>, List<Variable>> composed) {
        List<Variable> pf = params.stream().map(Variable::parameter).toList();
        List<Variable> pc = params.stream().map(Variable::parameter).toList();
        List<Variable> yf = fused.apply(pf);
        List<Variable> yc = composed.apply(pc);
        assertEquals(yc.size(), yf.size(), what);
        Variable lf = null;
        Variable lc = null;
        for (int i = 0; i < yf.size(); i++) {
            assertEquals(yc.get(i).shape(), yf.get(i).shape(), what + " output " + i);
            assertTrue(yf.get(i).value().allClose(yc.get(i).value(), 0f, 2e-5f), what + " output " + i);
            Variable w = Variable.constant(rand(1f, yf.get(i).shape().dims()));
            lf = lf == null ? yf.get(i).mul(w).sum() : lf.add(yf.get(i).mul(w).sum());
            lc = lc == null ? yc.get(i).mul(w).sum() : lc.add(yc.get(i).mul(w).sum());
        }
        lf.backward();
        lc.backward();
        for (int i = 0; i < params.size(); i++) {
            Tensor gc = pc.get(i).grad();
            Tensor gf = pf.get(i).grad();
            assertNotNull(gf, what + " no gradient reached parameter " + i);
            assertTrue(gf.allClose(gc, 1e-4f, 2e-5f), what + " gradient of parameter " + i + "\nfused " + gf
                    + "\ncomposed " + gc);
        }
    }

    @Test
    void lstmEqualsComposed() {
        for (Case c : cases()) {
            int g = 4 * c.u();
            List<Tensor> p = List.of(rand(1f, c.b(), c.t(), c.f()), rand(0.7f, c.f(), g), rand(0.7f, c.u(), g),
                    rand(0.5f, g), rand(0.8f, c.b(), c.u()), rand(0.8f, c.b(), c.u()));
            Function<List<Variable>, LstmCell> cell = v -> new LstmCell(v.get(1), v.get(2), v.get(3),
                    org.seq4j.nn.Activation.TANH, org.seq4j.nn.Activation.SIGMOID);
            compare("LSTM " + c, p,
                    v -> outputs(FusedLstm.run(cell.apply(v), v.get(0), new LstmState(v.get(4), v.get(5)), c.mask(),
                            c.o(), new BufferPool())),
                    v -> outputs(Recurrence.run(cell.apply(v), v.get(0), new LstmState(v.get(4), v.get(5)), c.mask(),
                            c.o(), DropoutMasks.none())));
        }
    }

    @Test
    void gruEqualsComposedInBothResetModes() {
        for (boolean resetAfter : new boolean[] {true, false}) {
            for (Case c : cases()) {
                int g = 3 * c.u();
                Tensor bias = resetAfter ? rand(0.5f, 2, g) : rand(0.5f, g);
                List<Tensor> p = List.of(rand(1f, c.b(), c.t(), c.f()), rand(0.7f, c.f(), g), rand(0.7f, c.u(), g),
                        bias, rand(0.8f, c.b(), c.u()));
                Function<List<Variable>, GruCell> cell = v -> new GruCell(v.get(1), v.get(2), v.get(3),
                        org.seq4j.nn.Activation.TANH, org.seq4j.nn.Activation.SIGMOID, resetAfter);
                // the layer's choice: fused where it applies (reset after), composed otherwise
                compare("GRU resetAfter=" + resetAfter + " " + c, p,
                        v -> outputs(FusedGru.applies(cell.apply(v), c.mask(), c.o(), DropoutMasks.none())
                                ? FusedGru.run(cell.apply(v), v.get(0), new HiddenState(v.get(4)), c.mask(), c.o(),
                                        new BufferPool())
                                : Recurrence.run(cell.apply(v), v.get(0), new HiddenState(v.get(4)), c.mask(), c.o(),
                                        DropoutMasks.none())),
                        v -> outputs(Recurrence.run(cell.apply(v), v.get(0), new HiddenState(v.get(4)), c.mask(),
                                c.o(), DropoutMasks.none())));
            }
        }
    }

    @Test
    void primitivesPassFiniteDifferences() {
        int b = 2;
        int t = 4;
        int u = 3;
        Tensor mask = Tensor.of(new float[] {1, 1, 1, 0, 0, 1, 1, 1}, b, t);
        int f = 2;
        BufferPool pool = new BufferPool();
        for (boolean reverse : new boolean[] {false, true}) {
            GradCheck.check(v -> FusedLstm.sequence(v.get(0), new LstmCell(v.get(1), v.get(2), v.get(3),
                            org.seq4j.nn.Activation.TANH, org.seq4j.nn.Activation.SIGMOID),
                            new LstmState(v.get(4), v.get(5)), mask, reverse, pool),
                    List.of(rand(1f, b, t, f), rand(0.7f, f, 4 * u), rand(0.7f, u, 4 * u), rand(0.5f, 4 * u),
                            rand(0.8f, b, u), rand(0.8f, b, u)));
            GradCheck.check(v -> FusedGru.sequence(v.get(0), new GruCell(v.get(1), v.get(2), v.get(3),
                            org.seq4j.nn.Activation.TANH, org.seq4j.nn.Activation.SIGMOID, true), v.get(4), mask,
                            reverse, pool),
                    List.of(rand(1f, b, t, f), rand(0.7f, f, 3 * u), rand(0.7f, u, 3 * u), rand(0.5f, 2, 3 * u),
                            rand(0.8f, b, u)));
        }
    }

    /** The saved activations go back to the pool after backward, so a second backward is refused, not wrong. */
    @Test
    void aSecondBackwardThroughTheSameGraphIsRefused() {
        LstmCell cell = new LstmCell(Variable.parameter(rand(0.7f, 2, 12)), Variable.parameter(rand(0.7f, 3, 12)),
                Variable.parameter(rand(0.5f, 12)), org.seq4j.nn.Activation.TANH, org.seq4j.nn.Activation.SIGMOID);
        Variable x = Variable.parameter(rand(1f, 2, 4, 2));
        LstmState zero = new LstmState(Variable.constant(Tensor.zeros(Shape.of(2, 3))),
                Variable.constant(Tensor.zeros(Shape.of(2, 3))));
        Variable loss = FusedLstm.sequence(x, cell, zero, null, false, new BufferPool()).sum();
        loss.backward();
        IllegalStateException e = assertThrows(IllegalStateException.class, loss::backward);
        assertTrue(e.getMessage().contains("second time"), e.getMessage());
    }

    /** Buffers reused across steps leave no trace: the same step twice gives the same values and gradients. */
    @Test
    void reusedBuffersGiveIdenticalSteps() {
        Tensor mask = Tensor.of(new float[] {1, 1, 0, 1, 1, 1, 1, 0}, 2, 4);
        for (boolean reverse : new boolean[] {false, true}) {
            BufferPool pool = new BufferPool();
            List<Tensor> first = null;
            for (int run = 0; run < 3; run++) {
                SplittableRandom r = new SplittableRandom(3);
                Tensor xv = Tensor.uniform(Shape.of(2, 4, 2), -1, 1, r);
                GruCell cell = new GruCell(Variable.parameter(Tensor.uniform(Shape.of(2, 9), -1, 1, r)),
                        Variable.parameter(Tensor.uniform(Shape.of(3, 9), -1, 1, r)),
                        Variable.parameter(Tensor.uniform(Shape.of(2, 9), -1, 1, r)),
                        org.seq4j.nn.Activation.TANH, org.seq4j.nn.Activation.SIGMOID, true);
                Variable x = Variable.parameter(xv);
                Variable y = FusedGru.sequence(x, cell, Variable.constant(Tensor.zeros(Shape.of(2, 3))), mask, reverse,
                        pool);
                y.mul(y).sum().backward();
                List<Tensor> got = List.of(y.value(), x.grad(), cell.kernel().grad(), cell.recurrentKernel().grad(),
                        cell.bias().grad());
                if (first == null) {
                    first = got;
                } else {
                    for (int i = 0; i < got.size(); i++) {
                        assertTrue(got.get(i).allClose(first.get(i), 0f, 0f), "run " + run + " tensor " + i);
                    }
                }
            }
        }
    }

    /**
     * The graph-free step of generation ({@code LstmStep}) against the composed step, with and without bias; 1e-5:
     * the pre-activations are sums of up to 544 products added in another order.
     */
    @Test
    void lstmStepWithoutGraphEqualsComposedStep() {
        for (int[] s : new int[][] {{1, 3, 5}, {2, 4, 17}, {1, 64, 40}, {1, 32, 512}}) {   // last: split
            int b = s[0];
            int f = s[1];
            int u = s[2];
            for (boolean withBias : new boolean[] {true, false}) {
                LstmCell cell = new LstmCell(Variable.constant(rand(0.7f, f, 4 * u)),
                        Variable.constant(rand(0.7f, u, 4 * u)), withBias ? Variable.constant(rand(0.5f, 4 * u)) : null,
                        org.seq4j.nn.Activation.TANH, org.seq4j.nn.Activation.SIGMOID);
                Variable x = Variable.constant(rand(1f, b, f));
                LstmState state = new LstmState(Variable.constant(rand(0.8f, b, u)),
                        Variable.constant(rand(0.8f, b, u)));
                try (var scope = org.seq4j.autograd.GradMode.noGrad()) {
                    Step<LstmState> fast = cell.step(x, state);
                    Step<LstmState> composed = cell.stepProjected(cell.project(x.unsqueeze(1), List.of()).squeeze(1),
                            state, List.of());
                    assertTrue(fast.output().value().allClose(composed.output().value(), 0f, 1e-5f), "h u=" + u);
                    assertTrue(fast.state().c().value().allClose(composed.state().c().value(), 0f, 1e-5f), "c u=" + u);
                }
            }
        }
    }
}
