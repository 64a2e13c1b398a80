package org.seq4j.text;

/**
 * A tokenizer or vocabulary file that cannot be read as what it claims to be. The message names the source
 * (a path, or {@code <string>}) and, where the parser knows it, the line.
 */
public final class TextFormatException extends IllegalArgumentException {
    private final String source;
    private final int line;

    /** {@code line} is 1-based; 0 when no line applies. */
    public TextFormatException(String source, int line, String problem, Throwable cause) {
        super(source + (line > 0 ? ":" + line : "") + ": " + problem, cause);
        this.source = source;
        this.line = line;
    }

    public TextFormatException(String source, int line, String problem) {
        this(source, line, problem, null);
    }

    public String source() {
        return source;
    }

    /** 1-based line of the problem, or 0 when unknown or not applicable. */
    public int line() {
        return line;
    }
}
