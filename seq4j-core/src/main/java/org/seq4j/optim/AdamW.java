package org.seq4j.optim;

import java.util.List;
import org.seq4j.autograd.Variable;

/**
 * Keras AdamW: {@link Adam} with decoupled weight decay, applied before the Adam update of each step as Keras 3's
 * base optimizer does: p ← p − lr·wd·p, then the Adam rule on the (clipped) gradient. The decay is scaled by the
 * current learning rate (so a schedule scales it too) and never enters the moments. Keras default wd 0.004.
 */
public final class AdamW extends Adam {
    public static final float DEFAULT_WEIGHT_DECAY = 0.004f;

    /** Keras defaults: learning rate 0.001, weight decay 0.004. */
    public AdamW(List<Variable> params) {
        this(params, Config.defaults(), options(0.001f));
    }

    public AdamW(List<Variable> params, Config config, Options options) {
        super(params, config, options);
        if (options.weightDecay() == 0f) {
            throw new IllegalArgumentException("AdamW: weight decay is 0 (use Adam, or AdamW.options(lr))");
        }
    }

    /** Options with Keras' AdamW default weight decay 0.004. */
    public static Options options(float learningRate) {
        return Options.of(learningRate).weightDecay(DEFAULT_WEIGHT_DECAY);
    }

    public static Options options(LearningRateSchedule schedule) {
        return Options.of(schedule).weightDecay(DEFAULT_WEIGHT_DECAY);
    }
}
