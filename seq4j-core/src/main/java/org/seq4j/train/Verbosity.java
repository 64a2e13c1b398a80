package org.seq4j.train;

/** What fit prints per epoch (Keras {@code verbose}). */
public enum Verbosity {
    /** A progress bar on a terminal, one line per epoch elsewhere (Keras verbose="auto" / 1). */
    AUTO,
    /** A progress bar redrawn in place with {@code \r}, even when the output is not a terminal. */
    PROGRESS_BAR,
    /** One line per epoch (Keras verbose=2), the form for logs and CI. */
    ONE_LINE,
    SILENT
}
