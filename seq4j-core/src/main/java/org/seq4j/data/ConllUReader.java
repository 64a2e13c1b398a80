package org.seq4j.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams the sentences of a CoNLL-U file (Universal Dependencies; gzip read transparently). Sentences end at a
 * blank line; {@code #} lines are comments; a word line must have exactly ten TAB-separated columns and integer
 * ID/HEAD, otherwise the error names file and line.
 */
public final class ConllUReader implements Iterator<ConllUSentence> {
    private static final int COLUMNS = 10;

    private final LineReader lines;
    private ConllUSentence next;

    private ConllUReader(LineReader lines) {
        this.lines = lines;
    }

    /** The sentences of {@code file}; close the stream to close the file. */
    public static Stream<ConllUSentence> read(Path file) throws IOException {
        LineReader lines = LineReader.open(file);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(new ConllUReader(lines),
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
    public ConllUSentence next() {
        if (!hasNext()) {
            throw new NoSuchElementException(lines.source() + ": no more sentences");
        }
        ConllUSentence out = next;
        next = null;
        return out;
    }

    private ConllUSentence readSentence() {
        List<ConllUToken> words = new ArrayList<>();
        List<String> multiword = new ArrayList<>();
        Map<String, String> comments = new HashMap<>();
        long start = -1;
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.isBlank()) {
                if (start >= 0) {
                    break;
                }
                continue;
            }
            if (start < 0) {
                start = lines.lineNumber();
            }
            if (line.startsWith("#")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    comments.put(line.substring(1, eq).trim(), line.substring(eq + 1).trim());
                }
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length != COLUMNS) {
                throw error(cols.length + " columns, CoNLL-U has " + COLUMNS);
            }
            if (cols[0].indexOf('-') > 0) {
                multiword.add(line);
            } else if (cols[0].indexOf('.') < 0) {
                words.add(new ConllUToken(integer(cols[0], "ID"), cols[1], cols[2], cols[3], cols[4], cols[5],
                        cols[6].equals("_") ? -1 : integer(cols[6], "HEAD"), cols[7], cols[8], cols[9]));
            }
        }
        return start < 0 ? null : new ConllUSentence(words, multiword, comments, start);
    }

    private int integer(String s, String column) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw error(column + " '" + s + "' is not an integer");
        }
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException(lines.source() + ":" + lines.lineNumber() + ": " + message);
    }
}
