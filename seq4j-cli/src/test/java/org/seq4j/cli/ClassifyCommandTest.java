package org.seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train → evaluate --json → predict → summary for classify on a tiny separable corpus, trained once. */
class ClassifyCommandTest {
    @TempDir
    static Path dir;
    static Path train;
    static Path valid;
    static Path model;
    static CliRun trained;

    @BeforeAll
    static void trainOnce() throws IOException {
        train = TinyData.sentiment(dir.resolve("train.tsv"), 300, 1);
        valid = TinyData.sentiment(dir.resolve("valid.tsv"), 80, 2);
        model = dir.resolve("model");
        trained = CliRun.of("train", "classify", "--train", train.toString(), "--valid", valid.toString(),
                "--out", model.toString(), "--epochs", "4", "--maxlen", "20", "--embed", "8", "--lr", "0.03",
                "--plot", dir.resolve("curves.png").toString());
    }

    @Test
    void trainPrintsEpochsAFinalSummaryAndSavesTheModelAndPlot() throws IOException {
        assertEquals(0, trained.code(), trained.err());
        assertTrue(trained.out().contains("Epoch 4/4"), trained.out());
        assertTrue(trained.out().contains("val_accuracy"), trained.out());
        assertTrue(trained.out().contains("Final scores on validation data: accuracy"), trained.out());
        assertTrue(Files.isRegularFile(model.resolve("task.json")));
        assertTrue(Files.isRegularFile(model.resolve("tokenizer.json")));
        Path png = dir.resolve("curves.png");
        assertTrue(Files.size(png) > 1000, "plot size " + Files.size(png));
        byte[] head = Files.readAllBytes(png);
        assertEquals((byte) 0x89, head[0]);
        assertEquals('P', head[1]);
    }

    @Test
    void evaluateJsonIsOneObjectOfTheScores() throws IOException {
        CliRun r = CliRun.of("evaluate", "--model", model.toString(), "--data", valid.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.out().strip().lines().count(), r.out());
        JsonNode json = new ObjectMapper().readTree(r.out());
        for (String k : new String[] {"accuracy", "precision", "recall", "f1", "loss"}) {
            assertTrue(json.has(k), k + " in " + r.out());
        }
        assertTrue(json.get("accuracy").asDouble() > 0.9, r.out());
        CliRun explicit = CliRun.of("evaluate", "classify", "--model", model.toString(), "--data", valid.toString());
        assertEquals(0, explicit.code(), explicit.err());
        assertTrue(explicit.out().contains("accuracy"), explicit.out());
    }

    @Test
    void predictReadsTextOrStdin() {
        CliRun one = CliRun.of("predict", "--model", model.toString(), "--text", "a wonderful great film");
        assertEquals(0, one.code(), one.err());
        assertTrue(one.out().startsWith("pos\t"), one.out());
        CliRun lines = CliRun.withInput("awful boring plot\nwonderful moving scene\n", "predict", "classify",
                "--model", model.toString());
        assertEquals(0, lines.code(), lines.err());
        assertEquals(2, lines.out().lines().count(), lines.out());
        assertTrue(lines.out().lines().toList().get(0).startsWith("neg\t"), lines.out());
    }

    @Test
    void summaryPrintsTheLayerTable() {
        CliRun r = CliRun.of("summary", "--model", model.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Total params"), r.out());
        assertTrue(r.out().contains("embedding"), r.out());
    }

    @Test
    void aRecurrentArchitectureFromFlagsAndFromASpecFile() throws IOException {
        Path spec = Files.writeString(dir.resolve("spec.json"), "{\"arch\": \"gru\", \"hidden\": 6, \"embed\": 6}");
        CliRun r = CliRun.of("train", "classify", "--train", train.toString(), "--out", dir.resolve("gru").toString(),
                "--spec", spec.toString(), "--bidirectional", "--epochs", "1", "--maxlen", "12",
                "--validation-split", "0.2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("val_accuracy"), r.out());
        assertTrue(r.out().contains("Final scores on the last 60 training rows (held out)"), r.out());
        CliRun s = CliRun.of("summary", "classify", "--model", dir.resolve("gru").toString());
        assertTrue(s.out().contains("bidirectional"), s.out());
        assertTrue(s.out().contains("gru"), s.out());
    }
}
