package org.seq4j.train;

import java.io.Console;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.seq4j.autograd.GradMode;
import org.seq4j.autograd.Variable;
import org.seq4j.nn.Context;
import org.seq4j.nn.Layer;
import org.seq4j.optim.Optimizer;

/**
 * The epoch loop of {@code fit}: per batch zeroGrad → forward → loss → backward → NaN/Inf guard → optimizer
 * step → callbacks and progress; per epoch the validation pass, the logs (loss, metrics, val_*, lr) and the
 * callbacks.
 */
final class TrainLoop<Y> {
    private final Model<Y> model;
    private final FitOptions options;
    private final List<Callback> callbacks;

    TrainLoop(Model<Y> model, FitOptions options) {
        this.model = model;
        this.options = options;
        this.callbacks = options.callbacks();
    }

    History run(BatchSource<Y> train, BatchSource<Y> validation) {
        Layer network = model.network();
        Optimizer optimizer = model.optimizer();
        Scoring<Y> scoring = new Scoring<>(model.loss(), model.metricSpecs(), options.classWeight());
        History history = new History();
        Map<String, Double> last = Map.of();
        model.resetStop();
        callbacks.forEach(c -> c.onTrainBegin(model));
        for (int epoch = options.initialEpoch(); epoch < options.epochs() && !model.stopRequested(); epoch++) {
            if (options.verbose() != Verbosity.SILENT) {
                options.out().println("Epoch " + (epoch + 1) + "/" + options.epochs());
            }
            int e = epoch;
            callbacks.forEach(c -> c.onEpochBegin(model, e));
            SplittableRandom epochRng = epochGenerator(options.seed(), epoch);
            SplittableRandom shuffle = epochRng.split();
            Context ctx = Context.training(epochRng.split());
            ProgressBar bar = new ProgressBar(options.out(), interactive(), train.steps());
            scoring.reset();
            int step = 0;
            Iterator<Batch<Y>> batches = train.epoch(options.shuffle() ? shuffle : null);
            while (batches.hasNext()) {
                Batch<Y> batch = batches.next();
                step++;
                optimizer.zeroGrad();
                Variable loss = scoring.lossOf(network, batch, ctx);
                loss.backward();
                float value = loss.value().item();
                NonFiniteGuard.check(network, value, batch, epoch + 1, step);
                optimizer.step();
                scoring.addLoss(value, batch.size());
                Map<String, Double> logs = scoring.results("");
                int b = step - 1;
                callbacks.forEach(c -> c.onBatchEnd(model, b, logs));
                if (options.verbose() != Verbosity.SILENT) {
                    bar.update(step, logs);
                }
            }
            Map<String, Double> logs = new LinkedHashMap<>(scoring.results(""));
            if (validation != null) {
                logs.putAll(evaluate(model, validation, "val_"));
            }
            logs.put("lr", (double) optimizer.learningRate());
            model.epochDone(epoch + 1);   // before the callbacks, so that a checkpoint records it
            callbacks.forEach(c -> c.onEpochEnd(model, e, logs));
            if (options.verbose() != Verbosity.SILENT) {
                Map<String, Double> shown = new LinkedHashMap<>(logs);
                shown.remove("lr");
                bar.finish(step, shown);
            }
            history.add(epoch, logs);
            last = logs;
        }
        Map<String, Double> finalLogs = last;
        callbacks.forEach(c -> c.onTrainEnd(model, finalLogs));
        return history;
    }

    /** A loss and metrics pass in inference without a graph. */
    static <Y> Map<String, Double> evaluate(Model<Y> model, BatchSource<Y> source, String prefix) {
        Scoring<Y> scoring = new Scoring<>(model.loss(), model.metricSpecs(), Map.of());
        try (GradMode.Scope s = GradMode.noGrad()) {
            Iterator<Batch<Y>> batches = source.epoch(null);
            while (batches.hasNext()) {
                Batch<Y> batch = batches.next();
                float loss = scoring.lossOf(model.network(), batch, Context.inference()).value().item();
                scoring.addLoss(loss, batch.size());
            }
        }
        return scoring.results(prefix);
    }

    /** Epoch e's generator: a function of (seed, e) only, so a resumed run draws what an uninterrupted one did. */
    static SplittableRandom epochGenerator(long seed, int epoch) {
        return new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (epoch + 1L)));
    }

    private boolean interactive() {
        return switch (options.verbose()) {
            case PROGRESS_BAR -> true;
            case AUTO -> isTerminal();
            case ONE_LINE, SILENT -> false;
        };
    }

    /** Since JDK 22 System.console() exists even when redirected; isTerminal() tells a real terminal. */
    private static boolean isTerminal() {
        Console c = System.console();
        return c != null && c.isTerminal();
    }
}
