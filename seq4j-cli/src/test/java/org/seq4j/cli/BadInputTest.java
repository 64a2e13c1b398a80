package org.seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.seq4j.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of bad input: exit code 2, one error line naming the file (and line), nothing written. */
class BadInputTest {
    @TempDir
    static Path dir;
    static Path train;
    static Path classifier;
    static Path forecaster;

    @BeforeAll
    static void models() throws IOException {
        train = TinyData.sentiment(dir.resolve("train.tsv"), 60, 1);
        classifier = dir.resolve("classifier");
        assertEquals(0, CliRun.of("train", "classify", "--train", train.toString(), "--out", classifier.toString(),
                "--epochs", "1", "--maxlen", "8", "--embed", "4").code());
        forecaster = dir.resolve("forecaster");
        Path series = TinyData.series(dir.resolve("s.csv"), 40);
        assertEquals(0, CliRun.of("train", "forecast", "--train", series.toString(), "--out", forecaster.toString(),
                "--window", "6", "--horizon", "2", "--hidden", "4", "--epochs", "1").code());
    }

    private static CliRun trainClassify(Path data, Path out, String... more) {
        String[] base = {"train", "classify", "--train", data.toString(), "--out", out.toString(), "--epochs", "1"};
        return CliRun.of(Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new));
    }

    private static void assertBad(CliRun r, String... mentions) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.oneLineError(), "one line: " + r.err());
        for (String m : mentions) {
            assertTrue(r.err().contains(m), "'" + m + "' in " + r.err());
        }
    }

    @Test
    void aMissingFile(@TempDir Path tmp) {
        Path out = tmp.resolve("m");
        assertBad(trainClassify(tmp.resolve("nope.tsv"), out), "nope.tsv");
        assertFalse(Files.exists(out));
    }

    @Test
    void anUnknownColumn(@TempDir Path tmp) {
        Path out = tmp.resolve("m");
        assertBad(trainClassify(train, out, "--text-column", "review"), "train.tsv", "review");
        assertFalse(Files.exists(out));
    }

    @Test
    void anEmptyDataset(@TempDir Path tmp) throws IOException {
        Path empty = Files.writeString(tmp.resolve("empty.tsv"), "label\ttext\n");
        Path out = tmp.resolve("m");
        assertBad(trainClassify(empty, out), "empty.tsv", "empty");
        assertFalse(Files.exists(out));
    }

    @Test
    void aClassNeverSeenInTrainingNamesFileAndLine(@TempDir Path tmp) throws IOException {
        Path valid = Files.writeString(tmp.resolve("valid.tsv"), "label\ttext\npos\tgreat\nmeh\tso so\n");
        Path out = tmp.resolve("m");
        assertBad(trainClassify(train, out, "--valid", valid.toString()), "valid.tsv:3", "meh");
        assertFalse(Files.exists(out));
        assertBad(CliRun.of("evaluate", "--model", classifier.toString(), "--data", valid.toString()),
                "valid.tsv:3");
    }

    @Test
    void aValueThatIsNotANumberNamesFileAndLine(@TempDir Path tmp) throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.csv"), "month,value\n1,10\n2,eleven\n3,12\n");
        Path out = tmp.resolve("m");
        assertBad(CliRun.of("train", "forecast", "--train", bad.toString(), "--out", out.toString()),
                "bad.csv:3", "eleven");
        assertFalse(Files.exists(out));
    }

    @Test
    void aModelOfAnotherTask() {
        assertBad(CliRun.of("evaluate", "classify", "--model", forecaster.toString(), "--data", train.toString()),
                "forecaster", "forecast model");
        assertBad(CliRun.of("predict", "forecast", "--model", classifier.toString(), "--text", "1"),
                "classifier", "classify model");
        assertBad(CliRun.of("summary", "forecast", "--model", classifier.toString()), "classify model");
    }

    @Test
    void notAModelDirectory(@TempDir Path tmp) {
        assertBad(CliRun.of("evaluate", "--model", tmp.toString(), "--data", train.toString()), tmp.toString());
    }

    @Test
    void badUsage() {
        assertBad(CliRun.of("train", "classify", "--train", train.toString()), "--out");
        assertBad(CliRun.of("train", "classify", "--train", train.toString(), "--out", "x", "--epochs", "many"),
                "--epochs");
        assertBad(CliRun.of("train", "classify", "--train", train.toString(), "--out", "x", "--arch", "cnn"),
                "--arch");
        assertBad(CliRun.of("frobnicate"));
        assertBad(CliRun.of("generate", "--model", classifier.toString(), "--prompt", "hi"), "classify model",
                "generate");
        assertEquals(2, CliRun.of().code());
        assertEquals(2, CliRun.of("train").code());
    }

    @Test
    void aRunThatFailsExitsWithOne() {
        Task failing = new Task() {
            public String name() {
                return "classify";
            }

            public String description() {
                return "fails";
            }

            public java.util.List<org.seq4j.task.TaskOption> options(Command command) {
                return java.util.List.of();
            }

            public TrainResult train(TrainRequest request) {
                throw new ArithmeticException("the loss became NaN at epoch 2");
            }

            public Map<String, Double> evaluate(EvaluateRequest request) {
                return Map.of();
            }

            public java.util.List<String> predict(PredictRequest request) {
                return java.util.List.of();
            }
        };
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = Main.run(new String[] {"train", "classify", "--train", "t.tsv", "--out", "m"},
                Map.of("classify", failing), new PrintStream(java.io.OutputStream.nullOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), InputStream.nullInputStream());
        assertEquals(1, code);
        assertEquals("seq4j: ArithmeticException: the loss became NaN at epoch 2",
                err.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void verboseAddsTheStackTrace() {
        CliRun r = CliRun.of("train", "classify", "--train", "nope.tsv", "--out", "x", "--verbose");
        assertEquals(2, r.code());
        assertTrue(r.err().lines().count() > 1, r.err());
        assertTrue(r.err().contains("\tat "), r.err());
    }

    @Test
    void theOldModelStaysWholeWhenRetrainingFails() throws IOException {
        String before = Files.readString(classifier.resolve("model.json"));
        assertBad(trainClassify(dir.resolve("missing.tsv"), classifier), "missing.tsv");
        assertEquals(before, Files.readString(classifier.resolve("model.json")));
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary leftovers");
        }
    }
}
