package org.seq4j.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seq4j.task.Task;
import org.seq4j.task.classify.ClassifyTask;
import org.seq4j.task.forecast.ForecastTask;
import org.seq4j.task.lm.LmTask;
import org.seq4j.task.tag.TagTask;

/** The tasks the tool knows, by name. A new task is one line here: its {@link Task} implementation. */
final class TaskRegistry {
    private TaskRegistry() {}

    static List<Task> tasks() {
        return List.of(
                new ClassifyTask(),
                new ForecastTask(),
                new LmTask(),
                new TagTask());
    }

    static Map<String, Task> byName() {
        Map<String, Task> m = new LinkedHashMap<>();
        for (Task t : tasks()) {
            m.put(t.name(), t);
        }
        return m;
    }
}
