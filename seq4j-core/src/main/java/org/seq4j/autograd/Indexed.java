package org.seq4j.autograd;

import org.seq4j.tensor.IntTensor;
import org.seq4j.tensor.Adjoints;
import org.seq4j.tensor.Tensor;

/** Integer-indexed reads; their gradients are the matching scatter-adds into zeros. */
public final class Indexed {
    private Indexed() {}

    /** Slices of x picked by index along axis (an embedding lookup is indexSelect(table, 0, ids)). */
    public static Variable indexSelect(Variable x, int axis, IntTensor index) {
        Tensor y = x.value().indexSelect(axis, index);
        return Variable.op("indexSelect", y,
                g -> new Tensor[] {Adjoints.zerosIndexAdd(x.shape(), axis, index, g)}, x);
    }

    /** PyTorch gather (e.g. the target class's log-probability per row). */
    public static Variable gather(Variable x, int axis, IntTensor index) {
        Tensor y = x.value().gather(axis, index);
        return Variable.op("gather", y,
                g -> new Tensor[] {Adjoints.zerosScatterAdd(x.shape(), axis, index, g)}, x);
    }
}
