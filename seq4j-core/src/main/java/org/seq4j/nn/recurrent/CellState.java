package org.seq4j.nn.recurrent;

import java.util.List;
import org.seq4j.autograd.Variable;

/**
 * What a recurrent cell carries from one step to the next. Its parts are listed in Keras' order (h, then c for the
 * LSTM), the order of initial-state inputs and of the states a layer returns; the first part is h, the output.
 */
public interface CellState {

    /** The state's tensors, each (B, units), h first. */
    List<Variable> parts();

    /** h: what the cell emits at a step. */
    default Variable h() {
        return parts().get(0);
    }
}
