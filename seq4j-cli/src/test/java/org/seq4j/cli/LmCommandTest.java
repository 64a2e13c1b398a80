package org.seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train → evaluate --json → generate → predict → summary for lm on a short repetitive text. */
class LmCommandTest {
    @TempDir
    static Path dir;
    static Path text;
    static Path model;
    static CliRun trained;

    @BeforeAll
    static void trainOnce() throws IOException {
        text = TinyData.text(dir.resolve("text.txt"), 60);
        model = dir.resolve("lm");
        trained = CliRun.of("train", "lm", "--train", text.toString(), "--out", model.toString(), "--level", "char",
                "--embed", "8", "--hidden", "24", "--seq-len", "20", "--batch-size", "8", "--epochs", "4",
                "--lr", "0.01");
    }

    @Test
    void trainScoresTheHeldOutTenthAndSaves() {
        assertEquals(0, trained.code(), trained.err());
        assertTrue(trained.out().contains("Final scores on the held-out last 10 %: loss"), trained.out());
        assertTrue(model.resolve("model.json").toFile().isFile());
    }

    @Test
    void evaluateJsonGivesLossAndPerplexity() throws IOException {
        CliRun r = CliRun.of("evaluate", "--model", model.toString(), "--data", text.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        double loss = json.get("loss").asDouble();
        assertEquals(Math.exp(loss), json.get("perplexity").asDouble(), 1e-6 * Math.exp(loss));
        assertTrue(loss < Math.log(20), "better than uniform over the ~20 characters: " + r.out());
    }

    @Test
    void generateIsReproducibleUnderASeed() {
        String[] args = {"generate", "--model", model.toString(), "--prompt", "ROMEO:", "--tokens", "40",
                "--temperature", "0.8", "--top-k", "5", "--seed", "7"};
        CliRun a = CliRun.of(args);
        CliRun b = CliRun.of(args);
        assertEquals(0, a.code(), a.err());
        assertTrue(a.out().startsWith("ROMEO:"), a.out());
        assertTrue(a.out().strip().length() > "ROMEO:".length() + 20, a.out());
        assertEquals(a.out(), b.out());
        CliRun other = CliRun.of("generate", "lm", "--model", model.toString(), "--prompt", "ROMEO:", "--tokens",
                "40", "--seed", "8");
        assertEquals(0, other.code(), other.err());
        assertNotEquals(a.out(), other.out());
    }

    @Test
    void predictPrintsTheLikeliestNextTokens() {
        CliRun r = CliRun.withInput("the ca\nJULIET: the d\n", "predict", "--model", model.toString(), "--top", "3");
        assertEquals(0, r.code(), r.err());
        assertEquals(2, r.out().lines().count(), r.out());
        assertTrue(r.out().lines().allMatch(l -> l.split(" \\d\\.\\d{4}").length == 3), r.out());
    }

    @Test
    void summaryPrintsTheLayerTable() {
        CliRun r = CliRun.of("summary", "--model", model.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Task: lm"), r.out());
        assertTrue(r.out().contains("(LSTM)"), r.out());
    }

    @Test
    void badInputsAreOneLineAndExitTwo(@TempDir Path tmp) throws IOException {
        CliRun missing = CliRun.of("train", "lm", "--train", tmp.resolve("nope.txt").toString(), "--out",
                tmp.resolve("m").toString());
        assertEquals(2, missing.code(), missing.err());
        assertTrue(missing.oneLineError() && missing.err().contains("nope.txt"), missing.err());
        CliRun empty = CliRun.of("train", "lm", "--train", java.nio.file.Files.writeString(tmp.resolve("e.txt"),
                "  \n").toString(), "--out", tmp.resolve("m").toString());
        assertEquals(2, empty.code(), empty.err());
        assertTrue(empty.oneLineError() && empty.err().contains("e.txt"), empty.err());
        CliRun level = CliRun.of("train", "lm", "--train", text.toString(), "--out", tmp.resolve("m").toString(),
                "--level", "syllable");
        assertEquals(2, level.code(), level.err());
        assertTrue(level.oneLineError() && level.err().contains("--level"), level.err());
        CliRun topP = CliRun.of("generate", "--model", model.toString(), "--prompt", "R", "--top-p", "0");
        assertEquals(2, topP.code(), topP.err());
        assertTrue(topP.oneLineError() && topP.err().contains("top-p"), topP.err());
        assertTrue(!tmp.resolve("m").toFile().exists());
    }
}
