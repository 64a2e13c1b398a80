package org.seq4j.task.forecast;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.seq4j.data.DelimitedOptions;
import org.seq4j.data.DelimitedReader;
import org.seq4j.data.Row;
import org.seq4j.task.InvalidInputException;

/**
 * A multivariate time series read from a CSV (or TSV) file with a header: the chosen numeric columns, one row per
 * time step, in file order.
 *
 * @param file    where it came from (for messages)
 * @param columns the column names, in feature order
 * @param values  (T, F): values[t][f]
 */
public record Series(Path file, List<String> columns, double[][] values) {

    public Series {
        columns = List.copyOf(columns);
    }

    public int length() {
        return values.length;
    }

    public int features() {
        return columns.size();
    }

    /** Steps [from, to) as a series of their own. */
    public Series range(int from, int to) {
        return new Series(file, columns, java.util.Arrays.copyOfRange(values, from, to));
    }

    /**
     * The columns named (all of them must be numbers on every row), or the last column when none is named; a
     * missing file, an unknown column, a value that is not a number or an empty table fail naming file and line.
     */
    public static Series read(Path file, List<String> columns) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + ": no such file");
        }
        List<double[]> rows = new ArrayList<>();
        List<String> names;
        try (DelimitedReader r = DelimitedReader.open(file, format(file).withColumns(columns.toArray(String[]::new)))) {
            names = columns.isEmpty() ? List.of(r.header().getLast()) : columns;
            int from = columns.isEmpty() ? r.header().size() - 1 : 0;
            while (r.hasNext()) {
                Row row = r.next();
                double[] v = new double[names.size()];
                for (int f = 0; f < v.length; f++) {
                    String s = row.get(from + f).trim();
                    try {
                        v[f] = Double.parseDouble(s);
                    } catch (NumberFormatException e) {
                        v[f] = Double.NaN;
                    }
                    if (!Double.isFinite(v[f])) {
                        throw new InvalidInputException(file + ":" + row.line() + ": column '" + names.get(f)
                                + "' holds '" + s + "', not a number");
                    }
                }
                rows.add(v);
            }
        } catch (InvalidInputException e) {
            throw e;
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new InvalidInputException(e.getMessage(), e);    // the reader's message names file and line
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException(file + ": no data rows (an empty dataset)");
        }
        return new Series(file, names, rows.toArray(double[][]::new));
    }

    /** Values given as text: time steps separated by ';', whitespace or new lines, features by ','. */
    public static Series parse(String text, List<String> columns) {
        List<double[]> rows = new ArrayList<>();
        String[] steps = text.trim().split("[;\\s]+");
        if (columns.size() == 1 && steps.length == 1) {
            steps = text.trim().split("[,;\\s]+");     // one feature: commas separate steps too
        }
        for (String step : steps) {
            if (step.isEmpty()) {
                continue;
            }
            String[] parts = step.split(",");
            if (parts.length != columns.size()) {
                throw new InvalidInputException("input step '" + step + "' has " + parts.length + " values, the model "
                        + "reads " + columns.size() + " " + columns);
            }
            double[] v = new double[parts.length];
            for (int f = 0; f < v.length; f++) {
                try {
                    v[f] = Double.parseDouble(parts[f].trim());
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("input value '" + parts[f] + "' is not a number");
                }
            }
            rows.add(v);
        }
        return new Series(Path.of("<input>"), columns, rows.toArray(double[][]::new));
    }

    private static DelimitedOptions format(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".tsv") || name.endsWith(".tsv.gz") ? DelimitedOptions.tsv() : DelimitedOptions.csv();
    }
}
