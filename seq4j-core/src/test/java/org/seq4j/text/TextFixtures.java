package org.seq4j.text;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the shared reference fixtures: {@code -Dseq4j.fixtures=DIR} if set, else {@code ../shared/fixtures}
 * beside the repository root (the directory holding DEVELOPERS.md). They are read in place, never copied.
 */
public final class TextFixtures {
    public static final ObjectMapper JSON = new ObjectMapper();

    private TextFixtures() {
    }

    /** {@code <fixtures>/<group>}, failing the test with a clear message when it is missing. */
    public static Path group(String group) {
        String prop = System.getProperty("seq4j.fixtures");
        Path base = prop != null ? Path.of(prop) : repoRoot().resolve("../shared/fixtures").normalize();
        Path dir = base.resolve(group);
        if (!Files.isDirectory(dir)) {
            fail("fixtures not found at " + dir.toAbsolutePath() + ": check out ../shared beside the repository"
                    + " or pass -Dseq4j.fixtures=<dir>");
        }
        return dir;
    }

    private static Path repoRoot() {
        Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path q = p; q != null; q = q.getParent()) {
            if (Files.exists(q.resolve("DEVELOPERS.md"))) {
                return q;
            }
        }
        return p;
    }

    /** The files of a group whose names end with {@code suffix}, sorted by name. */
    public static List<Path> files(String group, String suffix) {
        try (Stream<Path> s = Files.list(group(group))) {
            return s.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One JSON object per line (JSON Lines); only '\n' separates records. */
    public static List<JsonNode> readLines(Path file) {
        try {
            List<JsonNode> out = new ArrayList<>();
            for (String line : Files.readString(file).split("\n")) {
                if (!line.isBlank()) {
                    out.add(JSON.readTree(line));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    public static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    public static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
