package org.seq4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.seq4j.io.ModelFile;
import org.seq4j.nn.Sequential;
import org.seq4j.task.InvalidInputException;
import org.seq4j.task.Task;
import org.seq4j.task.TaskArgs;
import org.seq4j.task.TaskModelDir;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** Runs a parsed command line: the tool's side of every command (files, output formats), the task does the rest. */
final class Commands {
    private final Map<String, Task> tasks;
    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;

    Commands(Map<String, Task> tasks, PrintStream out, PrintStream err, InputStream in) {
        this.tasks = tasks;
        this.out = out;
        this.err = err;
        this.in = in;
    }

    int run(ParseResult root) throws IOException {
        if (!root.hasSubcommand()) {
            root.commandSpec().commandLine().usage(err);
            return Main.BAD_INPUT;
        }
        ParseResult command = root.subcommand();
        String name = command.commandSpec().name();
        if (name.equals("demo")) {
            return demo(command);
        }
        if (name.equals("example")) {
            return example(command);
        }
        if (!command.hasSubcommand()) {
            err.println("seq4j: " + name + " needs a task: " + String.join("|", command.commandSpec().subcommands()
                    .keySet()) + " (see 'seq4j " + name + " --help')");
            return Main.BAD_INPUT;
        }
        ParseResult leaf = command.subcommand();
        Task task = tasks.get(leaf.commandSpec().name());
        Map<String, String> values = values(leaf.commandSpec());
        TaskArgs args = TaskArgs.of(values);
        return switch (name) {
            case "train" -> train(task, values, args);
            case "evaluate" -> evaluate(task, values, args);
            case "predict" -> predict(task, values, args);
            case "generate" -> generate(task, values, args);
            default -> summary(task, values);
        };
    }

    private int train(Task task, Map<String, String> v, TaskArgs args) throws IOException {
        Path plot = v.containsKey("--plot") ? Path.of(v.get("--plot")) : null;
        if (plot != null) {
            Path dir = plot.toAbsolutePath().getParent();
            if (!Files.isDirectory(dir)) {
                throw new InvalidInputException(plot + ": no directory " + dir + " to write the plot in");
            }
        }
        Path outDir = Path.of(v.get("--out"));
        long t0 = System.nanoTime();
        Task.TrainResult r = task.train(new Task.TrainRequest(Path.of(v.get("--train")),
                v.containsKey("--valid") ? Path.of(v.get("--valid")) : null, outDir, args, out));
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.println();
        out.println("Final scores on " + r.scoredOn() + ": " + format(r.finalScores()));
        out.printf(Locale.ROOT, "Trained %d epochs in %.1f s; model saved to %s%n", r.history().epochs().size(),
                seconds, outDir);
        if (plot != null && r.history().epochs().isEmpty()) {
            out.println("No epochs ran, so no training curves to plot");
        } else if (plot != null) {
            CurvePlot.write(r.history(), plot);
            out.println("Training curves written to " + plot);
        }
        return Main.OK;
    }

    private int evaluate(Task task, Map<String, String> v, TaskArgs args) throws IOException {
        Map<String, Double> scores = task.evaluate(new Task.EvaluateRequest(Path.of(v.get("--model")),
                Path.of(v.get("--data")), args, err));
        if (v.containsKey("--json")) {
            Map<String, Object> json = new LinkedHashMap<>();
            scores.forEach((k, s) -> json.put(k, Double.isFinite(s) ? s : null));
            out.println(new ObjectMapper().writeValueAsString(json));
        } else {
            scores.forEach((k, s) -> out.printf(Locale.ROOT, "%-20s %.6f%n", k, s));
        }
        return Main.OK;
    }

    private int predict(Task task, Map<String, String> v, TaskArgs args) throws IOException {
        List<String> inputs;
        if (v.containsKey("--text")) {
            inputs = List.of(v.get("--text"));
        } else if (args.has("--data")) {
            inputs = List.of();
        } else {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            inputs = r.lines().filter(line -> !line.isBlank()).toList();
            if (inputs.isEmpty()) {
                throw new InvalidInputException("predict: no input (give --text or lines on stdin)");
            }
        }
        for (String line : task.predict(new Task.PredictRequest(Path.of(v.get("--model")), inputs, args))) {
            out.println(line);
        }
        return Main.OK;
    }

    private int generate(Task task, Map<String, String> v, TaskArgs args) throws IOException {
        task.generate(new Task.GenerateRequest(Path.of(v.get("--model")), v.getOrDefault("--prompt", ""),
                args.integer("--tokens", 0), args.decimal("--temperature"), args.integer("--top-k", 0),
                args.decimal("--top-p"), args.longValue("--seed"), args, out));
        return Main.OK;
    }

    private int summary(Task task, Map<String, String> v) throws IOException {
        Path dir = Path.of(v.get("--model"));
        TaskModelDir.requireTask(dir, task.name());
        ModelFile.Loaded m = ModelFile.load(dir);
        out.println("Task: " + task.name());
        out.print(m.network() instanceof Sequential s ? s.summary()
                : m.network() instanceof org.seq4j.nn.Functional f ? f.summary() : m.network().toString() + "\n");
        return Main.OK;
    }

    private int demo(ParseResult command) throws IOException {
        Path data = Path.of((String) command.commandSpec().positionalParameters().getFirst().getValue());
        double acc = new SentimentDemo(SentimentDemo.Options.defaults(data)).run();
        out.printf(Locale.ROOT, "validation accuracy: %.4f%n", acc);
        return Main.OK;
    }

    private int example(ParseResult command) throws IOException {
        List<String> args = new java.util.ArrayList<>();
        for (var p : command.commandSpec().positionalParameters()) {
            Object v = p.getValue();
            if (v instanceof String[] more) {
                args.addAll(List.of(more));
            } else if (v != null) {
                args.add((String) v);
            }
        }
        args.addAll(command.unmatched());
        String which = args.remove(0);
        switch (which) {
            case "adding" -> org.seq4j.cli.examples.AddingProblem.main(args.toArray(String[]::new));
            case "imdb-lstm" -> org.seq4j.cli.examples.ImdbLstm.main(args.toArray(String[]::new));
            default -> {
                err.println("seq4j: unknown example '" + which + "' (adding, imdb-lstm)");
                return Main.BAD_INPUT;
            }
        }
        return Main.OK;
    }

    /** Every option's value (given or default) by name; flags only when set; help and --verbose left out. */
    private static Map<String, String> values(CommandSpec spec) {
        Map<String, String> m = new LinkedHashMap<>();
        for (OptionSpec o : spec.options()) {
            if (o.usageHelp() || o.versionHelp() || o.longestName().equals(CommandTree.VERBOSE)) {
                continue;
            }
            Object value = o.getValue();
            if (value instanceof Boolean b) {
                if (b) {
                    m.put(o.longestName(), "true");
                }
            } else if (value != null) {
                m.put(o.longestName(), value.toString());
            }
        }
        return m;
    }

    static String format(Map<String, Double> scores) {
        StringBuilder sb = new StringBuilder();
        scores.forEach((k, s) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append(' ')
                .append(String.format(Locale.ROOT, "%.4f", s)));
        return sb.toString();
    }

}
