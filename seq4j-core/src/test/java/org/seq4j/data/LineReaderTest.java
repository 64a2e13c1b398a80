package org.seq4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineReaderTest {
    @TempDir
    Path tmp;

    private List<String> lines(Path file) throws IOException {
        try (var s = LineReader.open(file).stream()) {
            return s.toList();
        }
    }

    @Test
    void splitsOnNewlineOnlyAndToleratesCrLf() throws IOException {
        Path f = Files.writeString(tmp.resolve("a.txt"), "one\u0085two\r\nthree\u2028x\rrest\n\nlast");
        assertEquals(List.of("one\u0085two", "three\u2028x\rrest", "", "last"), lines(f));
    }

    @Test
    void jdkLineSplittersDisagreeOnU0085AndLoneCr() throws IOException {
        // The claims in the IMDB README, checked: readLine and Files.lines keep U+0085 (but split on a lone \r),
        // Scanner.nextLine splits on U+0085. LineReader splits on \n only.
        String text = "a\u0085b\rc\n";
        try (var r = new java.io.BufferedReader(new java.io.StringReader(text))) {
            assertEquals("a\u0085b", r.readLine());
        }
        Path f = Files.writeString(tmp.resolve("nel.txt"), text);
        try (var lines = Files.lines(f)) {
            assertEquals(List.of("a\u0085b", "c"), lines.toList());
        }
        try (var s = new java.util.Scanner(text)) {
            assertEquals("a", s.nextLine());
        }
        assertEquals(List.of("a\u0085b\rc"), lines(f));
    }

    @Test
    void linesLongerThanTheBufferKeepTheirMultiByteCharacters() throws IOException {
        String longLine = "é€😀x".repeat(40_000); // 400,000 bytes: several buffer refills inside characters
        Path f = Files.writeString(tmp.resolve("long.txt"), "a\n" + longLine + "\r\nb");
        assertEquals(List.of("a", longLine, "b"), lines(f));
    }

    @Test
    void invalidUtf8NamesFileAndLine() throws IOException {
        Path f = tmp.resolve("bad.txt");
        Files.write(f, new byte[] {'o', 'k', '\n', 'f', 'i', 'n', 'e', '\n', 'b', (byte) 0xE9, 'd', '\n'});
        var e = assertThrows(UncheckedIOException.class, () -> lines(f));
        assertTrue(e.getMessage().contains("bad.txt:3") && e.getMessage().contains("invalid UTF-8"), e.getMessage());
    }

    @Test
    void gzipIsRecognisedByMagicBytes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(bytes)) {
            gz.write("hello\nworld\n".getBytes(StandardCharsets.UTF_8));
        }
        Path f = Files.write(tmp.resolve("no-extension"), bytes.toByteArray());
        assertEquals(List.of("hello", "world"), lines(f));
        Path fake = Files.writeString(tmp.resolve("fake.gz"), "plain text");
        var e = assertThrows(IOException.class, () -> LineReader.open(fake));
        assertTrue(e.getMessage().contains("fake.gz"), e.getMessage());
    }
}
