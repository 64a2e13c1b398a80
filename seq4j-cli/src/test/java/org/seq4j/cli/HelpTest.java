package org.seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** --help works on every command and every (command, task) pair, exits 0 and prints usage. */
class HelpTest {

    @Test
    void everyCommandHasHelp() {
        List<List<String>> commands = List.of(List.of(), List.of("train"), List.of("evaluate"), List.of("predict"),
                List.of("generate"), List.of("summary"), List.of("demo"),
                List.of("train", "classify"), List.of("evaluate", "classify"), List.of("predict", "classify"),
                List.of("summary", "classify"), List.of("train", "forecast"), List.of("evaluate", "forecast"),
                List.of("predict", "forecast"), List.of("summary", "forecast"),
                List.of("train", "lm"), List.of("evaluate", "lm"), List.of("predict", "lm"), List.of("generate", "lm"),
                List.of("summary", "lm"), List.of("train", "tag"), List.of("evaluate", "tag"), List.of("predict", "tag"),
                List.of("summary", "tag"));
        for (List<String> c : commands) {
            String[] args = java.util.stream.Stream.concat(c.stream(), java.util.stream.Stream.of("--help"))
                    .toArray(String[]::new);
            CliRun r = CliRun.of(args);
            assertEquals(0, r.code(), c + ": " + r.err());
            assertTrue(r.out().startsWith("Usage: seq4j"), c + ": " + r.out());
        }
    }

    @Test
    void taskHelpShowsTheTaskOptionsWithDefaults() {
        CliRun r = CliRun.of("train", "forecast", "--help");
        assertTrue(r.out().contains("--window"), r.out());
        assertTrue(r.out().contains("(default: 24)"), r.out());
    }

    @Test
    void lmAndTagHelpShowTheirOptionsWithDefaults() {
        CliRun lm = CliRun.of("train", "lm", "--help");
        assertTrue(lm.out().contains("--level") && lm.out().contains("--seq-len") && lm.out().contains("(default: 100)"),
                lm.out());
        CliRun tag = CliRun.of("train", "tag", "--help");
        assertTrue(tag.out().contains("--column") && tag.out().contains("(default: upos)"), tag.out());
    }
}
