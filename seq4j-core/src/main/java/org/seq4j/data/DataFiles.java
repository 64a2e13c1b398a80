package org.seq4j.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens data files, decompressing gzip transparently (recognised by its magic bytes, whatever the name). */
public final class DataFiles {
    private static final int BUFFER = 1 << 16;

    private DataFiles() {
    }

    /**
     * The bytes of {@code file}, gunzipped if it starts with the gzip magic {@code 1f 8b}. A file named {@code .gz}
     * that is not gzip is an error rather than being read as if it were text.
     */
    public static InputStream open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        try {
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                return new GZIPInputStream(in, BUFFER);
            }
            if (file.getFileName().toString().endsWith(".gz")) {
                throw new IOException(file + ": named .gz but does not start with the gzip magic bytes");
            }
            return in;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }
}
