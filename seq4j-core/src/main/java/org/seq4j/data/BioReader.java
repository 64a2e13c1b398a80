package org.seq4j.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams CoNLL-style NER files: one token per line with TAB-separated columns, sentences separated by blank (or
 * whitespace-only) lines. Every tag must be {@code O}, {@code B-TYPE} or {@code I-TYPE}; anything else is an error
 * naming file and line.
 */
public final class BioReader implements Iterator<TaggedSentence> {
    private final LineReader lines;
    private final Options options;
    private TaggedSentence next;

    /**
     * @param tokenColumn   0-based column of the token
     * @param tagColumn     0-based column of the BIO tag
     * @param commentPrefix lines starting with this are comments; empty for none (WNUT tokens may start with '#')
     */
    public record Options(int tokenColumn, int tagColumn, String commentPrefix) {
        /** WNUT-17: {@code token<TAB>tag}, no comments. */
        public static Options wnut() {
            return new Options(0, 1, "");
        }

        /** Universal NER {@code .iob2}: {@code index<TAB>token<TAB>tag<TAB>...}, {@code #} comments. */
        public static Options iob2() {
            return new Options(1, 2, "#");
        }
    }

    private BioReader(LineReader lines, Options options) {
        this.lines = lines;
        this.options = options;
    }

    /** The sentences of {@code file}; close the stream to close the file. */
    public static Stream<TaggedSentence> read(Path file, Options options) throws IOException {
        LineReader lines = LineReader.open(file);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(new BioReader(lines, options),
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(lines::closeQuietlyForStream);
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = readSentence();
        }
        return next != null;
    }

    @Override
    public TaggedSentence next() {
        if (!hasNext()) {
            throw new NoSuchElementException(lines.source() + ": no more sentences");
        }
        TaggedSentence out = next;
        next = null;
        return out;
    }

    private TaggedSentence readSentence() {
        List<String> tokens = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        long start = -1;
        int needed = Math.max(options.tokenColumn(), options.tagColumn()) + 1;
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.isBlank()) {
                if (!tokens.isEmpty()) {
                    break;
                }
                continue;
            }
            if (!options.commentPrefix().isEmpty() && line.startsWith(options.commentPrefix())) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length < needed) {
                throw error(cols.length + " columns, expected at least " + needed);
            }
            String tag = cols[options.tagColumn()];
            if (!isBio(tag)) {
                throw error("tag '" + tag + "' is not O, B-TYPE or I-TYPE");
            }
            if (start < 0) {
                start = lines.lineNumber();
            }
            tokens.add(cols[options.tokenColumn()]);
            tags.add(tag);
        }
        return tokens.isEmpty() ? null : new TaggedSentence(tokens, tags, start);
    }

    static boolean isBio(String tag) {
        return tag.equals("O") || ((tag.startsWith("B-") || tag.startsWith("I-")) && tag.length() > 2);
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException(lines.source() + ":" + lines.lineNumber() + ": " + message);
    }
}
