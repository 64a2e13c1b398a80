package org.seq4j.cli.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.seq4j.train.Verbosity;

/** The adding problem, small (T = 20): the gated cells must solve it; the full T = 100 run is in the README. */
class AddingProblemTest {

    @Test
    void gatedCellsLearnToAddTheMarkedValues() {
        for (AddingProblem.Cell cell : List.of(AddingProblem.Cell.LSTM, AddingProblem.Cell.GRU)) {
            List<Double> mse = AddingProblem.run(cell, AddingProblem.Options.quick(), Verbosity.SILENT);
            double last = mse.get(mse.size() - 1);
            assertTrue(last < 0.01, cell + " validation MSE " + last + " (baseline 0.167)");
        }
    }
}
