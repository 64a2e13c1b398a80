package org.seq4j.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.seq4j.train.Model;

/**
 * A task's saved model: the {@link Model} directory ({@code model.json}, weights, optimizer state) plus
 * {@code task.json} (which task wrote it) and the task's own files (tokenizer, label names, scaling statistics).
 * Everything is written under a temporary name beside the target and moved into place last, so a failed run leaves
 * no half-written model and an older model of the same name stays whole until the new one is complete.
 */
public final class TaskModelDir {
    public static final String TASK_FILE = "task.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TaskModelDir() {}

    /** Saves {@code model} and {@code files} (name → UTF-8 content) into {@code dir} as {@code task}'s model. */
    public static void save(Path dir, Model<?> model, String task, Map<String, String> files) throws IOException {
        Path abs = dir.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".tmp" + System.nanoTime());
        try {
            model.save(tmp);
            Files.writeString(tmp.resolve(TASK_FILE), JSON.writeValueAsString(Map.of("task", task)) + "\n");
            for (Map.Entry<String, String> f : files.entrySet()) {
                Files.writeString(tmp.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
            }
            replace(tmp, abs);
        } catch (IOException | RuntimeException e) {
            if (Files.exists(tmp)) {
                deleteTree(tmp);
            }
            throw e;
        }
    }

    /**
     * The task that wrote the model in {@code dir}: from {@code task.json} (written by {@link #save}), or else from
     * the {@code task} entry of {@code model.json}'s metadata (the lm and tag pipelines save through
     * {@link org.seq4j.io.ModelFile} with {@link TaskFiles#TASK}); an error naming the directory if it is neither.
     */
    public static String task(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException(dir + ": no such model directory");
        }
        Path f = dir.resolve(TASK_FILE);
        Path model = dir.resolve("model.json");
        if (!Files.isRegularFile(model)) {
            throw new InvalidInputException(dir + ": not a seq4j task model (no model.json)");
        }
        if (!Files.isRegularFile(f)) {
            String task = readJson(model).path("metadata").path(TaskFiles.TASK).asText("");
            if (task.isEmpty()) {
                throw new InvalidInputException(dir + ": not a seq4j task model (no " + TASK_FILE
                        + " and no task in model.json)");
            }
            return task;
        }
        JsonNode root = readJson(f);
        String task = root.path("task").asText("");
        if (task.isEmpty()) {
            throw new InvalidInputException(f + ": names no task");
        }
        return task;
    }

    /** Fails with one line naming the directory when its model was written by another task. */
    public static void requireTask(Path dir, String expected) throws IOException {
        String task = task(dir);
        if (!task.equals(expected)) {
            throw new InvalidInputException(dir + ": a " + task + " model, not a " + expected + " model");
        }
    }

    /** One of the task's own files. */
    public static String read(Path dir, String file) throws IOException {
        Path f = dir.resolve(file);
        if (!Files.isRegularFile(f)) {
            throw new InvalidInputException(f + ": missing from the model directory");
        }
        return Files.readString(f, StandardCharsets.UTF_8);
    }

    /** A JSON file of the model directory, parsed; an error naming it when it is not JSON. */
    public static JsonNode readJson(Path file) throws IOException {
        try {
            return JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new InvalidInputException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void replace(Path tmp, Path dir) throws IOException {
        if (Files.exists(dir)) {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new InvalidInputException(dir + ": exists and is not a directory");
            }
            Path old = dir.resolveSibling("." + dir.getFileName() + ".old" + System.nanoTime());
            Files.move(dir, old);
            move(tmp, dir);
            deleteTree(old);
        } else {
            move(tmp, dir);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
