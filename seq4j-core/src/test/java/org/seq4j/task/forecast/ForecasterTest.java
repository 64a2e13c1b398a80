package org.seq4j.task.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seq4j.task.InvalidInputException;

/** The forecast pipeline as a library: two columns, holdout scoring, the naive baseline, save → load. */
class ForecasterTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private static Path twoColumns(Path file, int steps) throws IOException {
        StringBuilder sb = new StringBuilder("t,a,b\n");
        for (int t = 0; t < steps; t++) {
            sb.append(t).append(',').append(10 + Math.sin(2 * Math.PI * t / 6)).append(',')
                    .append(t % 6 == 0 ? 5 : 1).append('\n');
        }
        return Files.writeString(file, sb);
    }

    @Test
    void learnsAPeriodicSeriesAndRoundTrips(@TempDir Path dir) throws IOException {
        Series all = Series.read(twoColumns(dir.resolve("s.csv"), 90), List.of("a", "b"));
        assertEquals(2, all.features());
        Series train = all.range(0, 78);
        ForecastOptions o = ForecastOptions.defaults().window(12).horizon(3).hidden(16).epochs(40).batchSize(8)
                .learningRate(0.01f).scaling(ForecastOptions.Scaling.STANDARD);
        Forecaster f = Forecaster.create(train, o);
        f.fit(train, all, 12, QUIET);
        Map<String, Double> e = f.evaluate(all, 12, 6);
        assertEquals(10.0, e.get("windows"));
        assertEquals(0.0, e.get("seasonal_naive_mae"), 1e-9);     // an exactly periodic series
        assertTrue(e.get("mae") < 0.5, e.toString());

        f.save(dir.resolve("m"));
        Forecaster back = Forecaster.load(dir.resolve("m"));
        double[][] p = f.predict(all.range(0, 60));
        assertEquals(3, p.length);
        for (int h = 0; h < 3; h++) {
            assertArrayEquals(p[h], back.predict(all.range(0, 60))[h], 1e-4);
        }
    }

    @Test
    void seasonalNaiveReachesBackWholeSeasons() {
        double[][] v = new double[30][1];
        for (int t = 0; t < 30; t++) {
            v[t][0] = t;
        }
        assertEquals(8, ForecastMetrics.seasonalNaive(v, 10, 12, 0, 4));    // 12 − 4 = 8 ≤ origin 10
        assertEquals(7, ForecastMetrics.seasonalNaive(v, 10, 15, 0, 4));    // 15 − 2·4
    }

    @Test
    void metricsAreInTheSeriesUnits() {
        ForecastMetrics m = new ForecastMetrics();
        m.add(110, 100);
        m.add(90, 100);
        m.add(100, 0);
        assertEquals(40.0, m.mae(), 1e-12);
        assertEquals(Math.sqrt(10200.0 / 3), m.rmse(), 1e-12);
        assertEquals(10.0, m.mape(), 1e-12);
    }

    @Test
    void localScalingForecastsBeyondTheTrainingRange(@TempDir Path dir) throws IOException {
        StringBuilder sb = new StringBuilder("v\n");
        for (int t = 0; t < 80; t++) {
            sb.append(3 * t).append('\n');
        }
        Series s = Series.read(Files.writeString(dir.resolve("ramp.csv"), sb), List.of());
        Series train = s.range(0, 60);
        Forecaster f = Forecaster.create(train, ForecastOptions.defaults().window(6).horizon(2).hidden(8)
                .epochs(30).batchSize(8).learningRate(0.01f));
        f.fit(train, null, 0, QUIET);
        assertTrue(f.evaluate(s, 10, 0).get("mape") < 3, f.evaluate(s, 10, 0).toString());
    }

    @Test
    void badInputNamesFileAndLine(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "t,v\n0,1\n1,NA\n");
        assertTrue(assertThrows(InvalidInputException.class, () -> Series.read(bad, List.of("v"))).getMessage()
                .contains("bad.csv:3"));
        Path ok = Files.writeString(dir.resolve("ok.csv"), "t,v\n0,1\n1,2\n");
        assertTrue(assertThrows(InvalidInputException.class, () -> Series.read(ok, List.of("w"))).getMessage()
                .contains("'w'"));
        Series tiny = Series.read(ok, List.of("v"));
        Forecaster f = Forecaster.create(tiny, ForecastOptions.defaults().window(4).horizon(2).epochs(1));
        assertTrue(assertThrows(InvalidInputException.class, () -> f.fit(tiny, null, 0, QUIET)).getMessage()
                .contains("too short"));
    }
}
