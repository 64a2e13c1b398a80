package org.seq4j.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seq4j.nn.Dense;
import org.seq4j.nn.Sequential;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;
import org.seq4j.train.Model;

/** Task model directories: the task and its files land together, replace an older model whole, leave no temps. */
class TaskModelDirTest {

    private static Model<Tensor> model() {
        return Model.of(new Sequential("m", Shape.of(3), List.of(new Dense(Dense.Config.of(3, 2),
                new SplittableRandom(1)))));
    }

    @Test
    void savesTheTaskAndItsFilesAndReplacesAnOlderModel(@TempDir Path dir) throws IOException {
        Path m = dir.resolve("model");
        TaskModelDir.save(m, model(), "lm", Map.of("vocab.txt", "a\nb\n"));
        TaskModelDir.save(m, model(), "tag", Map.of("tags.txt", "B\nI\nO\n"));
        assertEquals("tag", TaskModelDir.task(m));
        assertEquals("B\nI\nO\n", TaskModelDir.read(m, "tags.txt"));
        assertFalse(Files.exists(m.resolve("vocab.txt")));
        TaskModelDir.requireTask(m, "tag");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TaskModelDir.requireTask(m, "lm"));
        assertTrue(e.getMessage().contains("a tag model, not a lm model"), e.getMessage());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(m), s.toList());
        }
    }

    @Test
    void aPipelineModelRecordsItsTaskInTheMetadata(@TempDir Path dir) throws IOException {
        Path m = dir.resolve("lm");
        org.seq4j.io.ModelFile.save(m, model().network(), Map.of(), Map.of(TaskFiles.TASK, "lm"));
        assertEquals("lm", TaskModelDir.task(m));
        TaskModelDir.requireTask(m, "lm");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TaskFiles.load(m, "tag"));
        assertTrue(e.getMessage().contains("a lm model, not a tag model"), e.getMessage());
        Path plain = dir.resolve("plain");
        model().save(plain);
        assertTrue(assertThrows(InvalidInputException.class, () -> TaskModelDir.task(plain)).getMessage()
                .contains("not a seq4j task model"));
    }

    @Test
    void aDirectoryWithoutATaskIsNamed(@TempDir Path dir) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> TaskModelDir.task(dir));
        assertTrue(e.getMessage().startsWith(dir.toString()), e.getMessage());
    }

    @Test
    void argsConvertOrNameTheOption() {
        TaskArgs a = TaskArgs.of(Map.of("--n", "3", "--x", "x", "--arch", "Lstm"))
                .withDefaults(List.of(TaskOption.value("--d", "N", "7", "d")));
        assertEquals(3, a.integer("--n"));
        assertEquals(7, a.integer("--d"));
        assertEquals(Thread.State.NEW, TaskArgs.of(Map.of("--s", "new")).choice("--s", Thread.State.class));
        assertTrue(assertThrows(InvalidInputException.class, () -> a.integer("--x")).getMessage().contains("--x"));
        assertTrue(assertThrows(InvalidInputException.class, () -> a.integer("--n", 5)).getMessage()
                .contains("at least 5"));
        assertTrue(assertThrows(InvalidInputException.class, () -> a.required("--missing")).getMessage()
                .contains("--missing"));
        assertFalse(a.flag("--bidirectional"));
    }
}
