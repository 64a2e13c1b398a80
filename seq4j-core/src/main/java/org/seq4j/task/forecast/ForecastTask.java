package org.seq4j.task.forecast;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.seq4j.task.InvalidInputException;
import org.seq4j.task.Task;
import org.seq4j.task.TaskArgs;
import org.seq4j.task.TaskOption;
import org.seq4j.train.History;

/** The {@code forecast} task of the tool: {@link Forecaster} behind command-line options. */
public final class ForecastTask implements Task {

    @Override
    public String name() {
        return Forecaster.TASK;
    }

    @Override
    public String description() {
        return "multi-step forecasting of one or more numeric columns of a CSV time series";
    }

    @Override
    public List<TaskOption> options(Command command) {
        ForecastOptions d = ForecastOptions.defaults();
        List<TaskOption> o = new ArrayList<>();
        switch (command) {
            case TRAIN -> {
                o.add(TaskOption.value("--columns", "A,B", null, "numeric columns to forecast (default: the last)"));
                o.add(TaskOption.value("--window", "N", "" + d.window(), "past steps the model sees"));
                o.add(TaskOption.value("--horizon", "N", "" + d.horizon(), "future steps forecast at once"));
                o.add(TaskOption.value("--holdout", "N", null, "without --valid: validate on the last N steps "
                        + "(default: the horizon; 0 = no validation)"));
                o.add(TaskOption.value("--scaling", "standard|local", lower(d.scaling()), "standardize with the "
                        + "training statistics; local also makes each window relative to its last step"));
                o.add(TaskOption.value("--arch", "rnn|lstm|gru", lower(d.arch()), "recurrent layer type"));
                o.add(TaskOption.value("--layers", "N", "" + d.layers(), "recurrent layers"));
                o.add(TaskOption.value("--hidden", "N", "" + d.hidden(), "recurrent units"));
                o.add(TaskOption.value("--dropout", "RATE", "" + d.dropout(), "dropout before the output"));
                o.add(TaskOption.value("--epochs", "N", "" + d.epochs(), "training epochs"));
                o.add(TaskOption.value("--batch-size", "N", "" + d.batchSize(), "windows per step"));
                o.add(TaskOption.value("--lr", "RATE", "" + d.learningRate(), "Adam learning rate"));
                o.add(TaskOption.value("--seed", "N", "" + d.seed(), "random seed"));
            }
            case EVALUATE -> {
                o.add(TaskOption.value("--last", "N", "0", "score only the windows forecasting the last N steps "
                        + "(0 = every window)"));
                o.add(TaskOption.value("--season", "N", "0", "also score the seasonal-naive baseline of this period"));
            }
            case PREDICT -> o.add(TaskOption.value("--data", "FILE", null, "read the recent history from this "
                    + "CSV instead of stdin / --text"));
            default -> { }
        }
        return o;
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    public static ForecastOptions options(TaskArgs a) {
        List<String> columns = a.has("--columns")
                ? Arrays.stream(a.string("--columns").split(",")).map(String::trim).toList() : List.of();
        return ForecastOptions.defaults().columns(columns).window(a.integer("--window", 1))
                .horizon(a.integer("--horizon", 1)).scaling(a.choice("--scaling", ForecastOptions.Scaling.class))
                .arch(a.choice("--arch", ForecastOptions.Arch.class)).layers(a.integer("--layers", 1))
                .hidden(a.integer("--hidden", 1)).dropout(a.decimal("--dropout")).epochs(a.integer("--epochs", 0))
                .batchSize(a.integer("--batch-size", 1)).learningRate((float) a.decimal("--lr"))
                .seed(a.longValue("--seed"));
    }

    @Override
    public TrainResult train(TrainRequest r) throws IOException {
        TaskArgs a = r.args().withDefaults(options(Command.TRAIN));
        ForecastOptions o = options(a);
        Series all = Series.read(r.train(), o.columns());
        o = o.columns(all.columns());
        Series train = all;
        Series valid = null;
        int validLast = 0;
        if (r.valid() != null) {
            valid = Series.read(r.valid(), o.columns());
        } else {
            int holdout = a.has("--holdout") ? a.integer("--holdout", 0) : o.horizon();
            if (holdout > 0) {
                if (all.length() - holdout < o.window() + o.horizon()) {
                    throw new InvalidInputException(r.train() + ": " + all.length() + " steps leave too few to train "
                            + "on after holding out " + holdout + " (use --holdout 0 or a shorter --window)");
                }
                train = all.range(0, all.length() - holdout);
                valid = all;
                validLast = holdout;
            }
        }
        r.log().printf(Locale.ROOT, "forecast: %s, %d steps for training%s%n", o.columns(), train.length(),
                valid == null ? "" : validLast > 0 ? ", the last " + validLast + " held out for validation"
                        : ", " + valid.length() + " for validation");
        Forecaster f = Forecaster.create(train, o);
        History h = f.fit(train, valid, validLast, r.log());
        Map<String, Double> scores = valid == null ? f.evaluate(train, 0, 0) : f.evaluate(valid, validLast, 0);
        f.save(r.out());
        String on = valid == null ? "training data" : validLast > 0 ? "the held-out last " + validLast + " steps"
                : "validation data";
        return new TrainResult(h, on, scores);
    }

    @Override
    public Map<String, Double> evaluate(EvaluateRequest r) throws IOException {
        TaskArgs a = r.args().withDefaults(options(Command.EVALUATE));
        Forecaster f = Forecaster.load(r.model());
        return f.evaluate(Series.read(r.data(), f.columns()), a.integer("--last", 0), a.integer("--season", 0));
    }

    @Override
    public List<String> predict(PredictRequest r) throws IOException {
        Forecaster f = Forecaster.load(r.model());
        Series recent = r.args().has("--data") ? Series.read(r.args().path("--data"), f.columns())
                : Series.parse(String.join("\n", r.inputs()), f.columns());
        return Arrays.stream(f.predict(recent))
                .map(step -> Arrays.stream(step).mapToObj(v -> String.format(Locale.ROOT, "%.4f", v))
                        .collect(Collectors.joining(",")))
                .toList();
    }
}
