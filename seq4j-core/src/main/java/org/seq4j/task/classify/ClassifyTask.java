package org.seq4j.task.classify;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.seq4j.task.InvalidInputException;
import org.seq4j.task.Task;
import org.seq4j.task.TaskArgs;
import org.seq4j.task.TaskOption;
import org.seq4j.train.History;

/** The {@code classify} task of the tool: {@link TextClassifier} behind command-line options. */
public final class ClassifyTask implements Task {

    @Override
    public String name() {
        return TextClassifier.TASK;
    }

    @Override
    public String description() {
        return "text classification from a TSV/CSV file with a label and a text column";
    }

    @Override
    public List<TaskOption> options(Command command) {
        ClassifierOptions d = ClassifierOptions.defaults();
        ClassifierSpec s = d.spec();
        List<TaskOption> o = new ArrayList<>();
        if (command == Command.TRAIN) {
            o.add(TaskOption.value("--label-column", "NAME", d.labelColumn(), "label column"));
            o.add(TaskOption.value("--text-column", "NAME", d.textColumn(), "text column"));
            o.add(TaskOption.value("--validation-split", "FRACTION", "0", "without --valid: validate on this last "
                    + "fraction of the training rows (0 = none)"));
            o.add(TaskOption.value("--maxlen", "N", "" + d.maxlen(), "tokens kept per text"));
            o.add(TaskOption.value("--num-words", "N", "" + d.numWords(), "vocabulary size (most frequent words)"));
            o.add(TaskOption.value("--spec", "FILE", null, "architecture as JSON (flags below override it)"));
            o.add(TaskOption.value("--arch", "pool|rnn|lstm|gru", null, "architecture (default: "
                    + s.arch().name().toLowerCase(Locale.ROOT) + ", mean-pooled embeddings)"));
            o.add(TaskOption.flag("--bidirectional", "bidirectional recurrent layers"));
            o.add(TaskOption.value("--layers", "N", null, "recurrent layers (default: " + s.layers() + ")"));
            o.add(TaskOption.value("--embed", "N", null, "embedding size (default: " + s.embed() + ")"));
            o.add(TaskOption.value("--hidden", "N", null, "recurrent units (default: " + s.hidden() + ")"));
            o.add(TaskOption.value("--dropout", "RATE", null, "dropout before the output (default: " + s.dropout()
                    + ")"));
            o.add(TaskOption.value("--epochs", "N", "" + d.epochs(), "training epochs"));
            o.add(TaskOption.value("--batch-size", "N", "" + d.batchSize(), "rows per step"));
            o.add(TaskOption.value("--lr", "RATE", "" + d.learningRate(), "Adam learning rate"));
            o.add(TaskOption.value("--seed", "N", "" + d.seed(), "random seed"));
        }
        return o;
    }

    /** The options a command line describes. */
    public static ClassifierOptions options(TaskArgs a) throws IOException {
        ClassifierSpec spec = a.has("--spec") ? ClassifierSpec.fromJson(a.path("--spec")) : ClassifierSpec.defaults();
        if (a.has("--arch")) {
            spec = spec.arch(a.choice("--arch", ClassifierSpec.Arch.class));
        }
        if (a.flag("--bidirectional")) {
            spec = spec.bidirectional(true);
        }
        if (a.has("--layers")) {
            spec = spec.layers(a.integer("--layers", 1));
        }
        if (a.has("--embed")) {
            spec = spec.embed(a.integer("--embed", 1));
        }
        if (a.has("--hidden")) {
            spec = spec.hidden(a.integer("--hidden", 1));
        }
        if (a.has("--dropout")) {
            spec = spec.dropout(a.decimal("--dropout"));
        }
        return ClassifierOptions.defaults().columns(a.required("--label-column"), a.required("--text-column"))
                .maxlen(a.integer("--maxlen", 1)).numWords(a.integer("--num-words", 2)).spec(spec)
                .epochs(a.integer("--epochs", 0)).batchSize(a.integer("--batch-size", 1))
                .learningRate((float) a.decimal("--lr")).seed(a.longValue("--seed"));
    }

    @Override
    public TrainResult train(TrainRequest r) throws IOException {
        TaskArgs a = r.args().withDefaults(options(Command.TRAIN));
        ClassifierOptions o = options(a);
        LabeledTexts train = LabeledTexts.read(r.train(), o.labelColumn(), o.textColumn());
        LabeledTexts valid = r.valid() == null ? null : LabeledTexts.read(r.valid(), o.labelColumn(), o.textColumn());
        double split = a.decimal("--validation-split");
        String scoredOn = valid == null ? "training data" : "validation data";
        if (valid == null && split != 0) {
            int at = (int) Math.floor(train.size() * (1 - split));
            if (!(split > 0 && split < 1) || at == 0 || at == train.size()) {
                throw new InvalidInputException("--validation-split: " + split + " of " + train.size()
                        + " rows leaves one side empty (give a fraction in (0, 1))");
            }
            valid = train.range(at, train.size());
            train = train.range(0, at);
            scoredOn = "the last " + valid.size() + " training rows (held out)";
        }
        r.log().printf(Locale.ROOT, "classify: %d training rows%s%n", train.size(),
                valid == null ? "" : ", " + valid.size() + " validation rows");
        TextClassifier clf = TextClassifier.create(train, o);
        if (valid != null) {
            clf.evaluateLabels(valid);     // unknown classes fail before any training, not after it
        }
        r.log().printf(Locale.ROOT, "classes %s, vocabulary %d%n", clf.labels(), clf.vocabularySize());
        History h = clf.fit(train, valid, r.log());
        Map<String, Double> scores = clf.evaluate(valid == null ? train : valid);
        clf.save(r.out());
        return new TrainResult(h, scoredOn, scores);
    }

    @Override
    public Map<String, Double> evaluate(EvaluateRequest r) throws IOException {
        TextClassifier clf = TextClassifier.load(r.model());
        ClassifierOptions o = clf.options();
        return clf.evaluate(LabeledTexts.read(r.data(), o.labelColumn(), o.textColumn()));
    }

    @Override
    public List<String> predict(PredictRequest r) throws IOException {
        TextClassifier clf = TextClassifier.load(r.model());
        return clf.predict(r.inputs()).stream()
                .map(p -> String.format(Locale.ROOT, "%s\t%.4f", p.label(), p.probability())).toList();
    }
}
