package org.seq4j.data;

import java.util.List;

/** A sentence of tokens with one tag each (BIO named-entity tags). {@code line}: its first line in the file. */
public record TaggedSentence(List<String> tokens, List<String> tags, long line) {
    public TaggedSentence {
        tokens = List.copyOf(tokens);
        tags = List.copyOf(tags);
        if (tokens.size() != tags.size()) {
            throw new IllegalArgumentException(tokens.size() + " tokens but " + tags.size() + " tags");
        }
    }

    public int size() {
        return tokens.size();
    }
}
