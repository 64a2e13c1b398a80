package org.seq4j.data;

import java.util.List;
import java.util.Map;

/**
 * A CoNLL-U sentence: its words (multiword-token ranges such as {@code 3-4} and empty nodes such as {@code 8.1} are
 * left out, so {@code words.get(i).id() == i + 1}), its multiword-token lines kept for reference, and its
 * {@code # key = value} comments.
 *
 * @param line first line of the sentence in the file
 */
public record ConllUSentence(List<ConllUToken> words, List<String> multiwordTokens, Map<String, String> comments,
                             long line) {
    public ConllUSentence {
        words = List.copyOf(words);
        multiwordTokens = List.copyOf(multiwordTokens);
        comments = Map.copyOf(comments);
    }

    public List<String> forms() {
        return words.stream().map(ConllUToken::form).toList();
    }

    public List<String> upos() {
        return words.stream().map(ConllUToken::upos).toList();
    }

    /** The {@code # text = ...} comment, or null. */
    public String text() {
        return comments.get("text");
    }
}
