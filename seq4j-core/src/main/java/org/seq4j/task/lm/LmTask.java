package org.seq4j.task.lm;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.seq4j.nn.Sequential;
import org.seq4j.task.InvalidInputException;
import org.seq4j.task.RnnKind;
import org.seq4j.task.Task;
import org.seq4j.task.TaskArgs;
import org.seq4j.task.TaskModelDir;
import org.seq4j.task.TaskOption;

/**
 * The {@code lm} task of the tool: {@link LanguageModel} behind command-line options. {@code predict} prints the
 * likeliest next tokens of each input line; {@code generate} samples a continuation with the {@link Sampler}s.
 */
public final class LmTask implements Task {

    @Override
    public String name() {
        return LanguageModel.TASK;
    }

    @Override
    public String description() {
        return "language modelling of a plain-text file (char, word or BPE tokens): perplexity and generation";
    }

    @Override
    public Set<Command> commands() {
        return Set.of(Command.TRAIN, Command.EVALUATE, Command.PREDICT, Command.GENERATE);
    }

    @Override
    public List<TaskOption> options(Command command) {
        LmOptions d = LmOptions.defaults();
        LmSpec s = LmSpec.defaults();
        List<TaskOption> o = new ArrayList<>();
        switch (command) {
            case TRAIN -> {
                o.add(TaskOption.value("--level", "char|word|bpe", lower(d.level()), "what a token is"));
                o.add(TaskOption.value("--vocab-size", "N", "" + d.vocabSize(), "word: the most frequent words "
                        + "kept (others <unk>); bpe: the trained vocabulary size"));
                o.add(TaskOption.value("--arch", "rnn|lstm|gru", lower(s.cell()), "recurrent layer type"));
                o.add(TaskOption.value("--layers", "N", "" + s.layers(), "stacked recurrent layers"));
                o.add(TaskOption.value("--embed", "N", "" + s.embed(), "token embedding width"));
                o.add(TaskOption.value("--hidden", "N", "" + s.hidden(), "recurrent units"));
                o.add(TaskOption.value("--dropout", "RATE", "" + s.dropout(), "dropout after each recurrent layer"));
                o.add(TaskOption.value("--seq-len", "N", "" + d.seqLen(), "tokens per training window"));
                o.add(TaskOption.value("--epochs", "N", "" + d.epochs(), "passes over the training text"));
                o.add(TaskOption.value("--batch-size", "N", "" + d.batchSize(), "windows per step"));
                o.add(TaskOption.value("--lr", "RATE", "" + d.learningRate(), "Adam learning rate"));
                o.add(TaskOption.value("--max-minutes", "M", "0", "stop after the first epoch ending past M "
                        + "minutes of training (0 = no limit)"));
                o.add(TaskOption.value("--seed", "N", "" + d.seed(), "random seed"));
            }
            case PREDICT -> o.add(TaskOption.value("--top", "K", "5", "how many likeliest next tokens to print"));
            default -> { }
        }
        return o;
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** The training options from the command line (progress to {@code out}'s caller). */
    public static LmOptions options(TaskArgs a) {
        double minutes = a.decimal("--max-minutes");
        if (!(minutes >= 0)) {
            throw new InvalidInputException("--max-minutes: must be at least 0, got " + a.string("--max-minutes"));
        }
        int seqLen = a.integer("--seq-len", 1);
        double lr = a.decimal("--lr");
        if (!(lr > 0)) {
            throw new InvalidInputException("--lr: must be above 0, got " + a.string("--lr"));
        }
        return LmOptions.defaults().level(a.choice("--level", LmLevel.class)).vocabSize(a.integer("--vocab-size", 2))
                .seqLen(seqLen).stride(seqLen).epochs(a.integer("--epochs", 0)).batchSize(a.integer("--batch-size", 1))
                .learningRate((float) lr).seed(a.longValue("--seed"))
                .maxTime(Duration.ofMillis(Math.round(minutes * 60_000)));
    }

    public static LmSpec spec(TaskArgs a) {
        double dropout = a.decimal("--dropout");
        if (!(dropout >= 0 && dropout < 1)) {
            throw new InvalidInputException("--dropout: must be in [0, 1), got " + a.string("--dropout"));
        }
        return LmSpec.defaults().cell(a.choice("--arch", RnnKind.class)).layers(a.integer("--layers", 1))
                .embed(a.integer("--embed", 1)).hidden(a.integer("--hidden", 1)).dropout((float) dropout);
    }

    @Override
    public TrainResult train(TrainRequest r) throws IOException {
        TaskArgs a = r.args().withDefaults(options(Command.TRAIN));
        LmOptions o = options(a).out(r.log());
        LmSpec spec = spec(a);
        checked(() -> LmCorpus.read(r.train()));   // a missing or empty file fails before anything is built
        if (r.valid() != null) {
            checked(() -> LmCorpus.read(r.valid()));
        }
        r.log().printf(Locale.ROOT, "lm: %s level, %s(%d) x %d; the last %.0f %% of %s held out%n", lower(o.level()),
                spec.cell(), spec.hidden(), spec.layers(), 100 * o.validationFraction(), r.train().getFileName());
        LanguageModel lm = checked(() -> LanguageModel.train(r.train(), spec, o));
        lm.save(r.out());
        LmScore held = r.valid() != null ? checked(() -> lm.evaluate(r.valid())) : lm.validationScore();
        return new TrainResult(lm.history(), r.valid() != null ? "validation data" : "the held-out last 10 %",
                scores(held));
    }

    @Override
    public Map<String, Double> evaluate(EvaluateRequest r) throws IOException {
        LanguageModel lm = load(r.model());
        return scores(checked(() -> lm.evaluate(r.data())));
    }

    private static Map<String, Double> scores(LmScore s) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("loss", s.loss());
        m.put("perplexity", s.perplexity());
        m.put("nats_per_char", s.natsPerCharacter());
        m.put("tokens", (double) s.tokens());
        return m;
    }

    /** Per input line: the {@code --top} likeliest next tokens as {@code "token" probability}, likeliest first. */
    @Override
    public List<String> predict(PredictRequest r) throws IOException {
        TaskArgs a = r.args().withDefaults(options(Command.PREDICT));
        int top = a.integer("--top", 1);
        LanguageModel lm = load(r.model());
        List<String> out = new ArrayList<>();
        for (String line : r.inputs()) {
            int[] ids = lm.codec().encode(line);
            if (ids.length == 0) {
                throw new InvalidInputException("predict: '" + line + "' has no tokens");
            }
            LmNetwork.Stepper stepper = new LmNetwork.Stepper((Sequential) lm.model().network());
            float[] logits = null;
            for (int id : ids) {
                logits = stepper.feed(id);
            }
            double[] p = Sampler.softmax(logits);
            out.add(IntStream.range(0, p.length).boxed().sorted((x, y) -> Double.compare(p[y], p[x])).limit(top)
                    .map(i -> quoted(lm.codec().decode(new int[] {i})) + " " + String.format(Locale.ROOT, "%.4f", p[i]))
                    .collect(Collectors.joining("  ")));
        }
        return out;
    }

    private static String quoted(String token) {
        return "\"" + token.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t")
                + "\"";
    }

    @Override
    public void generate(GenerateRequest r) throws IOException {
        if (r.tokens() < 0) {
            throw new InvalidInputException("--tokens: must be at least 0, got " + r.tokens());
        }
        LanguageModel lm = load(r.model());
        List<LogitFilter> filters = new ArrayList<>();
        checked(() -> {
            filters.add(LogitFilter.temperature(r.temperature()));
            if (r.topK() > 0) {
                filters.add(LogitFilter.topK(r.topK()));
            }
            if (r.topP() < 1) {
                filters.add(LogitFilter.topP(r.topP()));
            }
            return null;
        });
        String prompt = r.prompt().isEmpty() ? "\n" : r.prompt();
        String text = checked(() -> lm.generate(prompt, r.tokens(),
                Sampler.random(filters.toArray(LogitFilter[]::new)), new SplittableRandom(r.seed())));
        r.out().println(r.prompt() + text);
    }

    private static LanguageModel load(Path dir) throws IOException {
        TaskModelDir.requireTask(dir, LanguageModel.TASK);
        return LanguageModel.load(dir);
    }

    private interface IoCall<T> {
        T call() throws IOException;
    }

    /** The pipeline's IllegalArgumentExceptions are about the input (an empty file, a prompt without tokens). */
    private static <T> T checked(IoCall<T> call) throws IOException {
        try {
            return call.call();
        } catch (InvalidInputException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }
}
