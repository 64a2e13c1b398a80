package org.seq4j.train;

import java.util.List;
import java.util.Set;
import org.seq4j.autograd.Variable;
import org.seq4j.optim.Adam;
import org.seq4j.optim.AdamW;
import org.seq4j.optim.Clipping;
import org.seq4j.optim.LearningRateSchedule;
import org.seq4j.optim.Optimizer;
import org.seq4j.optim.RMSprop;
import org.seq4j.optim.SGD;

/**
 * Which optimizer to build once the model's weights are known (an optimizer is bound to its parameters), as data,
 * so that a saved model records it and resumes with the same one. {@code config} is the optimizer's own Config
 * record (SGD.Config, RMSprop.Config, Adam.Config); the rest are Keras' base optimizer arguments. Weight-decay
 * exclusions name Variables, which a file cannot, so they are not expressible here: every trainable weight decays.
 */
public record OptimizerSpec(Kind kind, Record config, LearningRateSchedule learningRate, Clipping clipping,
                            float weightDecay) {

    public enum Kind { SGD, RMSPROP, ADAM, ADAMW }

    public OptimizerSpec {
        Class<?> want = switch (kind) {
            case SGD -> SGD.Config.class;
            case RMSPROP -> RMSprop.Config.class;
            case ADAM, ADAMW -> Adam.Config.class;
        };
        if (!want.isInstance(config)) {
            throw new IllegalArgumentException(kind + " needs a " + want.getName() + ", got " + config);
        }
    }

    /** Keras defaults: SGD(learning_rate=0.01). */
    public static OptimizerSpec sgd(float lr) {
        return new OptimizerSpec(Kind.SGD, SGD.Config.defaults(), LearningRateSchedule.constant(lr), Clipping.none(),
                0f);
    }

    public static OptimizerSpec rmsprop(float lr) {
        return new OptimizerSpec(Kind.RMSPROP, RMSprop.Config.defaults(), LearningRateSchedule.constant(lr),
                Clipping.none(), 0f);
    }

    public static OptimizerSpec adam(float lr) {
        return new OptimizerSpec(Kind.ADAM, Adam.Config.defaults(), LearningRateSchedule.constant(lr),
                Clipping.none(), 0f);
    }

    public static OptimizerSpec adamW(float lr) {
        return new OptimizerSpec(Kind.ADAMW, Adam.Config.defaults(), LearningRateSchedule.constant(lr),
                Clipping.none(), AdamW.DEFAULT_WEIGHT_DECAY);
    }

    public OptimizerSpec config(Record c) {
        return new OptimizerSpec(kind, c, learningRate, clipping, weightDecay);
    }

    public OptimizerSpec learningRate(LearningRateSchedule s) {
        return new OptimizerSpec(kind, config, s, clipping, weightDecay);
    }

    public OptimizerSpec clipping(Clipping c) {
        return new OptimizerSpec(kind, config, learningRate, c, weightDecay);
    }

    public OptimizerSpec weightDecay(float wd) {
        return new OptimizerSpec(kind, config, learningRate, clipping, wd);
    }

    /** The optimizer over {@code params}. */
    public Optimizer create(List<Variable> params) {
        Optimizer.Options o = new Optimizer.Options(learningRate, clipping, weightDecay, Set.of());
        return switch (kind) {
            case SGD -> new SGD(params, (SGD.Config) config, o);
            case RMSPROP -> new RMSprop(params, (RMSprop.Config) config, o);
            case ADAM -> new Adam(params, (Adam.Config) config, o);
            case ADAMW -> new AdamW(params, (Adam.Config) config, o);
        };
    }
}
