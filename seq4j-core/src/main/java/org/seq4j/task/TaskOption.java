package org.seq4j.task;

/**
 * An option a task takes on the command line, e.g. {@code --label-column NAME} (default "label").
 *
 * @param name         the long option name with its dashes, e.g. {@code --window}
 * @param label        the value's placeholder in help, e.g. {@code N}; unused for flags
 * @param description  one line of help
 * @param defaultValue the value when not given; null for a required option and for flags (absent = off)
 * @param kind         a value, a required value, or a flag that takes no value
 */
public record TaskOption(String name, String label, String description, String defaultValue, Kind kind) {

    public enum Kind { VALUE, REQUIRED, FLAG }

    public TaskOption {
        if (!name.startsWith("--")) {
            throw new IllegalArgumentException("option names start with --: " + name);
        }
    }

    /** An option with a default; {@code defaultValue} may be null for "not set". */
    public static TaskOption value(String name, String label, String defaultValue, String description) {
        return new TaskOption(name, label, description, defaultValue, Kind.VALUE);
    }

    public static TaskOption required(String name, String label, String description) {
        return new TaskOption(name, label, description, null, Kind.REQUIRED);
    }

    public static TaskOption flag(String name, String description) {
        return new TaskOption(name, "", description, null, Kind.FLAG);
    }
}
