package org.seq4j.text;

/** How {@link Tokenizer#sequencesToMatrix} fills a cell (Keras' {@code mode} argument). */
public enum MatrixMode {
    /** 1 if the word occurs. */
    BINARY,
    /** Number of occurrences. */
    COUNT,
    /** Occurrences divided by the sequence length. */
    FREQ,
    /** (1 + ln count) · ln(1 + documentCount / (1 + docs containing the word)). */
    TFIDF
}
