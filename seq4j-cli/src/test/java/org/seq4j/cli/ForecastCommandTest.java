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

/** train → evaluate --json → predict → summary for forecast on a short seasonal series. */
class ForecastCommandTest {
    @TempDir
    static Path dir;
    static Path series;
    static Path model;
    static CliRun trained;

    @BeforeAll
    static void trainOnce() throws IOException {
        series = TinyData.series(dir.resolve("series.csv"), 72);
        model = dir.resolve("model");
        trained = CliRun.of("train", "forecast", "--train", series.toString(), "--out", model.toString(),
                "--window", "12", "--horizon", "4", "--hidden", "8", "--epochs", "5",
                "--plot", dir.resolve("curves.png").toString());
    }

    @Test
    void trainHoldsOutTheHorizonAndSaves() throws IOException {
        assertEquals(0, trained.code(), trained.err());
        assertTrue(trained.out().contains("val_loss"), trained.out());
        assertTrue(trained.out().contains("Final scores on the held-out last 4 steps: mae"), trained.out());
        assertTrue(Files.isRegularFile(model.resolve("forecast.json")));
        assertTrue(Files.size(dir.resolve("curves.png")) > 1000);
    }

    @Test
    void evaluateJsonHasTheErrorsAndTheSeasonalNaiveBaseline() throws IOException {
        CliRun r = CliRun.of("evaluate", "--model", model.toString(), "--data", series.toString(), "--last", "4",
                "--season", "12", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        for (String k : new String[] {"mae", "rmse", "mape", "seasonal_naive_mae", "loss"}) {
            assertTrue(json.has(k), k + " in " + r.out());
        }
        assertEquals(1, json.get("windows").asInt());
    }

    @Test
    void predictForecastsTheHorizonFromTextOrAFile() {
        StringBuilder recent = new StringBuilder();
        for (int t = 0; t < 12; t++) {
            recent.append(100 + t).append(t < 11 ? "," : "");
        }
        CliRun r = CliRun.of("predict", "--model", model.toString(), "--text", recent.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(4, r.out().lines().count(), r.out());
        CliRun f = CliRun.of("predict", "forecast", "--model", model.toString(), "--data", series.toString());
        assertEquals(0, f.code(), f.err());
        assertEquals(4, f.out().lines().count(), f.out());
    }

    @Test
    void summaryPrintsTheLayerTable() {
        CliRun r = CliRun.of("summary", "--model", model.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("lstm_1"), r.out());
    }
}
