package org.seq4j.task.lm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.seq4j.io.ModelFile;
import org.seq4j.loss.SparseCategoricalCrossentropy;
import org.seq4j.nn.Sequential;
import org.seq4j.optim.Clipping;
import org.seq4j.task.TaskFiles;
import org.seq4j.task.TrainingClock;
import org.seq4j.tensor.IntTensor;
import org.seq4j.train.CompileOptions;
import org.seq4j.train.Dataset;
import org.seq4j.train.FitOptions;
import org.seq4j.train.History;
import org.seq4j.train.Model;
import org.seq4j.train.OptimizerSpec;

/**
 * The language-modelling pipeline (issue 5, {@code lm}): plain text → tokens (char, word or BPE) → an RNN trained
 * on next-token windows → scores in nats per token and perplexity, and generation.
 *
 * <pre>{@code
 * LanguageModel lm = LanguageModel.train(Path.of("tinyshakespeare.txt"), LmSpec.defaults(), LmOptions.defaults());
 * LmScore held = lm.validationScore();                 // the last 10 % of the text
 * String more = lm.generate("ROMEO:", 200, Sampler.random(LogitFilter.temperature(0.8)), new SplittableRandom(1));
 * lm.save(Path.of("shakespeare-lm"));
 * }</pre>
 *
 * The model directory holds the network and, in its metadata, the task, the tokenizer and the window length, so
 * {@link #load} needs nothing else.
 */
public final class LanguageModel {
    static final String TASK = "lm";
    private static final String CODEC = "lm.tokenizer";
    private static final String SEQ_LEN = "lm.seq_len";

    private final Model<IntTensor> model;
    private final TextCodec codec;
    private final int seqLen;
    private final History history;
    private final LmScore validation;

    private LanguageModel(Model<IntTensor> model, TextCodec codec, int seqLen, History history, LmScore validation) {
        this.model = model;
        this.codec = codec;
        this.seqLen = seqLen;
        this.history = history;
        this.validation = validation;
    }

    /** Trains on {@code textFile} minus its last {@link LmOptions#validationFraction()}, scored on that part. */
    public static LanguageModel train(Path textFile, LmSpec spec, LmOptions options) throws IOException {
        String text = LmCorpus.read(textFile);
        LmCorpus.Split split = LmCorpus.split(text, options.validationFraction(), options.level());
        TextCodec codec = LmCorpus.codec(text, split.train(), options);
        int[] trainIds = codec.encode(split.train());
        if (trainIds.length < 2) {
            throw new IllegalArgumentException(textFile + ": too little text to train on (" + trainIds.length
                    + " tokens)");
        }
        Dataset<IntTensor> train = LmCorpus.windows(trainIds, options.seqLen(), options.stride());
        Dataset<IntTensor> held = LmCorpus.windows(codec.encode(split.validation()), options.seqLen(),
                options.seqLen());
        RandomGenerator rng = new SplittableRandom(options.seed());
        Sequential network = LmNetwork.build(spec, codec.size(), options.seqLen(), rng);
        Model<IntTensor> model = compiled(network, options);
        FitOptions fit = FitOptions.defaults().epochs(options.epochs()).batchSize(options.batchSize())
                .seed(options.seed()).verbose(options.verbose()).out(options.out())
                .callbacks(new TrainingClock(options.maxTime()));
        History history = model.fit(train, held, fit);
        LanguageModel lm = new LanguageModel(model, codec, options.seqLen(), history, null);
        return new LanguageModel(model, codec, options.seqLen(), history, lm.evaluate(split.validation()));
    }

    private static Model<IntTensor> compiled(Sequential network, LmOptions o) {
        OptimizerSpec adam = OptimizerSpec.adam(o.learningRate()).clipping(Clipping.byGlobalNorm(o.clipNorm()));
        return Model.<IntTensor>of(network).compile(CompileOptions.of(SparseCategoricalCrossentropy.logits(), adam));
    }

    /**
     * Mean next-token loss over {@code text} in non-overlapping windows of the training length (each window starts
     * from a zero state, as in training).
     */
    public LmScore evaluate(String text) {
        int[] ids = codec.encode(text);
        Dataset<IntTensor> windows = LmCorpus.windows(ids, seqLen, seqLen);
        double loss = model.evaluate(windows, 32).get("loss");
        long tokens = (long) windows.size() * windows.y().shape().dim(1);
        long chars = Math.round((double) text.codePointCount(0, text.length()) * tokens / (ids.length - 1));
        return new LmScore(loss, Math.exp(loss), tokens, chars);
    }

    /** {@link #evaluate(String)} over a whole file. */
    public LmScore evaluate(Path textFile) throws IOException {
        return evaluate(LmCorpus.read(textFile));
    }

    /**
     * Continues {@code prompt} by up to {@code maxTokens} tokens: the prompt is fed once through the cells, then
     * each sampled token is fed back, carrying the state. Returns the continuation only (decoded).
     */
    public String generate(String prompt, int maxTokens, Sampler sampler, RandomGenerator rng) {
        int[] ids = codec.encode(prompt);
        if (ids.length == 0) {
            throw new IllegalArgumentException("generate: the prompt has no tokens; give at least one");
        }
        LmNetwork.Stepper stepper = new LmNetwork.Stepper((Sequential) model.network());
        float[] logits = null;
        for (int id : ids) {
            logits = stepper.feed(id);
        }
        int[] out = new int[maxTokens];
        for (int i = 0; i < maxTokens; i++) {
            out[i] = sampler.sample(logits, rng);
            if (i + 1 < maxTokens) {
                logits = stepper.feed(out[i]);
            }
        }
        String text = codec.decode(out);
        return maxTokens == 0 ? "" : codec.separator() + text;
    }

    /** Writes the model directory atomically, with the tokenizer and window length in its metadata. */
    public void save(Path dir) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(TaskFiles.TASK, TASK);
        meta.put(SEQ_LEN, Integer.toString(seqLen));
        meta.put(CODEC, CodecJson.toJson(codec));
        ModelFile.save(dir, model.network(), Map.of(), meta);
    }

    /** A model saved by {@link #save}; a directory of another task or a broken tokenizer fails naming the file. */
    public static LanguageModel load(Path dir) throws IOException {
        ModelFile.Loaded loaded = TaskFiles.load(dir, TASK);
        Map<String, String> meta = loaded.metadata();
        Path json = dir.resolve("model.json");
        TextCodec codec = CodecJson.fromJson(TaskFiles.require(dir, meta, CODEC), json.toString());
        int seqLen = Integer.parseInt(TaskFiles.require(dir, meta, SEQ_LEN));
        if (!(loaded.network() instanceof Sequential network)) {
            throw new IOException(json + ": a language model's network is a Sequential");
        }
        Model<IntTensor> model = compiled(network, LmOptions.defaults());
        return new LanguageModel(model, codec, seqLen, new History(), null);
    }

    public TextCodec codec() {
        return codec;
    }

    public int seqLen() {
        return seqLen;
    }

    /** The trained Keras-style model (for further fitting or inspection). */
    public Model<IntTensor> model() {
        return model;
    }

    /** Per-epoch logs of training: loss, val_loss, seconds (empty for a loaded model). */
    public History history() {
        return history;
    }

    /** The score on the held-out part after training; null for a loaded model. */
    public LmScore validationScore() {
        return validation;
    }
}
