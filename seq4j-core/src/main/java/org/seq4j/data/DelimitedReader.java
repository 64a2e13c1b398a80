package org.seq4j.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * Streams the rows of a TSV or CSV file with a header line, returning the chosen columns. Lines are split on
 * {@code \n} only (see {@link LineReader}); gzip is read transparently. A row with the wrong number of fields is an
 * error naming the file and line, or is skipped and counted ({@link #skippedRows()}) if the options say so.
 * In RFC-4180 mode a quoted field may span lines; its line breaks come back as {@code \n}.
 */
public final class DelimitedReader implements Iterator<Row>, Closeable {
    private final LineReader lines;
    private final DelimitedOptions options;
    private final List<String> header;
    private final int[] chosen;
    private long skipped;
    private Row next;

    public static DelimitedReader open(Path file, DelimitedOptions options) throws IOException {
        LineReader lines = LineReader.open(file);
        try {
            return new DelimitedReader(lines, options);
        } catch (RuntimeException e) {
            lines.close();
            throw e;
        }
    }

    public DelimitedReader(LineReader lines, DelimitedOptions options) {
        this.lines = lines;
        this.options = options;
        if (!lines.hasNext()) {
            throw new IllegalArgumentException(lines.source() + ": empty file, expected a header line");
        }
        String first = lines.next();
        if (first.startsWith("\uFEFF")) {
            first = first.substring(1); // a UTF-8 byte-order mark is not part of the first column's name
        }
        this.header = List.copyOf(split(first, lines.lineNumber()));
        this.chosen = choose(options.columns());
    }

    /** The header's column names, in file order. */
    public List<String> header() {
        return header;
    }

    /** Rows skipped so far for having the wrong number of fields (only with {@code OnBadRow.SKIP}). */
    public long skippedRows() {
        return skipped;
    }

    /** The rows as a stream that closes the file when closed. */
    public Stream<Row> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(() -> {
                    try {
                        close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    @Override
    public boolean hasNext() {
        while (next == null && lines.hasNext()) {
            String line = lines.next();
            long lineNo = lines.lineNumber();
            if (line.isEmpty() && !lines.hasNext()) {
                break; // a blank last line is the end of the file
            }
            List<String> fields = split(line, lineNo);
            if (fields.size() != header.size()) {
                if (options.onBadRow() == DelimitedOptions.OnBadRow.SKIP) {
                    skipped++;
                    continue;
                }
                throw new IllegalArgumentException(lines.source() + ":" + lineNo + ": " + fields.size()
                        + " fields, the header has " + header.size());
            }
            List<String> values = new ArrayList<>(chosen.length);
            for (int c : chosen) {
                values.add(fields.get(c));
            }
            next = new Row(lineNo, values);
        }
        return next != null;
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException(lines.source() + ": no more rows");
        }
        Row row = next;
        next = null;
        return row;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }

    private int[] choose(List<String> names) {
        if (names.isEmpty()) {
            return java.util.stream.IntStream.range(0, header.size()).toArray();
        }
        int[] idx = new int[names.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = header.indexOf(names.get(i));
            if (idx[i] < 0) {
                throw new IllegalArgumentException(lines.source() + ": no column '" + names.get(i)
                        + "' in header " + header);
            }
        }
        return idx;
    }

    private List<String> split(String line, long lineNo) {
        if (options.quoting() == DelimitedOptions.Quoting.NONE) {
            return splitPlain(line, options.delimiter());
        }
        return splitQuoted(line, lineNo);
    }

    private static List<String> splitPlain(String line, char delimiter) {
        List<String> fields = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == delimiter) {
                fields.add(line.substring(start, i));
                start = i + 1;
            }
        }
        fields.add(line.substring(start));
        return fields;
    }

    /** RFC 4180: a field is plain, or quoted with {@code ""} for a quote; a quoted field may continue on the next line. */
    private List<String> splitQuoted(String line, long lineNo) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        String text = line;
        int i = 0;
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (i == text.length()) {
                if (!quoted) {
                    fields.add(field.toString());
                    return fields;
                }
                if (!lines.hasNext()) {
                    throw new IllegalArgumentException(lines.source() + ":" + lineNo
                            + ": quoted field is not closed before the end of the file");
                }
                field.append('\n');
                text = lines.next();
                i = 0;
                continue;
            }
            char c = text.charAt(i++);
            if (quoted) {
                if (c == '"' && i < text.length() && text.charAt(i) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == options.delimiter()) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (wasQuoted) {
                throw new IllegalArgumentException(lines.source() + ":" + lines.lineNumber()
                        + ": text after the closing quote of a field");
            } else {
                field.append(c);
            }
        }
    }
}
