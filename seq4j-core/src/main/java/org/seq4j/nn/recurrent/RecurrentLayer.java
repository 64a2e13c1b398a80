package org.seq4j.nn.recurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.seq4j.autograd.Variable;
import org.seq4j.nn.Context;
import org.seq4j.nn.Layer;
import org.seq4j.nn.Masked;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.BufferPool;
import org.seq4j.tensor.Tensor;

/**
 * A Keras RNN layer: a {@link RecurrentCell} run over time by {@link Recurrence}. Inputs are [x (B, T, F)] or
 * [x, initial state parts...] (h, then c for the LSTM, each (B, u)); x's mask (B, T) is honoured. Outputs are
 * [output] or, with returnState, [output, state_h[, state_c]], output being (B, T, u) with returnSequences and
 * (B, u) otherwise. The sequence output carries the input mask on; the others carry none.
 */
public abstract class RecurrentLayer<S extends CellState> extends Layer {
    private final BufferPool buffers = new BufferPool();


    protected RecurrentLayer(String name) {
        super(name);
    }

    /** The cell over this layer's weights. */
    public abstract RecurrentCell<S> cell();

    public abstract RnnOptions options();

    /** A fresh layer of the same kind and config (new weights from rng) under another name and options. */
    public abstract RecurrentLayer<S> rebuild(String name, RnnOptions options, RandomGenerator rng);

    /** How many state parts the cell carries (1, or 2 for the LSTM). */
    public int stateCount() {
        return cell().zeroState(0).parts().size();
    }

    @Override
    public List<Masked> call(List<Masked> inputs, Context ctx) {
        RecurrentCell<S> cell = cell();
        if (inputs.isEmpty() || (inputs.size() != 1 && inputs.size() != 1 + stateCount())) {
            throw new IllegalArgumentException(name() + " (" + className() + "): takes x or x plus " + stateCount()
                    + " initial state(s), got " + inputs.size() + " inputs");
        }
        Variable x = inputs.get(0).value();
        Shape xs = x.shape();
        if (xs.rank() != 3 || xs.dim(2) != cell.inputDim()) {
            throw new IllegalArgumentException(name() + " (" + className() + "): expects input (batch, time, "
                    + cell.inputDim() + "), got " + xs);
        }
        if (xs.dim(1) == 0) {
            throw new IllegalArgumentException(name() + " (" + className() + "): needs at least one time step, got "
                    + xs);
        }
        int batch = xs.dim(0);
        Tensor mask = inputs.get(0).mask();
        if (mask != null && !mask.shape().equals(Shape.of(batch, xs.dim(1)))) {
            throw new IllegalArgumentException(name() + " (" + className() + "): mask shape " + mask.shape()
                    + " does not match the input's (batch, time) = " + Shape.of(batch, xs.dim(1))
                    + " (input " + xs + ")");
        }
        S initial = initialState(inputs, batch);
        RnnOptions o = options();
        DropoutMasks dropout = DropoutMasks.draw(ctx, o.dropout(), o.recurrentDropout(), batch, cell.inputDim(),
                cell.units(), cell.gates());
        Recurrence.Result<S> r = runFused(x, initial, mask, dropout);
        if (r == null) {
            r = Recurrence.run(cell, x, initial, mask, o, dropout);
        }
        List<Masked> out = new ArrayList<>();
        out.add(o.returnSequences() ? new Masked(r.sequence(), mask) : Masked.of(r.last()));
        if (o.returnState()) {
            r.state().parts().forEach(p -> out.add(Masked.of(p)));
        }
        return out;
    }

    /**
     * The whole-sequence primitive when this layer has one that computes exactly what {@link Recurrence#run}
     * would (same activations, no dropout), else null for the composed per-step path.
     */
    protected Recurrence.Result<S> runFused(Variable x, S initial, Tensor mask, DropoutMasks dropout) {
        return null;
    }

    /** The scratch the fused primitive keeps between training steps (its saved activations and gradients). */
    protected final BufferPool buffers() {
        return buffers;
    }

    private S initialState(List<Masked> inputs, int batch) {
        RecurrentCell<S> cell = cell();
        if (inputs.size() == 1) {
            return cell.zeroState(batch);
        }
        Shape expected = Shape.of(batch, cell.units());
        List<Variable> parts = new ArrayList<>();
        for (int i = 1; i < inputs.size(); i++) {
            Variable p = inputs.get(i).value();
            if (!p.shape().equals(expected)) {
                throw new IllegalArgumentException(name() + " (" + className() + "): initial state " + (i - 1)
                        + " must have shape " + expected + " (batch, units), got " + p.shape());
            }
            parts.add(p);
        }
        return cell.state(parts);
    }
}
