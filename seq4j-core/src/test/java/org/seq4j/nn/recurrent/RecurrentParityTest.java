package org.seq4j.nn.recurrent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.seq4j.autograd.GradMode;
import org.seq4j.autograd.Variable;
import org.seq4j.fixtures.Fixture;
import org.seq4j.nn.Context;
import org.seq4j.nn.Masked;
import org.seq4j.tensor.Tensor;

/**
 * SimpleRNN, LSTM, GRU, Bidirectional, stacked and masked RNNs, TimeDistributed: every reference case of the groups.
 * Each case's model is built from its metadata ({@link FixtureModel}). Besides the outputs and every gradient, the
 * helpers a case carries are asserted: {@code aux.<layer>_output} (intermediate sequences), {@code aux.embedded},
 * {@code input.mask} (the mask the RNN receives, when a layer makes it) and {@code check.unpadded_last_output},
 * which is also re-derived here by running each sample alone on its real steps, without a mask.
 */
class RecurrentParityTest {

    @TestFactory
    Stream<DynamicTest> simpleRnn() {
        return Fixture.cases("simplernn", RecurrentParityTest::check);
    }

    @TestFactory
    Stream<DynamicTest> lstm() {
        return Fixture.cases("lstm", RecurrentParityTest::check);
    }

    @TestFactory
    Stream<DynamicTest> gru() {
        return Fixture.cases("gru", RecurrentParityTest::check);
    }

    @TestFactory
    Stream<DynamicTest> bidirectional() {
        return Fixture.cases("bidirectional", RecurrentParityTest::check);
    }

    @TestFactory
    Stream<DynamicTest> stacked() {
        return Fixture.cases("stacked", RecurrentParityTest::check);
    }

    @TestFactory
    Stream<DynamicTest> masking() {
        return Fixture.cases("masking", RecurrentParityTest::check);
    }

    @TestFactory
    Stream<DynamicTest> timeDistributed() {
        return Fixture.cases("timedistributed", RecurrentParityTest::check);
    }

    static void check(Fixture f) {
        FixtureModel.Run run = FixtureModel.run(f);
        List<FixtureModel.Part> parts = run.parts();
        boolean maskMade = parts.get(0).className().equals("Embedding") || parts.get(0).className().equals("Masking");
        for (int i = 0; i < parts.size(); i++) {
            String aux = "aux." + parts.get(i).prefix() + "_output";
            if (!parts.get(i).prefix().isEmpty() && f.has(aux)) {
                f.assertClose(aux, f.tensor(aux), run.firstOutputs().get(i).value().value(), Fixture.FORWARD_ATOL, 0f);
            }
        }
        if (maskMade && f.has("aux.embedded")) {
            f.assertClose("aux.embedded", f.tensor("aux.embedded"), run.firstOutputs().get(0).value().value(),
                    Fixture.FORWARD_ATOL, 0f);
        }
        if (maskMade && f.has("input.mask")) {
            Tensor received = run.firstOutputs().get(0).mask();
            assertTrue(received != null, f.name() + ": " + parts.get(0).className() + " made no mask");
            f.assertClose("input.mask", f.asFloat("input.mask"), received, 0f, 0f);
        }
        if (f.has("check.unpadded_last_output")) {
            Tensor expected = f.tensor("check.unpadded_last_output");
            f.assertClose("check.unpadded_last_output", expected, FixtureModel.lastOutput(run.outputs()),
                    Fixture.FORWARD_ATOL, 0f);
            Masked fed = maskMade ? run.firstOutputs().get(0) : run.input();
            f.assertClose("unpadded re-run", expected, unpaddedRerun(parts.subList(maskMade ? 1 : 0, parts.size()),
                    fed.value().value(), fed.mask()), Fixture.FORWARD_ATOL, 0f);
        }
        f.assertMatches(FixtureModel.named(f, run.outputs()), run.differentiable());
    }

    /** Each sample alone on its real (mask = 1, contiguous) steps, through the given layers without a mask: (B, u). */
    private static Tensor unpaddedRerun(List<FixtureModel.Part> parts, Tensor x, Tensor mask) {
        List<Tensor> rows = new ArrayList<>();
        try (GradMode.Scope s = GradMode.noGrad()) {
            for (int b = 0; b < x.dim(0); b++) {
                float[] m = mask.select(0, b).contiguous().toArray();
                int start = 0;
                while (start < m.length && m[start] == 0f) {
                    start++;
                }
                int end = start;
                while (end < m.length && m[end] != 0f) {
                    end++;
                }
                List<Masked> h = List.of(Masked.of(Variable.constant(x.narrow(0, b, 1).narrow(1, start, end - start))));
                for (FixtureModel.Part p : parts) {
                    h = p.layer().call(List.of(h.get(0)), Context.inference());
                }
                rows.add(FixtureModel.lastOutput(h).select(0, 0));
            }
        }
        return Tensor.stack(0, rows);
    }
}
