package org.seq4j.optim;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.seq4j.autograd.Variable;
import org.seq4j.tensor.Tensor;
import org.seq4j.tensor.Updates;

/**
 * Updates a fixed list of parameters from their accumulated gradients. One {@link #step()} is Keras 3's
 * {@code BaseOptimizer.apply}:
 * <ol>
 *   <li>parameters without a gradient (the loss did not reach them) are skipped this step; if none has one, that
 *       is an error (Keras: "No gradients provided for any variable"); an empty parameter list makes a no-op;</li>
 *   <li>the remaining gradients are clipped ({@link Clipping});</li>
 *   <li>decoupled weight decay, p ← p − lr·wd·p, when wd &gt; 0 (all Keras 3 optimizers; AdamW's default);</li>
 *   <li>the optimizer's own rule, with lr = schedule(iterations) and t = iterations + 1; then iterations += 1.</li>
 * </ol>
 * Frozen parameters are simply not passed in (a frozen layer's {@code trainableWeights()} is empty).
 *
 * <p>Per-parameter state ("slots": momentum, velocity...) is created as zeros on first use and exported by
 * {@link #state()} as named tensors {@code "<slot>.<parameter index>"}, with {@link #iterations()} beside it, so that
 * training can be saved and resumed exactly. The optimizer owns its slots exclusively, so that a rule may update
 * them in place ({@link Updates#adamInPlace}): it creates them itself, copies what {@link #load} is given and
 * {@link #state()} returns copies; a slot tensor never leaves it.
 */
public abstract class Optimizer {

    /** Keras' base optimizer arguments: the learning rate (or schedule), clipping and weight decay. */
    public record Options(LearningRateSchedule learningRate, Clipping clipping, float weightDecay,
                          Set<Variable> excludedFromWeightDecay) {
        public Options {
            if (!(weightDecay >= 0f)) {
                throw new IllegalArgumentException("weight decay must be ≥ 0, got " + weightDecay);
            }
            Set<Variable> s = Collections.newSetFromMap(new IdentityHashMap<>());
            s.addAll(excludedFromWeightDecay);
            excludedFromWeightDecay = Collections.unmodifiableSet(s);
        }

        public static Options of(float learningRate) {
            return of(LearningRateSchedule.constant(learningRate));
        }

        public static Options of(LearningRateSchedule schedule) {
            return new Options(schedule, Clipping.none(), 0f, Set.of());
        }

        public Options clipping(Clipping c) {
            return new Options(learningRate, c, weightDecay, excludedFromWeightDecay);
        }

        public Options weightDecay(float wd) {
            return new Options(learningRate, clipping, wd, excludedFromWeightDecay);
        }

        /** Parameters that get no weight decay (biases, norms), Keras' {@code exclude_from_weight_decay}. */
        public Options excludeFromWeightDecay(Collection<Variable> params) {
            return new Options(learningRate, clipping, weightDecay, Set.copyOf(params));
        }
    }

    private final List<Variable> params;
    private LearningRateSchedule schedule;
    private final Options options;
    private final Map<String, Tensor> slots = new LinkedHashMap<>();
    private long iterations;

    protected Optimizer(List<Variable> params, Options options) {
        Set<Variable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Variable p : params) {
            if (!p.isLeaf() || !p.requiresGrad()) {
                throw new IllegalArgumentException("optimizer: not a parameter: " + p.opName());
            }
            if (!seen.add(p)) {
                throw new IllegalArgumentException("optimizer: a parameter is listed twice");
            }
        }
        this.params = List.copyOf(params);
        this.options = options;
        this.schedule = options.learningRate();
    }

    /**
     * The rule for one parameter: its new value from its value, its (clipped) gradient, the learning rate and the
     * 1-based step t. Slots are read and written with {@link #slot} and {@link #setSlot}.
     */
    protected abstract Tensor update(int index, Tensor param, Tensor grad, float lr, long t);

    /** Applies one update from the parameters' current gradients (which it leaves in place). */
    public final void step() {
        List<Integer> active = new ArrayList<>();
        List<Tensor> grads = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).grad() != null) {
                active.add(i);
                grads.add(params.get(i).grad());
            }
        }
        if (params.isEmpty()) {
            return;
        }
        if (active.isEmpty()) {
            throw new IllegalStateException("step: no gradient for any of the " + params.size()
                    + " parameters (was backward() called?)");
        }
        Clipping clipping = options.clipping();
        List<Tensor> clipped = clipping.mode() == Clipping.Mode.NONE ? grads : clipping.apply(grads).grads();
        float lr = learningRate();
        for (int k = 0; k < active.size(); k++) {
            int i = active.get(k);
            Variable p = params.get(i);
            Tensor value = p.value();
            if (options.weightDecay() > 0f && !options.excludedFromWeightDecay().contains(p)) {
                value = value.sub(value.mul(options.weightDecay() * lr));
            }
            p.assign(update(i, value, clipped.get(k), lr, iterations + 1));
        }
        iterations++;
    }

    /** Clears every parameter's gradient (call before each backward pass: gradients accumulate). */
    public final void zeroGrad() {
        params.forEach(Variable::zeroGrad);
    }

    public final List<Variable> params() {
        return params;
    }

    public final Options options() {
        return options;
    }

    /** The number of steps taken. */
    public final long iterations() {
        return iterations;
    }

    /** The learning rate the next step will use. */
    public final float learningRate() {
        return schedule.at(iterations);
    }

    /** Replaces a constant learning rate (ReduceOnPlateau); as in Keras, a schedule cannot be overridden. */
    public final void setLearningRate(float lr) {
        if (!(schedule instanceof LearningRateSchedule.Constant)) {
            throw new IllegalStateException("setLearningRate: the learning rate is a schedule ("
                    + schedule.getClass().getSimpleName() + "), not a constant");
        }
        schedule = LearningRateSchedule.constant(lr);
    }

    /**
     * A snapshot of the slots, named {@code "<slot>.<parameter index>"}: copies, unchanged by later steps (the live
     * slots may be updated in place). Meant for checkpoints: it copies every slot.
     */
    public final Map<String, Tensor> state() {
        Map<String, Tensor> copy = new LinkedHashMap<>();
        slots.forEach((k, v) -> copy.put(k, Updates.ownedCopy(v)));
        return Collections.unmodifiableMap(copy);
    }

    /** Restores {@link #state()} and the step count, checking every name and shape against the parameters. */
    public final void load(Map<String, Tensor> state, long iterationsDone) {
        if (iterationsDone < 0) {
            throw new IllegalArgumentException("load: negative iterations " + iterationsDone);
        }
        for (Map.Entry<String, Tensor> e : state.entrySet()) {
            int dot = e.getKey().lastIndexOf('.');
            int index = dot < 0 ? -1 : parseIndex(e.getKey().substring(dot + 1));
            if (index < 0 || index >= params.size()) {
                throw new IllegalArgumentException("load: '" + e.getKey() + "' names no parameter (have "
                        + params.size() + ")");
            }
            if (!e.getValue().shape().equals(params.get(index).shape())) {
                throw new IllegalArgumentException("load: '" + e.getKey() + "' has shape " + e.getValue().shape()
                        + " but parameter " + index + " is " + params.get(index).shape());
            }
        }
        slots.clear();
        state.forEach((k, v) -> slots.put(k, Updates.ownedCopy(v))); // the caller keeps its tensors unchanged
        iterations = iterationsDone;
    }

    /** A slot of parameter {@code index}, zeros the first time; owned by this optimizer alone (never handed out). */
    protected final Tensor slot(String name, int index) {
        return slots.computeIfAbsent(name + "." + index, k -> Tensor.zeros(params.get(index).shape()));
    }

    /** Replaces a slot; a rule that later updates it in place must pass a tensor nobody else holds. */
    protected final void setSlot(String name, int index, Tensor value) {
        slots.put(name + "." + index, value);
    }

    private static int parseIndex(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
