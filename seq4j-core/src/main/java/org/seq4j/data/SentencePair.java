package org.seq4j.data;

/** One aligned pair of a parallel corpus. {@code line} is the 1-based line it came from (for error messages). */
public record SentencePair(String source, String target, long line) {
}
