package org.seq4j.text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a small UTF-8 file, split on {@code \n} only (a trailing {@code \r} is dropped), each decoded
 * strictly so that a bad byte is reported with its line number (a buffered Reader fails a whole block ahead).
 * Here rather than in {@code org.seq4j.data} because the text packages need only the tensor layer; shared by the
 * BPE and WordPiece file loaders.
 */
public final class Utf8Lines {
    private Utf8Lines() {
    }

    public static List<String> read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            int stop = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
            try {
                lines.add(decoder.decode(ByteBuffer.wrap(bytes, start, stop - start)).toString());
            } catch (CharacterCodingException e) {
                throw new IOException(file + ":" + (lines.size() + 1) + ": invalid UTF-8", e);
            }
            start = end + 1;
        }
        return lines;
    }
}
