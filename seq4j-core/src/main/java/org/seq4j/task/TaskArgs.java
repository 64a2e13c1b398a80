package org.seq4j.task;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A task's option values by name ({@code --epochs} → "3"), defaults filled in; typed getters that turn a bad value
 * into an {@link InvalidInputException} naming the option. A Java caller builds one with {@link #of} and
 * {@link #with}; the tool fills it from the command line.
 */
public final class TaskArgs {
    private final Map<String, String> values;

    private TaskArgs(Map<String, String> values) {
        this.values = values;
    }

    /** No values given: every getter falls back to the task's defaults (via {@link #withDefaults}). */
    public static TaskArgs of() {
        return new TaskArgs(new LinkedHashMap<>());
    }

    public static TaskArgs of(Map<String, String> values) {
        return new TaskArgs(new LinkedHashMap<>(values));
    }

    /** A copy with {@code name} set (a flag is set with "true"). */
    public TaskArgs with(String name, String value) {
        Map<String, String> m = new LinkedHashMap<>(values);
        m.put(name, value);
        return new TaskArgs(m);
    }

    /** A copy where every option not given takes its declared default. */
    public TaskArgs withDefaults(Iterable<TaskOption> options) {
        Map<String, String> m = new LinkedHashMap<>(values);
        for (TaskOption o : options) {
            if (o.defaultValue() != null) {
                m.putIfAbsent(o.name(), o.defaultValue());
            }
        }
        return new TaskArgs(m);
    }

    public boolean has(String name) {
        return values.get(name) != null;
    }

    /** The value, or null when not given and without a default. */
    public String string(String name) {
        return values.get(name);
    }

    public String required(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new InvalidInputException("missing required option " + name);
        }
        return v;
    }

    public boolean flag(String name) {
        return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }

    public int integer(String name) {
        String v = required(name);
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name + ": expected an integer, got '" + v + "'");
        }
    }

    /** An integer at least {@code min}. */
    public int integer(String name, int min) {
        int v = integer(name);
        if (v < min) {
            throw new InvalidInputException(name + ": must be at least " + min + ", got " + v);
        }
        return v;
    }

    public double decimal(String name) {
        String v = required(name);
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name + ": expected a number, got '" + v + "'");
        }
    }

    public long longValue(String name) {
        String v = required(name);
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name + ": expected an integer, got '" + v + "'");
        }
    }

    /** A value out of an enum, case-insensitively ({@code --arch lstm} → LSTM). */
    public <E extends Enum<E>> E choice(String name, Class<E> type) {
        String v = required(name);
        try {
            return Enum.valueOf(type, v.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            StringBuilder ok = new StringBuilder();
            for (E c : type.getEnumConstants()) {
                ok.append(ok.isEmpty() ? "" : "|").append(c.name().toLowerCase(Locale.ROOT));
            }
            throw new InvalidInputException(name + ": expected " + ok + ", got '" + v + "'");
        }
    }

    /** A path, or null when not given. */
    public Path path(String name) {
        String v = values.get(name);
        return v == null ? null : Path.of(v);
    }

    public Map<String, String> asMap() {
        return java.util.Collections.unmodifiableMap(values);
    }
}
