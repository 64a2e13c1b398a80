package org.seq4j.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.seq4j.tensor.IntTensor;
import org.seq4j.tensor.Tensor;

/**
 * Reads IDX files (MNIST / Fashion-MNIST; gzip read transparently): a big-endian header (two zero bytes, a type
 * byte, the number of dimensions, then each dimension as int32) and the unsigned bytes, row-major. Images come back
 * as a float tensor (N, rows, cols), labels as an int tensor (N). A wrong magic, a short file or trailing bytes are
 * errors naming the file.
 */
public final class IdxReader {
    private static final int UNSIGNED_BYTE = 0x08;

    private IdxReader() {
    }

    /** Pixel values as stored (0..255) or scaled to [0, 1]. */
    public enum Scale { RAW, UNIT }

    /**
     * @param limit read at most this many items (the first ones); the rest of the file is not checked
     * @param scale how image bytes become floats
     */
    public record Options(int limit, Scale scale) {
        public static Options defaults() {
            return new Options(Integer.MAX_VALUE, Scale.UNIT);
        }

        public static Options first(int limit) {
            return new Options(limit, Scale.UNIT);
        }
    }

    /** Images and their labels, aligned. */
    public record Dataset(Tensor images, IntTensor labels) {
    }

    /** An images file and a labels file of the same length. */
    public static Dataset read(Path images, Path labels, Options options) throws IOException {
        Tensor x = readImages(images, options);
        IntTensor y = readLabels(labels, options);
        if (x.shape().dim(0) != y.shape().dim(0)) {
            throw new IOException(images + " has " + x.shape().dim(0) + " images but " + labels + " has "
                    + y.shape().dim(0) + " labels");
        }
        return new Dataset(x, y);
    }

    /** The dimensions in the header of {@code file} (e.g. [60000, 28, 28]). */
    public static int[] dims(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(DataFiles.open(file))) {
            return header(in, file);
        }
    }

    /** A rank-3 IDX file of unsigned bytes as (N, rows, cols) floats. */
    public static Tensor readImages(Path file, Options options) throws IOException {
        Pixels p = readPixels(file, options);
        return Tensor.of(p.values(), p.count(), p.rows(), p.cols()); // (N, rows, cols)
    }

    /** Row-major pixel values of {@code count} images: what {@link #readImages} wraps in a tensor. */
    record Pixels(float[] values, int count, int rows, int cols) {
    }

    static Pixels readPixels(Path file, Options options) throws IOException {
        try (DataInputStream in = new DataInputStream(DataFiles.open(file))) {
            int[] dims = header(in, file);
            if (dims.length != 3) {
                throw new IOException(file + ": images need 3 dimensions, header has " + Arrays.toString(dims));
            }
            int n = Math.min(dims[0], options.limit());
            long size = (long) n * dims[1] * dims[2];
            if (size > Integer.MAX_VALUE - 8) {
                throw new IOException(file + ": " + n + " images do not fit in one tensor; use Options.limit");
            }
            byte[] raw = readBody(in, (int) size, file, n + " images of " + dims[1] + "x" + dims[2]);
            if (n == dims[0]) {
                requireEnd(in, file);
            }
            float scale = options.scale() == Scale.UNIT ? 1f / 255f : 1f;
            float[] pixels = new float[raw.length];
            for (int i = 0; i < raw.length; i++) {
                pixels[i] = (raw[i] & 0xFF) * scale;
            }
            return new Pixels(pixels, n, dims[1], dims[2]);
        }
    }

    /** A rank-1 IDX file of unsigned bytes as (N) ints. */
    public static IntTensor readLabels(Path file, Options options) throws IOException {
        try (DataInputStream in = new DataInputStream(DataFiles.open(file))) {
            int[] dims = header(in, file);
            if (dims.length != 1) {
                throw new IOException(file + ": labels need 1 dimension, header has " + Arrays.toString(dims));
            }
            int n = Math.min(dims[0], options.limit());
            byte[] raw = readBody(in, n, file, n + " labels");
            if (n == dims[0]) {
                requireEnd(in, file);
            }
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = raw[i] & 0xFF;
            }
            return IntTensor.of(labels, n); // (N)
        }
    }

    private static int[] header(DataInputStream in, Path file) throws IOException {
        try {
            int magic = in.readInt();
            int type = (magic >>> 8) & 0xFF;
            int rank = magic & 0xFF;
            if ((magic >>> 16) != 0 || type != UNSIGNED_BYTE || rank < 1 || rank > 4) {
                throw new IOException(file + ": not an unsigned-byte IDX file (magic 0x"
                        + Integer.toHexString(magic) + ")");
            }
            int[] dims = new int[rank];
            for (int i = 0; i < rank; i++) {
                dims[i] = in.readInt();
                if (dims[i] < 0) {
                    throw new IOException(file + ": negative dimension " + dims[i]);
                }
            }
            return dims;
        } catch (EOFException e) {
            throw new IOException(file + ": file ends inside the IDX header", e);
        }
    }

    private static byte[] readBody(DataInputStream in, int size, Path file, String what) throws IOException {
        byte[] raw = new byte[size];
        try {
            in.readFully(raw);
        } catch (EOFException e) {
            throw new IOException(file + ": file is truncated, expected " + what, e);
        }
        return raw;
    }

    private static void requireEnd(DataInputStream in, Path file) throws IOException {
        if (in.read() != -1) {
            throw new IOException(file + ": unexpected bytes after the data the header announces");
        }
    }
}
