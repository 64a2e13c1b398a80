package org.seq4j.task.forecast;

/**
 * Per-column standardization with the training part's statistics (saved with the model, so new data is scaled the
 * same way): z = (v − mean) / std, with std 1 for a constant column.
 */
public record Scaler(double[] mean, double[] std) {

    public static Scaler fit(double[][] values) {
        int f = values[0].length;
        double[] mean = new double[f];
        double[] std = new double[f];
        for (double[] row : values) {
            for (int j = 0; j < f; j++) {
                mean[j] += row[j] / values.length;
            }
        }
        for (double[] row : values) {
            for (int j = 0; j < f; j++) {
                std[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / values.length;
            }
        }
        for (int j = 0; j < f; j++) {
            std[j] = std[j] > 1e-12 ? Math.sqrt(std[j]) : 1.0;
        }
        return new Scaler(mean, std);
    }

    public double scale(double v, int feature) {
        return (v - mean[feature]) / std[feature];
    }

    public double unscale(double z, int feature) {
        return z * std[feature] + mean[feature];
    }
}
