package org.seq4j.task;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.seq4j.io.ModelFile;

/** The metadata key naming which pipeline wrote a model directory, and the check that a directory is of a task. */
public final class TaskFiles {
    /** Metadata key: the pipeline that wrote the model ("lm", "tag", ...). */
    public static final String TASK = "task";

    private TaskFiles() {
    }

    /**
     * Loads {@code dir}, failing with one line naming it when it was not written by the {@code task} pipeline (the
     * same check as {@link TaskModelDir#requireTask}, so every task's models are told apart alike).
     */
    public static ModelFile.Loaded load(Path dir, String task) throws IOException {
        TaskModelDir.requireTask(dir, task);
        return ModelFile.load(dir);
    }

    /** A required metadata entry, or an error naming the file. */
    public static String require(Path dir, Map<String, String> meta, String key) throws IOException {
        String v = meta.get(key);
        if (v == null) {
            throw new IOException(dir.resolve("model.json") + ": metadata lacks '" + key + "'");
        }
        return v;
    }
}
