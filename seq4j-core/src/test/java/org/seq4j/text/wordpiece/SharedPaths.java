package org.seq4j.text.wordpiece;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared data and fixtures live: beside the repository, read in place (never copied in). */
final class SharedPaths {
    private SharedPaths() {
    }

    /** {@code ../shared/data/<relative>} from the repository root. */
    static Path data(String relative) {
        return repoRoot().resolve("../shared/data").resolve(relative).normalize();
    }

    /** The text-ref fixtures: {@code -Dseq4j.fixtures=DIR} gives {@code DIR/text-ref}, else {@code ../shared/fixtures/text-ref}. */
    static Path textRef(String file) {
        String override = System.getProperty("seq4j.fixtures");
        Path dir = override != null ? Path.of(override, "text-ref")
                : repoRoot().resolve("../shared/fixtures/text-ref").normalize();
        return dir.resolve(file);
    }

    /** The nearest directory upwards holding DEVELOPERS.md (tests run in the module directory). */
    static Path repoRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("DEVELOPERS.md"))) {
                return p;
            }
        }
        throw new IllegalStateException("no DEVELOPERS.md above " + Path.of("").toAbsolutePath());
    }
}
