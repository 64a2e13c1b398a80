package org.seq4j.nn.recurrent;

import java.util.List;
import org.seq4j.autograd.Variable;

/** The state of a cell whose only memory is its output h (B, units): SimpleRNN and GRU. */
public record HiddenState(Variable h) implements CellState {

    @Override
    public List<Variable> parts() {
        return List.of(h);
    }
}
