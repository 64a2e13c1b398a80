package org.seq4j.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seq4j.autograd.GradMode;
import org.seq4j.autograd.Variable;
import org.seq4j.io.ModelFile;
import org.seq4j.loss.Loss;
import org.seq4j.nn.Context;
import org.seq4j.nn.Functional;
import org.seq4j.nn.Layer;
import org.seq4j.nn.Masked;
import org.seq4j.nn.Sequential;
import org.seq4j.optim.LearningRateSchedule;
import org.seq4j.optim.Optimizer;
import org.seq4j.tensor.Tensor;

/**
 * A network with its training configuration (Keras {@code Model}): compile, fit, evaluate, predict, save, load.
 *
 * <pre>{@code
 * Model<IntTensor> model = Model.of(network);
 * model.compile(CompileOptions.of(SparseCategoricalCrossentropy.logits(), OptimizerSpec.adam(1e-3f))
 *         .metrics(MetricSpec.accuracy()));
 * History h = model.fit(Dataset.of(x, ids), FitOptions.defaults().epochs(5).validationSplit(0.1));
 * }</pre>
 *
 * A saved model holds the weights, the optimizer's slots and step count, the learning rate, the compile options and
 * the number of epochs done, so that {@code load} then {@code fit(..., initialEpoch(model.epoch()))} continues
 * bit for bit as if training had never stopped (with the same {@link FitOptions#seed()}). Callbacks' own state
 * (EarlyStopping's wait, ReduceLROnPlateau's best) is not saved, as in Keras.
 *
 * <p>The loss and the metrics read the network's first output; a network with several outputs trains on that one.
 *
 * @param <Y> the target type: {@code Tensor} for dense targets, {@code IntTensor} for class ids
 */
public final class Model<Y> {
    private static final String COMPILE = "train.compile";
    private static final String ITERATIONS = "train.iterations";
    private static final String EPOCH = "train.epoch";
    private static final String LEARNING_RATE = "train.learning_rate";

    private final Layer network;
    private CompileOptions<Y> compiled;
    private Optimizer optimizer;
    private int epoch;
    private boolean stop;

    private Model(Layer network) {
        this.network = network;
    }

    public static <Y> Model<Y> of(Layer network) {
        return new Model<>(network);
    }

    /** Sets the loss, the optimizer (built over the trainable weights, fresh) and the metrics. */
    public Model<Y> compile(CompileOptions<Y> options) {
        this.compiled = options;
        this.optimizer = options.optimizer().create(network.trainableWeights());
        return this;
    }

    public History fit(Tensor x, Y y, FitOptions options) {
        return fit(new Dataset<>(List.of(x), y, null), options);
    }

    public History fit(List<Tensor> x, Y y, FitOptions options) {
        return fit(new Dataset<>(x, y, null), options);
    }

    /** Fit on in-memory data, holding out the last {@code validationSplit} of it when that is set. */
    public History fit(Dataset<Y> data, FitOptions options) {
        if (options.validationSplit() > 0) {
            List<Dataset<Y>> parts = data.splitLast(options.validationSplit());
            return fit(parts.get(0), parts.get(1), options);
        }
        return run(BatchSource.of(data, options.batchSize()), null, options);
    }

    public History fit(Dataset<Y> data, Dataset<Y> validation, FitOptions options) {
        return run(BatchSource.of(data, options.batchSize()), BatchSource.of(validation, options.batchSize()),
                options);
    }

    /** Fit on streamed batches (data too large for memory); {@code validation} may be null. */
    public History fit(Iterable<Batch<Y>> batches, Iterable<Batch<Y>> validation, FitOptions options) {
        if (options.validationSplit() > 0) {
            throw new IllegalArgumentException("fit: validationSplit needs in-memory data (a Dataset); pass "
                    + "validation batches for a stream");
        }
        return run(BatchSource.of(batches, options.stepsPerEpoch()),
                validation == null ? null : BatchSource.of(validation, 0), options);
    }

    private History run(BatchSource<Y> train, BatchSource<Y> validation, FitOptions options) {
        requireCompiled();
        return new TrainLoop<>(this, options).run(train, validation);
    }

    public Map<String, Double> evaluate(Tensor x, Y y) {
        return evaluate(new Dataset<>(List.of(x), y, null));
    }

    /** Keras' default evaluation batch size, 32. */
    public Map<String, Double> evaluate(Dataset<Y> data) {
        return evaluate(data, 32);
    }

    /** Loss and metrics over the data, in inference (Keras {@code evaluate}, return_dict=True). */
    public Map<String, Double> evaluate(Dataset<Y> data, int batchSize) {
        requireCompiled();
        return TrainLoop.evaluate(this, BatchSource.of(data, batchSize), "");
    }

    public Map<String, Double> evaluate(Iterable<Batch<Y>> batches) {
        requireCompiled();
        return TrainLoop.evaluate(this, BatchSource.of(batches, 0), "");
    }

    public Tensor predict(Tensor x) {
        return predict(List.of(x), 32);
    }

    /** The network's (first) output over every row, in batches, in inference, without a graph. */
    public Tensor predict(List<Tensor> x, int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("predict: batch size must be positive, got " + batchSize);
        }
        int n = x.get(0).dim(0);
        List<Tensor> outs = new ArrayList<>();
        try (GradMode.Scope s = GradMode.noGrad()) {
            for (int start = 0; start < n; start += batchSize) {
                int len = Math.min(batchSize, n - start);
                List<Masked> in = new ArrayList<>();
                for (Tensor t : x) {
                    in.add(Masked.of(Variable.constant(t.narrow(0, start, len))));   // a view, no copy
                }
                outs.add(network.call(in, Context.inference()).get(0).value().value());
            }
        }
        return Tensor.concat(0, outs);
    }

    /** Keras' summary table of the network. */
    public String summary() {
        return switch (network) {
            case Sequential s -> s.summary();
            case Functional f -> f.summary();
            default -> network.toString();
        };
    }

    /** Writes the model directory atomically (see {@link ModelFile}), with everything needed to resume. */
    public void save(Path dir) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        Map<String, Tensor> state = Map.of();
        if (compiled != null) {
            meta.put(COMPILE, CompileJson.write(compiled));
            meta.put(ITERATIONS, Long.toString(optimizer.iterations()));
            if (compiled.optimizer().learningRate() instanceof LearningRateSchedule.Constant) {
                meta.put(LEARNING_RATE, Float.toString(optimizer.learningRate()));
            }
            state = optimizer.state();
        }
        meta.put(EPOCH, Integer.toString(epoch));
        ModelFile.save(dir, network, state, meta);
    }

    /** A saved model, compiled again when it was saved compiled, for prediction or further training. */
    public static Model<?> load(Path dir) throws IOException {
        ModelFile.Loaded loaded = ModelFile.load(dir);
        Model<Object> model = new Model<>(loaded.network());
        Map<String, String> meta = loaded.metadata();
        model.epoch = Integer.parseInt(meta.getOrDefault(EPOCH, "0"));
        if (meta.containsKey(COMPILE)) {
            CompileJson.Stored s = CompileJson.read(meta.get(COMPILE));
            @SuppressWarnings("unchecked")
            Loss<Object> loss = (Loss<Object>) s.loss();
            model.compile(new CompileOptions<>(loss, s.optimizer(), s.metrics()));
            model.optimizer.load(loaded.optimizerState(), Long.parseLong(meta.getOrDefault(ITERATIONS, "0")));
            if (meta.containsKey(LEARNING_RATE)) {
                model.optimizer.setLearningRate(Float.parseFloat(meta.get(LEARNING_RATE)));
            }
        }
        return model;
    }

    /** {@link #load(Path)} for a model compiled with a loss on {@code targetType} (Tensor or IntTensor). */
    @SuppressWarnings("unchecked")
    public static <Y> Model<Y> load(Path dir, Class<Y> targetType) throws IOException {
        Model<?> m = load(dir);
        if (m.compiled != null && CompileJson.labelType(m.compiled.loss()) != targetType) {
            throw new IOException(dir + ": the model's loss " + m.compiled.loss().getClass().getSimpleName()
                    + " takes " + CompileJson.labelType(m.compiled.loss()).getSimpleName() + " targets, not "
                    + targetType.getSimpleName());
        }
        return (Model<Y>) m;
    }

    public Layer network() {
        return network;
    }

    public Optimizer optimizer() {
        requireCompiled();
        return optimizer;
    }

    public CompileOptions<Y> compileOptions() {
        return compiled;
    }

    /** Epochs completed so far (over every fit and across save/load): the next fit's initial epoch. */
    public int epoch() {
        return epoch;
    }

    /** Asks fit to stop after the current epoch (Keras {@code model.stop_training = True}). */
    public void stopTraining() {
        stop = true;
    }

    /** The weights by path (tensors are immutable, so this is a snapshot). */
    public Map<String, Tensor> weightValues() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        network.weights().forEach((k, v) -> out.put(k, v.value()));
        return out;
    }

    /** Restores {@link #weightValues()}. */
    public void setWeightValues(Map<String, Tensor> values) {
        values.forEach(network::setWeight);
    }

    Loss<Y> loss() {
        return compiled.loss();
    }

    List<MetricSpec> metricSpecs() {
        return compiled.metrics();
    }

    boolean stopRequested() {
        return stop;
    }

    void resetStop() {
        stop = false;
    }

    void epochDone(int epochsCompleted) {
        epoch = epochsCompleted;
    }

    private void requireCompiled() {
        if (compiled == null) {
            throw new IllegalStateException("the model must be compiled before fit and evaluate");
        }
    }
}
