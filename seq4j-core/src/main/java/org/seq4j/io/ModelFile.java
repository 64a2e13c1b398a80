package org.seq4j.io;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.seq4j.autograd.Variable;
import org.seq4j.nn.Layer;
import org.seq4j.nn.LayerFactory;
import org.seq4j.tensor.Tensor;

/**
 * A saved model is a directory: {@code model.json} (the architecture: the network's config records, each tagged
 * with its type, plus free-form string metadata such as the task or the tokenizer), {@code weights.safetensors}
 * (every weight by its path) and optionally {@code optimizer.safetensors} (the optimizer's state, so training
 * resumes where it stopped). It is written under a temporary name and moved into place, so a crash never leaves a
 * half-written model; loading checks that every weight is present with its shape and nothing else is.
 */
public final class ModelFile {
    public static final String FORMAT = "seq4j-model v1";
    private static final ObjectMapper JSON = mapper();

    /** What a model directory holds once read. */
    public record Loaded(Layer network, Map<String, Tensor> optimizerState, Map<String, String> metadata) {}

    /** Tags every config record with its class, so nested layer configs (Sequential, Bidirectional) round-trip. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS, property = "@type")
    private interface TypedRecord {}

    private ModelFile() {}

    private static ObjectMapper mapper() {
        ObjectMapper m = new ObjectMapper();
        m.addMixIn(Record.class, TypedRecord.class);
        // only seq4j's own classes may be named in a model file: a file must never choose what gets instantiated
        m.setPolymorphicTypeValidator(BasicPolymorphicTypeValidator.builder().allowIfSubType("org.seq4j.").build());
        m.enable(SerializationFeature.INDENT_OUTPUT);
        return m;
    }

    public static void save(Path dir, Layer network, Map<String, Tensor> optimizerState, Map<String, String> metadata)
            throws IOException {
        Path parent = dir.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, "." + dir.getFileName() + ".tmp");
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.set("metadata", JSON.valueToTree(metadata));
        root.set("network", JSON.readTree(JSON.writerFor(Record.class).writeValueAsString(network.config())));
        Files.writeString(tmp.resolve("model.json"), JSON.writeValueAsString(root));
        Map<String, Tensor> weights = new LinkedHashMap<>();
        network.weights().forEach((k, v) -> weights.put(k, v.value()));
        Safetensors.write(tmp.resolve("weights.safetensors"), weights, Map.of("format", FORMAT));
        if (!optimizerState.isEmpty()) {
            Safetensors.write(tmp.resolve("optimizer.safetensors"), optimizerState, Map.of("format", FORMAT));
        }
        replace(tmp, dir);
    }

    public static Loaded load(Path dir) throws IOException {
        Path json = dir.resolve("model.json");
        if (!Files.isRegularFile(json)) {
            throw new IOException(dir + ": not a seq4j model directory (no model.json)");
        }
        JsonNode root;
        Record config;
        try {
            root = JSON.readTree(Files.readString(json));
            if (!FORMAT.equals(root.path("format").asText())) {
                throw new IOException("unknown format '" + root.path("format").asText() + "'");
            }
            config = JSON.readerFor(Record.class).readValue(root.get("network"));
        } catch (IOException | RuntimeException e) {
            throw new IOException(json + ": unreadable model architecture: " + e.getMessage(), e);
        }
        Layer network;
        try {
            network = LayerFactory.create(config, new SplittableRandom(0));
        } catch (RuntimeException e) {
            throw new IOException(json + ": cannot rebuild the network: " + e.getMessage(), e);
        }
        Map<String, Tensor> stored = Safetensors.read(dir.resolve("weights.safetensors")).floats();
        for (Map.Entry<String, Variable> w : network.weights().entrySet()) {
            Tensor t = stored.get(w.getKey());
            if (t == null || !t.shape().equals(w.getValue().shape())) {
                throw new IOException(dir.resolve("weights.safetensors") + ": weight '" + w.getKey() + "' "
                        + (t == null ? "is missing" : "has shape " + t.shape() + ", expected " + w.getValue().shape()));
            }
            w.getValue().assign(t);
        }
        if (stored.size() != network.weights().size()) {
            throw new IOException(dir.resolve("weights.safetensors") + ": holds " + stored.size()
                    + " tensors but the network has " + network.weights().size() + " weights");
        }
        Path opt = dir.resolve("optimizer.safetensors");
        Map<String, Tensor> optimizer = Files.exists(opt) ? Safetensors.read(opt).floats() : Map.of();
        Map<String, String> metadata = new LinkedHashMap<>();
        root.path("metadata").fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
        return new Loaded(network, optimizer, metadata);
    }

    /** Moves the finished temporary directory into place, replacing an older model of the same name. */
    private static void replace(Path tmp, Path dir) throws IOException {
        if (Files.exists(dir)) {
            Path old = dir.resolveSibling("." + dir.getFileName() + ".old" + System.nanoTime());
            Files.move(dir, old);
            move(tmp, dir);
            deleteTree(old);
        } else {
            move(tmp, dir);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        try (var s = Files.walk(p)) {
            for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
