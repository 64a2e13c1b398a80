package org.seq4j.train;

import java.util.List;
import org.seq4j.tensor.Tensor;

/**
 * One batch: the inputs (one tensor per model input, batch first), the targets ({@code Tensor} for dense targets,
 * {@code IntTensor} for class ids) and optional per-sample weights (B,) or (B, T), null when unweighted.
 *
 * @param <Y> the target type, the compiled loss's label type
 */
public record Batch<Y>(List<Tensor> x, Y y, Tensor sampleWeight) {

    public Batch {
        x = List.copyOf(x);
        if (x.isEmpty()) {
            throw new IllegalArgumentException("Batch: no inputs");
        }
        Rows.checkTarget(y);
    }

    public static <Y> Batch<Y> of(Tensor x, Y y) {
        return new Batch<>(List.of(x), y, null);
    }

    public Batch<Y> withSampleWeight(Tensor w) {
        return new Batch<>(x, y, w);
    }

    /** The number of samples. */
    public int size() {
        return x.get(0).dim(0);
    }
}
