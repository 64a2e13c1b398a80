package org.seq4j.task.tag;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.seq4j.data.BioReader;
import org.seq4j.data.TaggedSentence;
import org.seq4j.task.InvalidInputException;
import org.seq4j.task.RnnKind;
import org.seq4j.task.Task;
import org.seq4j.task.TaskArgs;
import org.seq4j.task.TaskModelDir;
import org.seq4j.task.TaskOption;

/**
 * The {@code tag} task of the tool: {@link SequenceTagger} behind command-line options. The input format (and the
 * CoNLL-U column) is saved with the model, so that {@code evaluate} reads its data as training did.
 */
public final class TagTask implements Task {
    /** Files a tagger reads: a CoNLL-U column, {@code token<TAB>tag} BIO (WNUT), Universal NER's {@code .iob2}. */
    public enum Format { CONLLU, BIO, IOB2 }

    private static final String FORMAT = "tag.format";
    private static final String COLUMN = "tag.column";

    @Override
    public String name() {
        return SequenceTagger.TASK;
    }

    @Override
    public String description() {
        return "one tag per token (part of speech from CoNLL-U, or BIO named entities) with a bidirectional RNN";
    }

    @Override
    public List<TaskOption> options(Command command) {
        TaggerOptions d = TaggerOptions.defaults();
        TaggerSpec s = TaggerSpec.defaults();
        List<TaskOption> o = new ArrayList<>();
        if (command == Command.TRAIN) {
            o.add(TaskOption.value("--format", "conllu|bio|iob2", "conllu", "input files: CoNLL-U, token<TAB>tag "
                    + "BIO (WNUT-17), or index<TAB>token<TAB>tag (Universal NER)"));
            o.add(TaskOption.value("--column", "upos|xpos|deprel|feats", "upos", "the CoNLL-U column to predict"));
            o.add(TaskOption.value("--arch", "rnn|lstm|gru", lower(s.cell()), "recurrent layer type (run both ways)"));
            o.add(TaskOption.value("--embed", "N", "" + s.embed(), "word embedding width"));
            o.add(TaskOption.value("--hidden", "N", "" + s.hidden(), "recurrent units per direction"));
            o.add(TaskOption.value("--dropout", "RATE", "" + s.dropout(), "dropout on embeddings and RNN outputs"));
            o.add(TaskOption.value("--casing", "lower|keep", lower(s.casing()), "fold case before the word lookup"));
            o.add(TaskOption.value("--min-frequency", "N", "" + s.minFrequency(), "rarer training words are <unk>"));
            o.add(TaskOption.value("--features", "words|words-and-suffixes", lower(s.features()).replace('_', '-'),
                    "also embed each word's shape and last three letters"));
            o.add(TaskOption.value("--epochs", "N", "" + d.epochs(), "passes over the training sentences"));
            o.add(TaskOption.value("--batch-size", "N", "" + d.batchSize(), "sentences per step"));
            o.add(TaskOption.value("--lr", "RATE", "" + d.learningRate(), "Adam learning rate"));
            o.add(TaskOption.value("--max-minutes", "M", "0", "stop after the first epoch ending past M minutes "
                    + "(0 = no limit)"));
            o.add(TaskOption.value("--seed", "N", "" + d.seed(), "random seed"));
        }
        return o;
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    public static TaggerSpec spec(TaskArgs a) {
        double dropout = a.decimal("--dropout");
        if (!(dropout >= 0 && dropout < 1)) {
            throw new InvalidInputException("--dropout: must be in [0, 1), got " + a.string("--dropout"));
        }
        return TaggerSpec.defaults().cell(a.choice("--arch", RnnKind.class)).embed(a.integer("--embed", 1))
                .hidden(a.integer("--hidden", 1)).dropout((float) dropout).casing(a.choice("--casing", Casing.class))
                .minFrequency(a.integer("--min-frequency", 1)).features(a.choice("--features", WordFeatures.class));
    }

    public static TaggerOptions options(TaskArgs a) {
        double minutes = a.decimal("--max-minutes");
        double lr = a.decimal("--lr");
        if (!(minutes >= 0) || !(lr > 0)) {
            throw new InvalidInputException(!(lr > 0) ? "--lr: must be above 0, got " + a.string("--lr")
                    : "--max-minutes: must be at least 0, got " + a.string("--max-minutes"));
        }
        return TaggerOptions.defaults().epochs(a.integer("--epochs", 0)).batchSize(a.integer("--batch-size", 1))
                .learningRate((float) lr).seed(a.longValue("--seed"))
                .maxTime(Duration.ofMillis(Math.round(minutes * 60_000)));
    }

    private static TagColumn column(String name) {
        try {
            return TagColumn.parse(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--column: " + e.getMessage(), e);
        }
    }

    /** Reads tagged sentences; the readers' complaints about the file become bad input. */
    public static List<TaggedSentence> read(Path file, Format format, TagColumn column) throws IOException {
        try {
            return switch (format) {
                case CONLLU -> TagData.conllu(file, column);
                case BIO -> TagData.bio(file, BioReader.Options.wnut());
                case IOB2 -> TagData.bio(file, BioReader.Options.iob2());
            };
        } catch (InvalidInputException e) {
            throw e;
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }

    @Override
    public TrainResult train(TrainRequest r) throws IOException {
        TaskArgs a = r.args().withDefaults(options(Command.TRAIN));
        Format format = a.choice("--format", Format.class);
        TagColumn column = column(a.string("--column"));
        TaggerSpec spec = spec(a);
        TaggerOptions o = options(a).out(r.log());
        List<TaggedSentence> train = read(r.train(), format, column);
        List<TaggedSentence> valid = r.valid() == null ? List.of() : read(r.valid(), format, column);
        r.log().printf(Locale.ROOT, "tag: %d training sentences (%d tokens)%s%n", train.size(), tokens(train),
                valid.isEmpty() ? "" : ", " + valid.size() + " for validation");
        SequenceTagger tagger = SequenceTagger.train(train, valid, spec, o);
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put(FORMAT, lower(format));
        extra.put(COLUMN, lower(column));
        tagger.save(r.out(), extra);
        TagScore score = tagger.evaluate(valid.isEmpty() ? train : valid);
        return new TrainResult(tagger.history(), valid.isEmpty() ? "training data" : "validation data",
                scores(score));
    }

    private static long tokens(List<TaggedSentence> s) {
        return s.stream().mapToLong(TaggedSentence::size).sum();
    }

    @Override
    public Map<String, Double> evaluate(EvaluateRequest r) throws IOException {
        TaskModelDir.requireTask(r.model(), name());
        JsonNode meta = TaskModelDir.readJson(r.model().resolve("model.json")).path("metadata");
        Format format = Format.valueOf(meta.path(FORMAT).asText("conllu").toUpperCase(Locale.ROOT));
        TagColumn column = TagColumn.parse(meta.path(COLUMN).asText("upos"));
        SequenceTagger tagger = SequenceTagger.load(r.model());
        List<TaggedSentence> gold = read(r.data(), format, column);
        return scores(tagger.evaluate(gold));
    }

    private static Map<String, Double> scores(TagScore s) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("accuracy", s.accuracy());
        m.put("unknown_accuracy", s.unknownAccuracy());
        if (s.entities() != null) {
            m.put("precision", s.entities().precision());
            m.put("recall", s.entities().recall());
            m.put("f1", s.entities().f1());
        }
        m.put("tokens", (double) s.tokens());
        return m;
    }

    /** Each input line is a whitespace-tokenized sentence; prints {@code token/TAG} per token. */
    @Override
    public List<String> predict(PredictRequest r) throws IOException {
        TaskModelDir.requireTask(r.model(), name());
        SequenceTagger tagger = SequenceTagger.load(r.model());
        List<List<String>> sentences = r.inputs().stream()
                .map(line -> Arrays.stream(line.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList()).toList();
        List<List<String>> tags = tagger.predict(sentences);
        return IntStream.range(0, sentences.size()).mapToObj(i -> IntStream.range(0, sentences.get(i).size())
                .mapToObj(j -> sentences.get(i).get(j) + "/" + tags.get(i).get(j)).collect(Collectors.joining(" ")))
                .toList();
    }
}
