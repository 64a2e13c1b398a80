package org.seq4j.text.bpe;

import java.util.Objects;

/** One line of a merges file: the byte-level tokens {@code left} and {@code right} join into {@code left + right}. */
public record Merge(String left, String right) {
    public Merge {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
    }

    /** The merges-file form, {@code "left right"}. */
    @Override
    public String toString() {
        return left + " " + right;
    }
}
