package org.seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train → evaluate --json → predict → summary for tag, on tiny CoNLL-U (UPOS) and BIO (entities) files. */
class TagCommandTest {
    @TempDir
    static Path dir;
    static Path conllu;
    static Path bio;
    static Path pos;
    static Path ner;
    static Path classifier;
    static CliRun trainedPos;
    static CliRun trainedNer;

    @BeforeAll
    static void trainOnce() throws IOException {
        conllu = TinyData.conllu(dir.resolve("train.conllu"), 40, 1);
        Path dev = TinyData.conllu(dir.resolve("dev.conllu"), 10, 2);
        pos = dir.resolve("pos");
        trainedPos = CliRun.of("train", "tag", "--train", conllu.toString(), "--valid", dev.toString(), "--out",
                pos.toString(), "--embed", "8", "--hidden", "8", "--epochs", "8", "--lr", "0.02", "--batch-size", "8");
        bio = TinyData.bio(dir.resolve("train.bio"), 40, 3);
        ner = dir.resolve("ner");
        trainedNer = CliRun.of("train", "tag", "--format", "bio", "--train", bio.toString(), "--out", ner.toString(),
                "--embed", "8", "--hidden", "8", "--epochs", "8", "--lr", "0.02", "--batch-size", "8");
        Path sentiment = TinyData.sentiment(dir.resolve("s.tsv"), 40, 1);
        classifier = dir.resolve("classifier");
        assertEquals(0, CliRun.of("train", "classify", "--train", sentiment.toString(), "--out",
                classifier.toString(), "--epochs", "1", "--maxlen", "8", "--embed", "4").code());
    }

    @Test
    void trainOnConlluScoresTheValidationData() {
        assertEquals(0, trainedPos.code(), trainedPos.err());
        assertTrue(trainedPos.out().contains("Final scores on validation data: accuracy"), trainedPos.out());
    }

    @Test
    void evaluateJsonGivesTokenAccuracy() throws IOException {
        CliRun r = CliRun.of("evaluate", "--model", pos.toString(), "--data", conllu.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertTrue(json.get("accuracy").asDouble() > 0.8, r.out());
        assertTrue(!json.has("f1"), r.out());
    }

    @Test
    void evaluateBioGivesEntityScores() throws IOException {
        assertEquals(0, trainedNer.code(), trainedNer.err());
        CliRun r = CliRun.of("evaluate", "tag", "--model", ner.toString(), "--data", bio.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        for (String k : new String[] {"accuracy", "precision", "recall", "f1"}) {
            assertTrue(json.has(k), k + " in " + r.out());
        }
        assertTrue(json.get("f1").asDouble() > 0.5, r.out());
    }

    @Test
    void predictTagsEachTokenOfStdinOrText() {
        CliRun r = CliRun.withInput("the big cat sees a red dog .\nthe mat\n", "predict", "--model", pos.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(2, r.out().lines().count(), r.out());
        assertTrue(r.out().startsWith("the/DET big/ADJ cat/NOUN sees/VERB"), r.out());
        CliRun t = CliRun.of("predict", "tag", "--model", ner.toString(), "--text", "Bob Smith went to Oslo .");
        assertEquals(0, t.code(), t.err());
        assertEquals("Bob/B-PER Smith/I-PER went/O to/O Oslo/B-LOC ./O", t.out().strip());
    }

    @Test
    void summaryPrintsTheLayerTable() {
        CliRun r = CliRun.of("summary", "--model", pos.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Task: tag"), r.out());
    }

    private static void assertBad(CliRun r, String... mentions) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.oneLineError(), "one line: " + r.err());
        for (String m : mentions) {
            assertTrue(r.err().contains(m), "'" + m + "' in " + r.err());
        }
    }

    @Test
    void badInputsAreOneLineAndExitTwo(@TempDir Path tmp) {
        Path out = tmp.resolve("m");
        assertBad(CliRun.of("train", "tag", "--train", tmp.resolve("nope.conllu").toString(), "--out",
                out.toString()), "nope.conllu");
        assertBad(CliRun.of("train", "tag", "--train", conllu.toString(), "--out", out.toString(), "--column",
                "lemma"), "--column", "lemma");
        assertBad(CliRun.of("train", "tag", "--train", conllu.toString(), "--out", out.toString(), "--column",
                "xpos"), "train.conllu", "XPOS");
        assertBad(CliRun.of("evaluate", "tag", "--model", classifier.toString(), "--data", conllu.toString()),
                "classify model", "tag");
        assertBad(CliRun.of("generate", "--model", classifier.toString(), "--prompt", "hi"), "classify model");
        assertBad(CliRun.of("generate", "lm", "--model", pos.toString(), "--prompt", "hi"), "tag model");
        assertBad(CliRun.of("evaluate", "classify", "--model", pos.toString(), "--data", conllu.toString()),
                "tag model");
        assertTrue(!out.toFile().exists());
    }
}
