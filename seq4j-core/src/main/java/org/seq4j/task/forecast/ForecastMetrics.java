package org.seq4j.task.forecast;

/**
 * Forecast errors in the series' own units over every forecast value: MAE = mean |ŷ − y|, RMSE = √mean (ŷ − y)²,
 * MAPE = 100 · mean |ŷ − y| / |y| (over the values whose y is not 0); and the seasonal-naive baseline, which
 * forecasts each step as the last observed value one season earlier.
 */
public final class ForecastMetrics {
    private double abs;
    private double squared;
    private double percent;
    private long n;
    private long nonZero;

    public void add(double predicted, double actual) {
        double e = predicted - actual;
        abs += Math.abs(e);
        squared += e * e;
        if (actual != 0) {
            percent += Math.abs(e / actual);
            nonZero++;
        }
        n++;
    }

    public double mae() {
        return abs / n;
    }

    public double rmse() {
        return Math.sqrt(squared / n);
    }

    public double mape() {
        return nonZero == 0 ? Double.NaN : 100 * percent / nonZero;
    }

    public long count() {
        return n;
    }

    /**
     * The seasonal-naive forecast of step {@code t} made at {@code origin} (the last observed step): the value at
     * t − k·season for the smallest k that reaches back to origin or earlier.
     */
    public static double seasonalNaive(double[][] values, int origin, int t, int feature, int season) {
        int k = Math.ceilDiv(t - origin, season);
        return values[t - k * season][feature];
    }
}
