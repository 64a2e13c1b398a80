package org.seq4j.train;

import java.util.List;
import org.seq4j.loss.Loss;

/**
 * What {@code Model.compile} takes (Keras {@code compile(optimizer, loss, metrics)}): the loss fixes the target type
 * {@code Y}; the optimizer is a spec because it is built over the model's weights; metrics are specs built fresh per
 * fit and per evaluation.
 */
public record CompileOptions<Y>(Loss<Y> loss, OptimizerSpec optimizer, List<MetricSpec> metrics) {

    public CompileOptions {
        if (loss == null || optimizer == null) {
            throw new IllegalArgumentException("compile: a loss and an optimizer are required");
        }
        metrics = List.copyOf(metrics);
    }

    /** Keras' default optimizer is RMSprop; we keep Adam(0.001) as the default, which needs less tuning. */
    public static <Y> CompileOptions<Y> of(Loss<Y> loss) {
        return new CompileOptions<>(loss, OptimizerSpec.adam(0.001f), List.of());
    }

    public static <Y> CompileOptions<Y> of(Loss<Y> loss, OptimizerSpec optimizer) {
        return new CompileOptions<>(loss, optimizer, List.of());
    }

    public CompileOptions<Y> optimizer(OptimizerSpec o) {
        return new CompileOptions<>(loss, o, metrics);
    }

    public CompileOptions<Y> metrics(MetricSpec... m) {
        return new CompileOptions<>(loss, optimizer, List.of(m));
    }
}
