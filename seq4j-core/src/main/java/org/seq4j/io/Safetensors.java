package org.seq4j.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.seq4j.tensor.IntTensor;
import org.seq4j.tensor.Tensor;

/**
 * The safetensors format (Hugging Face): an 8-byte little-endian header length, a JSON header naming each tensor's
 * dtype, shape and byte range, then the raw little-endian data. F32 and I32 are read and written; I64 ids are read
 * into ints when they fit. Every inconsistency (truncation, overlapping or out-of-file ranges, a shape that does not
 * match its byte count) is an {@link IOException} naming the file and the tensor, never garbage.
 */
public final class Safetensors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_HEADER = 100L << 20;

    /** The tensors of one file, in file order, and its string metadata. */
    public record Contents(Map<String, Tensor> floats, Map<String, IntTensor> ints, Map<String, String> metadata) {
        public Tensor tensor(String name) {
            Tensor t = floats.get(name);
            if (t == null) {
                throw new IllegalArgumentException("no F32 tensor '" + name + "' (have " + floats.keySet() + ")");
            }
            return t;
        }

        public IntTensor intTensor(String name) {
            IntTensor t = ints.get(name);
            if (t == null) {
                throw new IllegalArgumentException("no integer tensor '" + name + "' (have " + ints.keySet() + ")");
            }
            return t;
        }
    }

    private Safetensors() {}

    public static Contents read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        try {
            return parse(all);
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": not a valid safetensors file: " + e.getMessage(), e);
        }
    }

    private static Contents parse(byte[] all) throws IOException {
        if (all.length < 8) {
            throw new IOException("truncated: " + all.length + " bytes, no header length");
        }
        long n = ByteBuffer.wrap(all, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (n <= 0 || n > MAX_HEADER || 8 + n > all.length) {
            throw new IOException("header length " + n + " does not fit a file of " + all.length + " bytes");
        }
        JsonNode header = JSON.readTree(new String(all, 8, (int) n, StandardCharsets.UTF_8));
        int dataStart = 8 + (int) n;
        long dataLen = all.length - dataStart;
        Map<String, Tensor> floats = new LinkedHashMap<>();
        Map<String, IntTensor> ints = new LinkedHashMap<>();
        Map<String, String> meta = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("__metadata__")) {
                e.getValue().fields().forEachRemaining(m -> meta.put(m.getKey(), m.getValue().asText()));
                continue;
            }
            String name = e.getKey();
            String dtype = e.getValue().path("dtype").asText();
            JsonNode shapeNode = e.getValue().path("shape");
            int[] shape = new int[shapeNode.size()];
            long count = 1;
            for (int i = 0; i < shape.length; i++) {
                shape[i] = shapeNode.get(i).asInt(-1);
                if (shape[i] < 0) {
                    throw new IOException("tensor '" + name + "' has a bad shape " + shapeNode);
                }
                count *= shape[i];
            }
            long begin = e.getValue().path("data_offsets").path(0).asLong(-1);
            long end = e.getValue().path("data_offsets").path(1).asLong(-1);
            int width = switch (dtype) {
                case "F32", "I32" -> 4;
                case "I64" -> 8;
                default -> throw new IOException("tensor '" + name + "' has unsupported dtype " + dtype);
            };
            if (begin < 0 || end < begin || end > dataLen || end - begin != count * width) {
                throw new IOException("tensor '" + name + "' " + dtype + shapeNode + " has byte range [" + begin + ", "
                        + end + ") in a data section of " + dataLen + " bytes");
            }
            ByteBuffer buf = ByteBuffer.wrap(all, dataStart + (int) begin, (int) (end - begin))
                    .order(ByteOrder.LITTLE_ENDIAN);
            if (dtype.equals("F32")) {
                float[] v = new float[(int) count];
                buf.asFloatBuffer().get(v);
                floats.put(name, Tensor.of(v, shape));
            } else {
                int[] v = new int[(int) count];
                for (int i = 0; i < v.length; i++) {
                    v[i] = width == 4 ? buf.getInt() : Math.toIntExact(buf.getLong());
                }
                ints.put(name, IntTensor.of(v, shape));
            }
        }
        return new Contents(floats, ints, meta);
    }

    /** Writes F32 tensors in the given order with string metadata. */
    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        ObjectNode header = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode m = header.putObject("__metadata__");
            metadata.forEach(m::put);
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            ObjectNode t = header.putObject(e.getKey());
            t.put("dtype", "F32");
            var shape = t.putArray("shape");
            for (int d : e.getValue().shape().dims()) {
                shape.add(d);
            }
            long bytes = 4L * e.getValue().size();
            t.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] json = JSON.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded).array());
            out.write(json);
            out.write(" ".repeat(padded - json.length).getBytes(StandardCharsets.US_ASCII));
            for (Tensor t : tensors.values()) {
                float[] v = t.toArray();
                ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
                b.asFloatBuffer().put(v);
                out.write(b.array());
            }
        }
    }
}
