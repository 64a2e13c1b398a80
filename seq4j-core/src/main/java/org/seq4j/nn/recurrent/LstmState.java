package org.seq4j.nn.recurrent;

import java.util.List;
import org.seq4j.autograd.Variable;

/** The LSTM's state: the output h and the cell memory c, each (B, units), in Keras' order [h, c]. */
public record LstmState(Variable h, Variable c) implements CellState {

    @Override
    public List<Variable> parts() {
        return List.of(h, c);
    }
}
