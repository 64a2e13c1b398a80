package org.seq4j.task;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.seq4j.train.History;

/**
 * One end-to-end job the {@code seq4j} tool runs (classify, forecast, lm, tag), as a library class a Java user may
 * call directly too. The tool owns what every task shares (the command line, help, exit codes, --out, --plot, --json,
 * reading stdin); a task declares its own options ({@link TaskOption}) and reads them from {@link TaskArgs}. Plugging
 * a task into the tool is one line in the CLI's registry.
 *
 * <p>Errors in what the user gave (a missing file, an unknown column, an empty dataset, a bad value, a model of
 * another task) are {@link InvalidInputException}s or {@link IOException}s naming the file (and line); anything else
 * is a failure of the run. A task writes its model with {@link TaskModelDir#save}, which never leaves a half-written
 * directory, and checks a model it loads with {@link TaskModelDir#requireTask}.
 */
public interface Task {

    /** The commands a task may support; {@code summary} is the tool's own and needs nothing from the task. */
    enum Command { TRAIN, EVALUATE, PREDICT, GENERATE }

    /** train: data files, where to write the model, the task's options, where progress goes. */
    record TrainRequest(Path train, Path valid, Path out, TaskArgs args, PrintStream log) {}

    /**
     * What training produced: the per-epoch logs (for curves), what the final scores were computed on (e.g.
     * "validation data", "the last 12 steps", "training data") and those scores.
     */
    record TrainResult(History history, String scoredOn, Map<String, Double> finalScores) {}

    /** evaluate: a saved model, a data file in the training data's format, the task's options. */
    record EvaluateRequest(Path model, Path data, TaskArgs args, PrintStream log) {}

    /** predict: a saved model and the inputs (one per line of stdin, or the single --text). */
    record PredictRequest(Path model, List<String> inputs, TaskArgs args) {}

    /** generate: a saved model, a prompt and the sampling settings (top-k 0 and top-p 1 mean off). */
    record GenerateRequest(Path model, String prompt, int tokens, double temperature, int topK, double topP,
                           long seed, TaskArgs args, PrintStream out) {}

    /** The name on the command line ({@code seq4j train NAME}) and in saved models. */
    String name();

    /** One line for {@code --help}. */
    String description();

    default Set<Command> commands() {
        return Set.of(Command.TRAIN, Command.EVALUATE, Command.PREDICT);
    }

    /** The task's own options for a command, with their defaults (shown by --help). */
    List<TaskOption> options(Command command);

    TrainResult train(TrainRequest request) throws IOException;

    /** Scores by name, in the order to print them (e.g. accuracy, precision, recall, f1, loss). */
    Map<String, Double> evaluate(EvaluateRequest request) throws IOException;

    /** One output line per input. */
    List<String> predict(PredictRequest request) throws IOException;

    /** Writes the generated text to {@code request.out()}; only generative tasks (lm) support it. */
    default void generate(GenerateRequest request) throws IOException {
        throw new InvalidInputException("task '" + name() + "' does not generate text (try the lm task)");
    }
}
