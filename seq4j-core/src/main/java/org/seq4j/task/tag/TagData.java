package org.seq4j.task.tag;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.seq4j.data.BioReader;
import org.seq4j.data.ConllUReader;
import org.seq4j.data.ConllUSentence;
import org.seq4j.data.TaggedSentence;

/** Tagged sentences from CoNLL-U (one column) or BIO NER files; a file without sentences is an error naming it. */
public final class TagData {
    private TagData() {
    }

    /** Words and the chosen column of a CoNLL-U file (gzip or plain). */
    public static List<TaggedSentence> conllu(Path file, TagColumn column) throws IOException {
        try (Stream<ConllUSentence> s = ConllUReader.read(file)) {
            List<TaggedSentence> out = nonEmpty(file, s.map(sentence -> new TaggedSentence(sentence.forms(),
                    sentence.words().stream().map(column::of).toList(), sentence.line())).toList());
            if (out.stream().flatMap(t -> t.tags().stream()).allMatch("_"::equals)) {
                throw new IllegalArgumentException(file + ": column " + column + " is unused ('_' on every word)");
            }
            return out;
        }
    }

    /** Tokens and BIO tags of a CoNLL-style NER file (WNUT-17: {@code BioReader.Options.wnut()}). */
    public static List<TaggedSentence> bio(Path file, BioReader.Options options) throws IOException {
        try (Stream<TaggedSentence> s = BioReader.read(file, options)) {
            return nonEmpty(file, s.toList());
        }
    }

    private static List<TaggedSentence> nonEmpty(Path file, List<TaggedSentence> sentences) {
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException(file + ": no tagged sentences (the file is empty)");
        }
        return sentences;
    }
}
