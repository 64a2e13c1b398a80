package org.seq4j.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Plain text for language modelling, streamed (the file is never held whole): as code points (character-level) or
 * as whitespace-separated words (word-level). Strict UTF-8: a bad byte is an error naming file and line.
 * Close the returned streams.
 */
public final class LmText {
    private LmText() {
    }

    /** The code points of {@code file}; each {@code \n} (or {@code \r\n}) line end comes back as {@code '\n'}. */
    public static IntStream codePoints(Path file) throws IOException {
        LineReader lines = LineReader.open(file);
        return lines.stream()
                .flatMapToInt(line -> IntStream.concat(line.codePoints(),
                        lines.hasNext() || lines.endedWithNewline() ? IntStream.of('\n') : IntStream.empty()))
                .onClose(lines::closeQuietlyForStream);
    }

    /** The words of {@code file}: runs of non-whitespace, in order, line ends ignored. */
    public static Stream<String> words(Path file) throws IOException {
        LineReader lines = LineReader.open(file);
        return lines.stream()
                .flatMap(line -> Arrays.stream(line.trim().split("\\s+")).filter(w -> !w.isEmpty()))
                .onClose(lines::closeQuietlyForStream);
    }
}
