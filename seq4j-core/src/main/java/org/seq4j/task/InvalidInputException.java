package org.seq4j.task;

/**
 * Something the user gave is wrong: a file's contents, an option's value, a model of another task. The message is
 * one line that names the file (and line) or the option, fit to show as is; the tool exits with code 2.
 */
public final class InvalidInputException extends IllegalArgumentException {
    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
