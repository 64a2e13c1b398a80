package org.seq4j.task.forecast;

import java.util.List;
import org.seq4j.task.InvalidInputException;

/**
 * How a {@link Forecaster} windows, scales and trains.
 *
 * @param columns      the series' columns to read and forecast (empty: the file's last column)
 * @param window       past steps the model sees
 * @param horizon      future steps it forecasts at once
 * @param scaling      {@code STANDARD}: each column standardized with the training part's mean and deviation;
 *                     {@code LOCAL}: standardized, then each window taken relative to its last observed step, so a
 *                     trending series is forecast as changes from "now" (the level need not be in the training range)
 * @param arch         {@code RNN}, {@code LSTM} or {@code GRU}
 * @param layers       stacked recurrent layers
 * @param hidden       units per recurrent layer
 * @param dropout      dropout before the output layer
 * @param epochs       passes over the training windows
 * @param batchSize    windows per step
 * @param learningRate Adam's step size
 * @param seed         initialisation, shuffling and dropout
 */
public record ForecastOptions(List<String> columns, int window, int horizon, Scaling scaling, Arch arch, int layers,
                              int hidden, double dropout, int epochs, int batchSize, float learningRate, long seed) {

    public enum Scaling { STANDARD, LOCAL }

    public enum Arch { RNN, LSTM, GRU }

    public ForecastOptions {
        columns = List.copyOf(columns);
        if (window < 1 || horizon < 1 || layers < 1 || hidden < 1 || epochs < 0 || batchSize < 1) {
            throw new InvalidInputException("forecast: window, horizon, layers, hidden and batch size must be "
                    + "positive, got " + window + ", " + horizon + ", " + layers + ", " + hidden + ", " + batchSize);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new InvalidInputException("forecast: dropout must be in [0, 1), got " + dropout);
        }
    }

    /** A 24-step window, a 12-step horizon, window-relative scaling, one LSTM of 32 units, 150 epochs. */
    public static ForecastOptions defaults() {
        return new ForecastOptions(List.of(), 24, 12, Scaling.LOCAL, Arch.LSTM, 1, 32, 0.0, 150, 16, 5e-3f, 1L);
    }

    public ForecastOptions columns(List<String> c) {
        return new ForecastOptions(c, window, horizon, scaling, arch, layers, hidden, dropout, epochs, batchSize,
                learningRate, seed);
    }

    public ForecastOptions window(int w) {
        return new ForecastOptions(columns, w, horizon, scaling, arch, layers, hidden, dropout, epochs, batchSize,
                learningRate, seed);
    }

    public ForecastOptions horizon(int h) {
        return new ForecastOptions(columns, window, h, scaling, arch, layers, hidden, dropout, epochs, batchSize,
                learningRate, seed);
    }

    public ForecastOptions scaling(Scaling s) {
        return new ForecastOptions(columns, window, horizon, s, arch, layers, hidden, dropout, epochs, batchSize,
                learningRate, seed);
    }

    public ForecastOptions arch(Arch a) {
        return new ForecastOptions(columns, window, horizon, scaling, a, layers, hidden, dropout, epochs, batchSize,
                learningRate, seed);
    }

    public ForecastOptions layers(int n) {
        return new ForecastOptions(columns, window, horizon, scaling, arch, n, hidden, dropout, epochs, batchSize,
                learningRate, seed);
    }

    public ForecastOptions hidden(int n) {
        return new ForecastOptions(columns, window, horizon, scaling, arch, layers, n, dropout, epochs, batchSize,
                learningRate, seed);
    }

    public ForecastOptions dropout(double d) {
        return new ForecastOptions(columns, window, horizon, scaling, arch, layers, hidden, d, epochs, batchSize,
                learningRate, seed);
    }

    public ForecastOptions epochs(int e) {
        return new ForecastOptions(columns, window, horizon, scaling, arch, layers, hidden, dropout, e, batchSize,
                learningRate, seed);
    }

    public ForecastOptions batchSize(int b) {
        return new ForecastOptions(columns, window, horizon, scaling, arch, layers, hidden, dropout, epochs, b,
                learningRate, seed);
    }

    public ForecastOptions learningRate(float lr) {
        return new ForecastOptions(columns, window, horizon, scaling, arch, layers, hidden, dropout, epochs, batchSize,
                lr, seed);
    }

    public ForecastOptions seed(long s) {
        return new ForecastOptions(columns, window, horizon, scaling, arch, layers, hidden, dropout, epochs, batchSize,
                learningRate, s);
    }
}
