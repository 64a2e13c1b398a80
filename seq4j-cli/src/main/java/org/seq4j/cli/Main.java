package org.seq4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.seq4j.task.InvalidInputException;
import org.seq4j.task.Task;
import org.seq4j.task.TaskModelDir;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The {@code seq4j} command: {@code seq4j train|evaluate|predict|generate|summary TASK [options]} and
 * {@code seq4j demo}. Exit code 0 on success, 1 when a run fails, 2 for bad usage or bad input; an error is one
 * line on stderr ({@code seq4j: ...}), with the stack trace only under {@code --verbose}.
 */
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;
    private static final Set<String> MODEL_COMMANDS = Set.of("evaluate", "predict", "generate", "summary");

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.in));
    }

    /** Runs one command line; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err, InputStream in) {
        return run(args, TaskRegistry.byName(), out, err, in);
    }

    /** {@link #run(String[], PrintStream, PrintStream, InputStream)} with the given tasks (tests plug in fakes). */
    static int run(String[] args, Map<String, Task> tasks, PrintStream out, PrintStream err, InputStream in) {
        boolean verbose = Arrays.asList(args).contains(CommandTree.VERBOSE);
        CommandLine cl = new CommandLine(CommandTree.build(tasks));
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        try {
            ParseResult parsed = cl.parseArgs(withTask(args, tasks));
            if (CommandLine.printHelpIfRequested(parsed)) {
                return OK;
            }
            return new Commands(tasks, out, err, in).run(parsed);
        } catch (CommandLine.ParameterException e) {
            err.println("seq4j: " + e.getMessage() + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help')");
            trace(verbose, e, err);
            return BAD_INPUT;
        } catch (InvalidInputException | IOException | UncheckedIOException e) {
            err.println("seq4j: " + oneLine(e.getMessage()));
            trace(verbose, e, err);
            return BAD_INPUT;
        } catch (RuntimeException | Error e) {
            err.println("seq4j: " + e.getClass().getSimpleName() + ": " + oneLine(e.getMessage()));
            trace(verbose, e, err);
            return FAILED;
        }
    }

    /**
     * {@code seq4j evaluate --model M ...} without a task: the task that wrote M is put in, so that the saved model
     * decides (and a model of another task given with an explicit task is caught by that task).
     */
    static String[] withTask(String[] args, Map<String, Task> tasks) throws IOException {
        if (args.length < 2 || !MODEL_COMMANDS.contains(args[0]) || !args[1].startsWith("-")) {
            return args;
        }
        List<String> a = new ArrayList<>(Arrays.asList(args));
        if (a.contains("--help") || a.contains("-h")) {
            return args;
        }
        String model = null;
        for (int i = 1; i < a.size(); i++) {
            if (a.get(i).equals("--model") && i + 1 < a.size()) {
                model = a.get(i + 1);
            } else if (a.get(i).startsWith("--model=")) {
                model = a.get(i).substring("--model=".length());
            }
        }
        if (model == null) {
            return args;
        }
        String task = TaskModelDir.task(Path.of(model));
        if (!tasks.containsKey(task)) {
            throw new InvalidInputException(model + ": a " + task + " model, and this seq4j has no " + task + " task");
        }
        if (args[0].equals("generate") && !tasks.get(task).commands().contains(Task.Command.GENERATE)) {
            throw new InvalidInputException(model + ": a " + task + " model; generate needs a language model");
        }
        a.add(1, task);
        return a.toArray(String[]::new);
    }

    private static String oneLine(String message) {
        return message == null ? "(no message)" : message.replace('\n', ' ').strip();
    }

    private static void trace(boolean verbose, Throwable e, PrintStream err) {
        if (verbose) {
            e.printStackTrace(err);
        }
    }
}
