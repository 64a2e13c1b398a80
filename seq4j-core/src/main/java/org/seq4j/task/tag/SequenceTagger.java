package org.seq4j.task.tag;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.seq4j.autograd.GradMode;
import org.seq4j.autograd.Variable;
import org.seq4j.data.TaggedSentence;
import org.seq4j.io.ModelFile;
import org.seq4j.loss.SparseCategoricalCrossentropy;
import org.seq4j.nn.Context;
import org.seq4j.nn.Dense;
import org.seq4j.nn.Dropout;
import org.seq4j.nn.Embedding;
import org.seq4j.nn.Functional;
import org.seq4j.nn.Layer;
import org.seq4j.nn.Masked;
import org.seq4j.nn.Merge;
import org.seq4j.nn.Node;
import org.seq4j.nn.TimeDistributed;
import org.seq4j.nn.recurrent.Bidirectional;
import org.seq4j.nn.recurrent.GRU;
import org.seq4j.nn.recurrent.LSTM;
import org.seq4j.nn.recurrent.RecurrentLayer;
import org.seq4j.nn.recurrent.SimpleRNN;
import org.seq4j.optim.Clipping;
import org.seq4j.task.TaskFiles;
import org.seq4j.task.TrainingClock;
import org.seq4j.tensor.IntTensor;
import org.seq4j.tensor.Tensor;
import org.seq4j.train.CompileOptions;
import org.seq4j.train.FitOptions;
import org.seq4j.train.History;
import org.seq4j.train.Model;
import org.seq4j.train.OptimizerSpec;

/**
 * The tagging pipeline (issue 5, {@code tag}): one tag per token, for part-of-speech (a CoNLL-U column) or BIO
 * named entities. Embedding(maskZero) → Bidirectional RNN → TimeDistributed(Dense) logits, trained with a sparse
 * cross-entropy masked to the real tokens; scored by token accuracy and, for BIO tags, conlleval's entity F1.
 *
 * <pre>{@code
 * var train = TagData.conllu(Path.of("en_ewt-ud-train.conllu.gz"), TagColumn.UPOS);
 * var dev = TagData.conllu(Path.of("en_ewt-ud-dev.conllu.gz"), TagColumn.UPOS);
 * SequenceTagger tagger = SequenceTagger.train(train, dev, TaggerSpec.defaults(), TaggerOptions.defaults());
 * double acc = tagger.evaluate(dev).accuracy();
 * List<List<String>> tags = tagger.predict(List.of(List.of("I", "saw", "her", "duck", ".")));
 * }</pre>
 */
public final class SequenceTagger {
    static final String TASK = "tag";
    private static final String ENCODER = "tag.vocabularies";
    private static final int PREDICT_BATCH = 64;

    private final Model<IntTensor> model;
    private final TagEncoder encoder;
    private final History history;

    private SequenceTagger(Model<IntTensor> model, TagEncoder encoder, History history) {
        this.model = model;
        this.encoder = encoder;
        this.history = history;
    }

    /** Trains on {@code train}; {@code dev} (may be empty) gives val_loss per epoch. */
    public static SequenceTagger train(List<TaggedSentence> train, List<TaggedSentence> dev, TaggerSpec spec,
                                       TaggerOptions options) {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("tagger: no training sentences");
        }
        TagEncoder encoder = TagEncoder.build(train, spec);
        SplittableRandom rng = new SplittableRandom(options.seed());
        Functional network = network(spec, encoder, rng);
        Model<IntTensor> model = compiled(network, options);
        FitOptions fit = FitOptions.defaults().epochs(options.epochs()).seed(options.seed())
                .verbose(options.verbose()).out(options.out()).callbacks(new TrainingClock(options.maxTime()));
        List<TaggedSentence> known = dev.stream().filter(s -> s.size() > 0 && encoder.tags().containsAll(s.tags()))
                .toList();   // a dev tag never seen in training has no class id; it still counts in evaluate()
        History history = model.fit(new TagBatches(train, encoder, options.batchSize(), rng.split()),
                known.isEmpty() ? null : new TagBatches(known, encoder, options.batchSize(), null), fit);
        return new SequenceTagger(model, encoder, history);
    }

    static Functional network(TaggerSpec spec, TagEncoder encoder, SplittableRandom rng) {
        Node words = Node.input("words", 32);   // any length: 32 is nominal, for the summary's shapes
        Node x = new Embedding(Embedding.Config.of(encoder.wordCount(), spec.embed()).maskZero(true)
                .name("words_embedding"), rng).on(words);
        List<Node> inputs = new ArrayList<>(List.of(words));
        int width = spec.embed();
        if (encoder.inputCount() == 2) {
            Node features = Node.input("features", 32);
            inputs.add(features);
            Node f = new Embedding(Embedding.Config.of(encoder.featureCount(), spec.featureEmbed()).maskZero(true)
                    .name("features_embedding"), rng).on(features);
            x = new Merge(Merge.Config.concatenate(-1)).on(x, f);
            width += spec.featureEmbed();
        }
        if (spec.dropout() > 0) {
            x = new Dropout(Dropout.Config.of(spec.dropout())).on(x);
        }
        RecurrentLayer<?> rnn = switch (spec.cell()) {
            case RNN -> new SimpleRNN(SimpleRNN.Config.of(width, spec.hidden()).returnSequences(true), rng);
            case LSTM -> new LSTM(LSTM.Config.of(width, spec.hidden()).returnSequences(true), rng);
            case GRU -> new GRU(GRU.Config.of(width, spec.hidden()).returnSequences(true), rng);
        };
        x = new Bidirectional(Bidirectional.Config.of(), rnn, rng).on(x);
        if (spec.dropout() > 0) {
            x = new Dropout(Dropout.Config.of(spec.dropout())).on(x);
        }
        Layer dense = new Dense(Dense.Config.of(2 * spec.hidden(), encoder.tags().size()).name("tags"), rng);
        Node logits = new TimeDistributed(TimeDistributed.Config.of(), dense).on(x);
        return Functional.of("tagger", inputs, List.of(logits));
    }

    private static Model<IntTensor> compiled(Functional network, TaggerOptions o) {
        OptimizerSpec adam = OptimizerSpec.adam(o.learningRate()).clipping(Clipping.byGlobalNorm(o.clipNorm()));
        return Model.<IntTensor>of(network).compile(CompileOptions.of(SparseCategoricalCrossentropy.logits(), adam));
    }

    /** The most likely tag of every token of each (already tokenised) sentence. */
    public List<List<String>> predict(List<List<String>> sentences) {
        List<List<String>> out = new ArrayList<>(java.util.Collections.nCopies(sentences.size(), List.<String>of()));
        int[] lengths = sentences.stream().mapToInt(List::size).toArray();
        try (GradMode.Scope s = GradMode.noGrad()) {
            for (int[] group : TagBatches.groups(lengths, PREDICT_BATCH, null)) {
                int[] rows = Arrays.stream(group).filter(r -> lengths[r] > 0).toArray();
                if (rows.length == 0) {
                    continue;
                }
                List<List<String>> batch = Arrays.stream(rows).mapToObj(sentences::get).toList();
                List<Masked> in = encoder.inputs(batch).stream().map(t -> Masked.of(Variable.constant(t))).toList();
                Tensor logits = model.network().call(in, Context.inference()).get(0).value().value();   // (B,T,K)
                float[] v = logits.toArray();
                int t = logits.dim(1);
                int k = logits.dim(2);
                for (int b = 0; b < rows.length; b++) {
                    List<String> tags = new ArrayList<>(lengths[rows[b]]);
                    for (int i = 0; i < lengths[rows[b]]; i++) {
                        tags.add(encoder.tag(argMax(v, (b * t + i) * k, k)));
                    }
                    out.set(rows[b], List.copyOf(tags));
                }
            }
        }
        return out;
    }

    private static int argMax(float[] v, int from, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (v[from + i] > v[from + best]) {
                best = i;
            }
        }
        return best;
    }

    /** Token accuracy (overall and on unknown words) and, when the gold tags are BIO, entity P/R/F1. */
    public TagScore evaluate(List<TaggedSentence> gold) {
        List<List<String>> predicted = predict(gold.stream().map(TaggedSentence::tokens).toList());
        long tokens = 0;
        long correct = 0;
        long unknown = 0;
        long unknownCorrect = 0;
        for (int s = 0; s < gold.size(); s++) {
            TaggedSentence g = gold.get(s);
            for (int i = 0; i < g.size(); i++) {
                boolean right = g.tags().get(i).equals(predicted.get(s).get(i));
                tokens++;
                correct += right ? 1 : 0;
                if (encoder.isUnknown(g.tokens().get(i))) {
                    unknown++;
                    unknownCorrect += right ? 1 : 0;
                }
            }
        }
        Entities.Score entities = isBio(gold) ? Entities.score(gold.stream().map(TaggedSentence::tags).toList(),
                predicted) : null;
        return new TagScore((double) correct / tokens, tokens, (double) unknownCorrect / unknown, unknown, entities);
    }

    /** BIO when every tag is O, B-X or I-X and some are not O. */
    static boolean isBio(List<TaggedSentence> sentences) {
        boolean entity = false;
        for (TaggedSentence s : sentences) {
            for (String t : s.tags()) {
                if (t.startsWith("B-") || t.startsWith("I-")) {
                    entity = true;
                } else if (!t.equals("O")) {
                    return false;
                }
            }
        }
        return entity;
    }

    /** Writes the model directory atomically, with the vocabularies and tag set in its metadata. */
    public void save(Path dir) throws IOException {
        save(dir, Map.of());
    }

    /** {@link #save(Path)} with {@code extra} entries in the metadata (e.g. the tool's input format). */
    public void save(Path dir, Map<String, String> extra) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>(extra);
        meta.put(TaskFiles.TASK, TASK);
        meta.put(ENCODER, encoder.toJson());
        ModelFile.save(dir, model.network(), Map.of(), meta);
    }

    /** A tagger saved by {@link #save}; a directory of another task fails naming the file. */
    public static SequenceTagger load(Path dir) throws IOException {
        ModelFile.Loaded loaded = TaskFiles.load(dir, TASK);
        Path json = dir.resolve("model.json");
        TagEncoder encoder = TagEncoder.fromJson(TaskFiles.require(dir, loaded.metadata(), ENCODER), json.toString());
        if (!(loaded.network() instanceof Functional network)) {
            throw new IOException(json + ": a tagger's network is a Functional model");
        }
        return new SequenceTagger(compiled(network, TaggerOptions.defaults()), encoder, new History());
    }

    /** The tag set, sorted (class id = index). */
    public List<String> tags() {
        return encoder.tags();
    }

    public Model<IntTensor> model() {
        return model;
    }

    /** Per-epoch logs of training: loss, val_loss, seconds (empty for a loaded tagger). */
    public History history() {
        return history;
    }
}
