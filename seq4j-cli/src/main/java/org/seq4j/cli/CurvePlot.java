package org.seq4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.seq4j.train.History;

/**
 * The training curves as one PNG drawn by XChart: loss, and the first metric when there is one, each train vs
 * validation per epoch. Written to a temporary file and moved into place, so a failure leaves nothing behind.
 */
final class CurvePlot {
    /** Log entries that are not metrics of the model: the learning rate, the clock, the epoch counter. */
    private static final java.util.Set<String> BOOKKEEPING = java.util.Set.of("lr", "seconds", "epoch");

    private CurvePlot() {}

    static void write(History history, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");     // no display on servers and in CI
        List<XYChart> charts = new ArrayList<>();
        charts.add(chart(history, "loss"));
        history.last().keySet().stream()
                .filter(k -> !k.equals("loss") && !k.startsWith("val_") && !BOOKKEEPING.contains(k))
                .findFirst().ifPresent(metric -> charts.add(chart(history, metric)));
        Path abs = png.toAbsolutePath();
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".tmp" + System.nanoTime() + ".png");
        try {
            BitmapEncoder.saveBitmap(charts, 1, charts.size(), tmp.toString(), BitmapEncoder.BitmapFormat.PNG);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static XYChart chart(History history, String key) {
        XYChart c = new XYChartBuilder().width(560).height(400).title(key).xAxisTitle("epoch").yAxisTitle(key).build();
        double[] epochs = history.epochs().stream().mapToDouble(e -> e + 1).toArray();
        c.addSeries("train", epochs, values(history.get(key)));
        List<Double> val = history.get("val_" + key);
        if (val.stream().anyMatch(v -> !v.isNaN())) {
            c.addSeries("validation", epochs, values(val));
        }
        if (epochs.length > 30) {
            c.getStyler().setMarkerSize(0);      // lines alone read better than a crowd of markers
        }
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
        return c;
    }

    private static double[] values(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
