package org.seq4j;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Enforces the package edges of DEVELOPERS.md: each package imports only the packages below it. Reads the sources
 * (imports, static imports and fully qualified references) of every module, so a new package must be placed here.
 */
class LayeringTest {
    private static final String ROOT = "org.seq4j.";

    /** For each package, the seq4j packages it may use (besides itself and its own sub-packages' parents). */
    private static final Map<String, Set<String>> ALLOWED = allowed();

    private static Map<String, Set<String>> allowed() {
        List<String> stack = List.of("tensor", "autograd", "nn", "loss", "io", "train", "seq2seq", "cli");
        Map<String, Set<String>> m = new java.util.HashMap<>();
        // the main stack: everything below, where nn's sub-packages and optim sit beside their peers
        Map<String, Integer> level = new java.util.HashMap<>();
        level.put("tensor", 0);
        level.put("tensor.kernel", 0);
        level.put("autograd", 1);
        level.put("nn", 2);
        level.put("nn.recurrent", 2);
        level.put("nn.attention", 2);
        level.put("loss", 3);
        level.put("optim", 3);
        level.put("io", 4);
        level.put("train", 5);
        level.put("seq2seq", 6);
        level.put("task", 6);          // end-to-end pipelines (classify, lm, tag, forecast) that the CLI wraps
        level.put("cli", 7);
        for (var e : level.entrySet()) {
            Set<String> ok = new java.util.HashSet<>();
            for (var f : level.entrySet()) {
                if (f.getValue() < e.getValue()) {
                    ok.add(f.getKey());
                }
            }
            ok.add("text");
            ok.add("data");
            m.put(e.getKey(), ok);
        }
        m.get("tensor").add("tensor.kernel");
        m.get("tensor.kernel").clear();           // kernels know nothing of Tensor
        m.get("tensor").remove("text");
        m.get("tensor").remove("data");
        m.get("autograd").remove("text");
        m.get("autograd").remove("data");
        for (String p : List.of("nn.recurrent", "nn.attention")) {
            m.get(p).add("nn");
        }
        m.get("nn").remove("text");
        m.get("nn").remove("data");
        // text and data stand apart: they need only tensor
        m.put("text", Set.of("tensor"));
        m.put("data", Set.of("tensor", "text"));
        Set<String> bench = new java.util.HashSet<>(level.keySet());
        bench.add("text");
        bench.add("data");
        m.put("bench", bench);
        assertTrue(stack.size() > 0);
        return m;
    }

    private static final Pattern REF = Pattern.compile("\\borg\\.seq4j\\.([a-z0-9_.]*[a-z0-9_])\\.[A-Z*]");

    @Test
    void packagesImportOnlyTheLayersBelowThem() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> violations = new ArrayList<>();
        int files = 0;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> f.toString().contains("/src/main/java/org/seq4j/")).toList()) {
                files++;
                String rel = p.toString().substring(p.toString().indexOf("/org/seq4j/") + "/org/seq4j/".length());
                String pkg = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/')).replace('/', '.') : "";
                String layer = layerOf(pkg);
                if (layer == null) {
                    violations.add(rel + ": package org.seq4j." + pkg + " has no place in the layering");
                    continue;
                }
                Matcher m = REF.matcher(Files.readString(p));
                while (m.find()) {
                    String used = layerOf(m.group(1));
                    if (used == null || (!used.equals(layer) && !ALLOWED.get(layer).contains(used))) {
                        violations.add(rel + " (" + layer + ") uses org.seq4j." + m.group(1));
                    }
                }
            }
        }
        assertTrue(files > 10, "found only " + files + " sources under " + root);
        assertTrue(violations.isEmpty(), "layering violations:\n" + String.join("\n", violations));
    }

    /** The layer a package belongs to: itself if listed, else its nearest listed parent (text.bpe → text). */
    private static String layerOf(String pkg) {
        String p = pkg;
        while (!p.isEmpty()) {
            if (ALLOWED.containsKey(p)) {
                return p;
            }
            p = p.contains(".") ? p.substring(0, p.lastIndexOf('.')) : "";
        }
        return null;
    }
}
