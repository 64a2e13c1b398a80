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

    /** Loads {@code dir}, failing with the file's name when it was not written by the {@code task} pipeline. */
    public static ModelFile.Loaded load(Path dir, String task, String what) throws IOException {
        ModelFile.Loaded loaded = ModelFile.load(dir);
        Map<String, String> meta = loaded.metadata();
        String found = meta.get(TASK);
        if (!task.equals(found)) {
            throw new IOException(dir.resolve("model.json") + ": not a " + what + " ("
                    + (found == null ? "no task recorded" : "it holds a '" + found + "' model") + ")");
        }
        return loaded;
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
