package org.seq4j.cli;

import java.util.Map;
import org.seq4j.task.Task;
import org.seq4j.task.TaskOption;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The command line as picocli specs, built from the task registry: {@code seq4j COMMAND TASK [options]} where each
 * (command, task) pair gets the command's own options plus the task's {@link TaskOption}s, and {@code --help}.
 */
final class CommandTree {
    static final String VERBOSE = "--verbose";

    private CommandTree() {}

    static CommandSpec build(Map<String, Task> tasks) {
        CommandSpec root = command("seq4j", "Deep learning for sequences: train, evaluate and use models from the "
                + "command line.", "Exit codes: 0 success, 1 failure during a run, 2 bad usage or input.");
        root.addSubcommand("train", parent("train", "Train a model and save it.", tasks, Task.Command.TRAIN));
        root.addSubcommand("evaluate", parent("evaluate", "Score a saved model on a data file.", tasks,
                Task.Command.EVALUATE));
        root.addSubcommand("predict", parent("predict", "Predict for each line of stdin, or for --text.", tasks,
                Task.Command.PREDICT));
        root.addSubcommand("generate", parent("generate", "Generate text from a saved language model.", tasks,
                Task.Command.GENERATE));
        root.addSubcommand("summary", parent("summary", "Print a saved model's layer table.", tasks, null));
        CommandSpec demo = command("demo", "Train and evaluate the IMDB sentiment demo (a fastText-style model).");
        demo.addPositional(PositionalParamSpec.builder().paramLabel("DATA_DIR").arity("0..1").type(String.class)
                .defaultValue("../shared/data/sentiment").description("default: ${DEFAULT-VALUE}").build());
        root.addSubcommand("demo", demo);
        CommandSpec example = command("example", "Run a documented example: 'adding' (the adding problem: LSTM and "
                + "GRU against SimpleRNN; add --quick for the small version) or 'imdb-lstm' (Keras' IMDB LSTM; "
                + "optional DATA_DIR).");
        example.addPositional(PositionalParamSpec.builder().paramLabel("NAME").index("0").arity("1").type(String.class)
                .description("adding | imdb-lstm").build());
        example.addPositional(PositionalParamSpec.builder().paramLabel("ARGS").index("1..*").arity("0..*").type(String[].class)
                .description("passed to the example").build());
        example.parser().unmatchedOptionsArePositionalParams(true); // --quick reaches the example
        root.addSubcommand("example", example);
        return root;
    }

    /** A command whose subcommands are the tasks supporting it ({@code null}: every task, for summary). */
    private static CommandSpec parent(String name, String description, Map<String, Task> tasks, Task.Command c) {
        CommandSpec p = command(name, description, "The task may be left out when --model names a saved model.");
        for (Task t : tasks.values()) {
            if (c == null || t.commands().contains(c)) {
                p.addSubcommand(t.name(), leaf(name, t, c));
            }
        }
        return p;
    }

    private static CommandSpec leaf(String command, Task t, Task.Command c) {
        CommandSpec s = command(t.name(), t.description() + ".");
        switch (command) {
            case "train" -> {
                s.addOption(value("--train", "FILE", "training data", true));
                s.addOption(value("--valid", "FILE", "validation data, scored after every epoch", false));
                s.addOption(value("--out", "DIR", "where to save the model (written atomically)", true));
                s.addOption(value("--plot", "PNG", "also write the training curves to this PNG", false));
            }
            case "evaluate" -> {
                s.addOption(value("--model", "DIR", "a saved model", true));
                s.addOption(value("--data", "FILE", "data in the training data's format", true));
                s.addOption(flag("--json", "print one JSON object of the scores"));
            }
            case "predict" -> {
                s.addOption(value("--model", "DIR", "a saved model", true));
                s.addOption(value("--text", "TEXT", "the input (default: one per line of stdin)", false));
            }
            case "generate" -> {
                s.addOption(value("--model", "DIR", "a saved model", true));
                s.addOption(value("--prompt", "TEXT", "text to continue", false));
                s.addOption(defaulted("--tokens", "N", "100", "tokens to generate"));
                s.addOption(defaulted("--temperature", "T", "1.0", "sampling temperature (0 = greedy)"));
                s.addOption(defaulted("--top-k", "K", "0", "sample among the K likeliest (0 = all)"));
                s.addOption(defaulted("--top-p", "P", "1.0", "nucleus sampling mass (1 = all)"));
                s.addOption(defaulted("--seed", "N", "1", "random seed"));
            }
            default -> s.addOption(value("--model", "DIR", "a saved model", true));
        }
        if (c != null) {
            for (TaskOption o : t.options(c)) {
                if (s.findOption(o.name()) == null) {
                    s.addOption(switch (o.kind()) {
                        case FLAG -> flag(o.name(), o.description());
                        case REQUIRED -> value(o.name(), o.label(), o.description(), true);
                        case VALUE -> o.defaultValue() == null ? value(o.name(), o.label(), o.description(), false)
                                : defaulted(o.name(), o.label(), o.defaultValue(), o.description());
                    });
                }
            }
        }
        return s;
    }

    private static CommandSpec command(String name, String... description) {
        CommandSpec s = CommandSpec.create().name(name).mixinStandardHelpOptions(true);
        s.version("seq4j 0.1.0");
        s.usageMessage().description(description).sortOptions(false);
        s.addOption(flag(VERBOSE, "print the stack trace of an error"));
        return s;
    }

    private static OptionSpec value(String name, String label, String description, boolean required) {
        return OptionSpec.builder(name).paramLabel(label).type(String.class).required(required)
                .description(description).build();
    }

    private static OptionSpec defaulted(String name, String label, String defaultValue, String description) {
        return OptionSpec.builder(name).paramLabel(label).type(String.class).defaultValue(defaultValue)
                .description(description + " (default: ${DEFAULT-VALUE})").build();
    }

    private static OptionSpec flag(String name, String description) {
        return OptionSpec.builder(name).arity("0").type(boolean.class).description(description).build();
    }
}
