package org.seq4j.task.forecast;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.seq4j.loss.MeanSquaredError;
import org.seq4j.nn.Dense;
import org.seq4j.nn.Dropout;
import org.seq4j.nn.Layer;
import org.seq4j.nn.Sequential;
import org.seq4j.nn.recurrent.GRU;
import org.seq4j.nn.recurrent.LSTM;
import org.seq4j.nn.recurrent.SimpleRNN;
import org.seq4j.task.InvalidInputException;
import org.seq4j.task.TaskModelDir;
import org.seq4j.tensor.Shape;
import org.seq4j.tensor.Tensor;
import org.seq4j.train.CompileOptions;
import org.seq4j.train.Dataset;
import org.seq4j.train.FitOptions;
import org.seq4j.train.History;
import org.seq4j.train.Model;
import org.seq4j.train.OptimizerSpec;

/**
 * Multi-step time-series forecasting: windows of {@code window} past steps of F features map to the next
 * {@code horizon} steps at once, through recurrent layers and one Dense(horizon·F), trained on mean squared error of
 * the scaled values (see {@link ForecastOptions.Scaling}). Errors are reported in the series' own units, beside the
 * seasonal-naive baseline. A saved forecaster keeps its scaling statistics in {@code forecast.json}.
 *
 * <pre>
 *   z_t = (v_t − mean) / std            // train statistics; LOCAL: z − z_origin per window
 *   h = LSTM(z_{t−W+1..t})              // (B, H)
 *   ŷ = h·W + b                         // (B, horizon·F) → z_{t+1..t+horizon}
 * </pre>
 *
 * <pre>{@code
 * Series s = Series.read(Path.of("airline-passengers.csv"), List.of("Passengers"));
 * Forecaster f = Forecaster.create(s.range(0, s.length() - 12), ForecastOptions.defaults());
 * f.fit(s.range(0, s.length() - 12), s, System.out);
 * Map<String, Double> errors = f.evaluate(s, 12, 12);      // mae, rmse, mape, seasonal_naive_mae, ...
 * }</pre>
 */
public final class Forecaster {
    public static final String TASK = "forecast";
    static final String META = "forecast.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Model<Tensor> model;
    private final Scaler scaler;
    private final List<String> columns;
    private final ForecastOptions options;

    private Forecaster(Model<Tensor> model, Scaler scaler, List<String> columns, ForecastOptions options) {
        this.model = model;
        this.scaler = scaler;
        this.columns = List.copyOf(columns);
        this.options = options;
    }

    /** Takes the scaling statistics of {@code train} and builds the (untrained) network. */
    public static Forecaster create(Series train, ForecastOptions o) {
        int f = train.features();
        RandomGenerator rng = new SplittableRandom(o.seed());
        List<Layer> layers = new ArrayList<>();
        int width = f;
        for (int i = 0; i < o.layers(); i++) {
            boolean sequences = i < o.layers() - 1;
            String name = o.arch().name().toLowerCase(java.util.Locale.ROOT) + "_" + (i + 1);
            layers.add(switch (o.arch()) {
                case RNN -> new SimpleRNN(SimpleRNN.Config.of(width, o.hidden()).returnSequences(sequences).name(name),
                        rng);
                case LSTM -> new LSTM(LSTM.Config.of(width, o.hidden()).returnSequences(sequences).name(name), rng);
                case GRU -> new GRU(GRU.Config.of(width, o.hidden()).returnSequences(sequences).name(name), rng);
            });
            width = o.hidden();
        }
        if (o.dropout() > 0) {
            layers.add(new Dropout(Dropout.Config.of((float) o.dropout())));
        }
        layers.add(new Dense(Dense.Config.of(width, o.horizon() * f), rng));           // (B, horizon·F)
        Model<Tensor> model = Model.<Tensor>of(new Sequential("forecaster", Shape.of(o.window(), f), layers))
                .compile(CompileOptions.of(MeanSquaredError.create(), OptimizerSpec.adam(o.learningRate())));
        return new Forecaster(model, Scaler.fit(train.values()), train.columns(), o);
    }

    /**
     * Trains on every window of {@code train}, scoring the windows of {@code valid} (may be null) whose targets lie
     * in its last {@code validLast} steps (0: all of them) after each epoch.
     */
    public History fit(Series train, Series valid, int validLast, PrintStream log) {
        Dataset<Tensor> t = windows(train, 0);
        FitOptions fit = FitOptions.defaults().epochs(options.epochs()).batchSize(options.batchSize())
                .seed(options.seed()).out(log);
        return valid == null ? model.fit(t, fit) : model.fit(t, windows(valid, validLast), fit);
    }

    /**
     * mae, rmse, mape (in the series' units) over the windows whose targets lie in the last {@code last} steps of
     * {@code data} (0: every window); seasonal_naive_mae too when {@code season} is positive; loss (scaled MSE).
     */
    public Map<String, Double> evaluate(Series data, int last, int season) {
        requireColumns(data);
        int[] origins = origins(data, last);
        Tensor pred = model.predict(List.of(inputs(data, origins)), 64);               // (N, horizon·F)
        float[] p = pred.contiguous().toArray();
        int f = columns.size();
        ForecastMetrics model = new ForecastMetrics();
        ForecastMetrics naive = new ForecastMetrics();
        double[][] v = data.values();
        for (int n = 0; n < origins.length; n++) {
            int origin = origins[n];
            for (int h = 0; h < options.horizon(); h++) {
                for (int j = 0; j < f; j++) {
                    double actual = v[origin + 1 + h][j];
                    model.add(unscale(p[(n * options.horizon() + h) * f + j], j, v[origin][j]), actual);
                    if (season > 0 && origin + 1 + h - season >= 0) {
                        naive.add(ForecastMetrics.seasonalNaive(v, origin, origin + 1 + h, j, season), actual);
                    }
                }
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("mae", model.mae());
        out.put("rmse", model.rmse());
        out.put("mape", model.mape());
        if (season > 0 && naive.count() > 0) {
            out.put("seasonal_naive_mae", naive.mae());
            out.put("seasonal_naive_rmse", naive.rmse());
        }
        out.put("loss", this.model.evaluate(windows(data, last), 64).get("loss"));
        out.put("windows", (double) origins.length);
        return out;
    }

    /** The next {@code horizon} steps after the end of {@code recent} (its last {@code window} steps are read). */
    public double[][] predict(Series recent) {
        requireColumns(recent);
        if (recent.length() < options.window()) {
            throw new InvalidInputException(recent.file() + ": " + recent.length() + " steps, the model needs the "
                    + "last " + options.window());
        }
        int origin = recent.length() - 1;
        float[] p = model.predict(inputs(recent, new int[] {origin})).contiguous().toArray();
        int f = columns.size();
        double[][] out = new double[options.horizon()][f];
        for (int h = 0; h < options.horizon(); h++) {
            for (int j = 0; j < f; j++) {
                out[h][j] = unscale(p[h * f + j], j, recent.values()[origin][j]);
            }
        }
        return out;
    }

    public void save(Path dir) throws IOException {
        ObjectNode meta = JSON.createObjectNode();
        meta.putPOJO("columns", columns);
        meta.putPOJO("options", options);
        meta.putPOJO("mean", scaler.mean());
        meta.putPOJO("std", scaler.std());
        TaskModelDir.save(dir, model, TASK,
                Map.of(META, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(meta) + "\n"));
    }

    public static Forecaster load(Path dir) throws IOException {
        TaskModelDir.requireTask(dir, TASK);
        JsonNode meta = TaskModelDir.readJson(dir.resolve(META));
        ForecastOptions o = JSON.treeToValue(meta.path("options"), ForecastOptions.class);
        Scaler s = new Scaler(JSON.treeToValue(meta.path("mean"), double[].class),
                JSON.treeToValue(meta.path("std"), double[].class));
        List<String> columns = new ArrayList<>();
        meta.path("columns").forEach(n -> columns.add(n.asText()));
        return new Forecaster(Model.load(dir, Tensor.class), s, columns, o);
    }

    public Model<Tensor> model() {
        return model;
    }

    public List<String> columns() {
        return columns;
    }

    public ForecastOptions options() {
        return options;
    }

    /** Inputs and targets of the windows whose targets lie in the last {@code last} steps (0: all). */
    private Dataset<Tensor> windows(Series s, int last) {
        int[] origins = origins(s, last);
        int f = columns.size();
        int hz = options.horizon();
        float[] y = new float[origins.length * hz * f];                               // (N, horizon·F)
        for (int n = 0; n < origins.length; n++) {
            for (int h = 0; h < hz; h++) {
                for (int j = 0; j < f; j++) {
                    y[(n * hz + h) * f + j] = scaled(s.values(), origins[n] + 1 + h, j, origins[n]);
                }
            }
        }
        return Dataset.of(inputs(s, origins), Tensor.of(y, origins.length, hz * f));
    }

    /** (N, window, F): the scaled steps up to and including each origin. */
    private Tensor inputs(Series s, int[] origins) {
        int w = options.window();
        int f = columns.size();
        float[] x = new float[origins.length * w * f];
        for (int n = 0; n < origins.length; n++) {
            for (int t = 0; t < w; t++) {
                for (int j = 0; j < f; j++) {
                    x[(n * w + t) * f + j] = scaled(s.values(), origins[n] - w + 1 + t, j, origins[n]);
                }
            }
        }
        return Tensor.of(x, origins.length, w, f);
    }

    /** The last observed step of every full window whose targets end in the last {@code last} steps. */
    private int[] origins(Series s, int last) {
        int first = options.window() - 1;
        int end = s.length() - options.horizon() - 1;                                  // last origin, inclusive
        if (end < first) {
            throw new InvalidInputException(s.file() + ": " + s.length() + " steps, too short for a window of "
                    + options.window() + " and a horizon of " + options.horizon());
        }
        if (last > 0) {
            first = Math.max(first, s.length() - last - 1);
        }
        return java.util.stream.IntStream.rangeClosed(first, end).toArray();
    }

    private float scaled(double[][] v, int t, int j, int origin) {
        double z = scaler.scale(v[t][j], j);
        return (float) (options.scaling() == ForecastOptions.Scaling.LOCAL ? z - scaler.scale(v[origin][j], j) : z);
    }

    private double unscale(float z, int j, double originValue) {
        double base = options.scaling() == ForecastOptions.Scaling.LOCAL ? scaler.scale(originValue, j) : 0;
        return scaler.unscale(z + base, j);
    }

    private void requireColumns(Series s) {
        if (!s.columns().equals(columns)) {
            throw new InvalidInputException(s.file() + ": columns " + s.columns() + ", the model forecasts "
                    + columns);
        }
    }
}
