package org.seq4j.nn.recurrent;

import org.seq4j.autograd.Variable;

/** What one step of a cell produces: its output (B, units) and the state handed to the next step. */
public record Step<S extends CellState>(Variable output, S state) {}
