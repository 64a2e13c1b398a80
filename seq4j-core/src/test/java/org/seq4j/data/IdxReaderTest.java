package org.seq4j.data;

import org.seq4j.fixtures.SharedPaths;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seq4j.tensor.Shape;

class IdxReaderTest {
    private static final Path DIR = SharedPaths.data("images/fashion_mnist");

    @TempDir
    Path tmp;

    @Test
    void fashionMnistLabelsAndFirstImages() throws IOException {
        Path images = DIR.resolve("train-images-idx3-ubyte.gz");
        Path labels = DIR.resolve("train-labels-idx1-ubyte.gz");
        assertArrayEquals(new int[] {60_000, 28, 28}, IdxReader.dims(images));
        var all = IdxReader.readLabels(labels, IdxReader.Options.defaults());
        assertEquals(Shape.of(60_000), all.shape());
        int[] firstTen = java.util.Arrays.copyOf(all.toArray(), 10);
        assertArrayEquals(new int[] {9, 0, 0, 3, 0, 2, 7, 2, 5, 5}, firstTen);
        var data = IdxReader.read(images, labels, new IdxReader.Options(100, IdxReader.Scale.RAW));
        assertEquals(Shape.of(100, 28, 28), data.images().shape());
        assertEquals(Shape.of(100), data.labels().shape());
        var unit = IdxReader.readImages(images, IdxReader.Options.first(1));
        assertEquals(Shape.of(1, 28, 28), unit.shape());
        // The first training image (an ankle boot): its raw pixels sum to 76,247 and reach 255.
        float[] raw = IdxReader.readPixels(images, new IdxReader.Options(1, IdxReader.Scale.RAW)).values();
        double sum = 0;
        float max = 0;
        for (float v : raw) {
            sum += v;
            max = Math.max(max, v);
        }
        assertEquals(76_247, sum);
        assertEquals(255f, max);
        float[] scaled = IdxReader.readPixels(images, IdxReader.Options.first(1)).values();
        assertEquals(1f, scaled[java.util.stream.IntStream.range(0, 784).filter(i -> raw[i] == 255f).findFirst()
                .orElseThrow()], 1e-6f);
    }

    @Test
    void truncatedAndWrongMagicAreErrors() throws IOException {
        Path truncated = gzip("short.gz", new byte[] {0, 0, 8, 1, 0, 0, 0, 5, 1, 2});
        var e = assertThrows(IOException.class, () -> IdxReader.readLabels(truncated, IdxReader.Options.defaults()));
        assertTrue(e.getMessage().contains("short.gz") && e.getMessage().contains("truncated"), e.getMessage());
        Path magic = gzip("magic.gz", new byte[] {1, 2, 3, 4, 0, 0, 0, 0});
        assertThrows(IOException.class, () -> IdxReader.readLabels(magic, IdxReader.Options.defaults()));
        Path images = DIR.resolve("train-images-idx3-ubyte.gz");
        assertThrows(IOException.class, () -> IdxReader.readLabels(images, IdxReader.Options.first(1)));
    }

    private Path gzip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(bytes)) {
            gz.write(content);
        }
        return Files.write(tmp.resolve(name), bytes.toByteArray());
    }
}
