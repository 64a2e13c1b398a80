package org.seq4j.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams the lines of a UTF-8 (optionally gzip'd) file. Lines end at {@code \n} only; a {@code \r} before it is
 * dropped. Nothing else breaks a line: U+0085, U+2028 and a lone {@code \r} stay inside (IMDB reviews hold U+0085,
 * which {@code Scanner} and Python's {@code splitlines} would break on). Each line is decoded strictly, so invalid
 * UTF-8 is an error naming the file and line instead of a silent U+FFFD.
 */
public final class LineReader implements Iterator<String>, Closeable {
    private final InputStream in;
    private final String source;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int limit;
    private byte[] line = new byte[256];
    private long lineNumber;
    private String next;
    private boolean endedWithNewline = true;

    /** Reads {@code file}, gunzipping it if it is gzip. */
    public static LineReader open(Path file) throws IOException {
        return new LineReader(DataFiles.open(file), file.toString());
    }

    /** Reads {@code in}; {@code source} names it in error messages. */
    public LineReader(InputStream in, String source) {
        this.in = in;
        this.source = source;
    }

    /** The lines as a stream that closes the file when the stream is closed. */
    public Stream<String> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(this::closeQuietly);
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = readLine();
        }
        return next != null;
    }

    @Override
    public String next() {
        if (!hasNext()) {
            throw new NoSuchElementException(source + ": no more lines");
        }
        String out = next;
        next = null;
        return out;
    }

    /** 1-based number of the line last returned by {@link #next}. */
    public long lineNumber() {
        return next == null ? lineNumber : lineNumber - 1;
    }

    /** The file name given to errors. */
    public String source() {
        return source;
    }

    /** Whether the last line read was followed by {@code \n} (false for a file whose last line is unterminated). */
    public boolean endedWithNewline() {
        return endedWithNewline;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private String readLine() {
        int length = 0;
        boolean any = false;
        while (true) {
            if (pos == limit && !fill()) {
                if (!any) {
                    return null;
                }
                endedWithNewline = false;
                break;
            }
            any = true;
            int start = pos;
            while (pos < limit && buffer[pos] != '\n') {
                pos++;
            }
            length = append(length, start, pos);
            if (pos < limit) {
                pos++; // the '\n'
                endedWithNewline = true;
                break;
            }
        }
        lineNumber++;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        try {
            return decoder.decode(ByteBuffer.wrap(line, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw new UncheckedIOException(new IOException(source + ":" + lineNumber + ": invalid UTF-8", e));
        }
    }

    private int append(int length, int from, int to) {
        int n = to - from;
        if (length + n > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
        }
        System.arraycopy(buffer, from, line, length, n);
        return length + n;
    }

    private boolean fill() {
        try {
            int n = in.read(buffer, 0, buffer.length);
            pos = 0;
            limit = Math.max(n, 0);
            return n > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(source + ":" + (lineNumber + 1) + ": " + e.getMessage(), e);
        }
    }

    /** Closes, turning an I/O error into an unchecked one: for {@code Stream.onClose}. */
    void closeQuietlyForStream() {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
