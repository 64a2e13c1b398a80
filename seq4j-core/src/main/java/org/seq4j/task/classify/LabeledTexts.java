package org.seq4j.task.classify;

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
 * The (label, text) rows of a TSV or CSV file with a header (gzip read transparently; {@code .csv} / {@code .csv.gz}
 * is CSV with quoting, anything else TSV), with each row's line for error messages.
 */
public record LabeledTexts(Path file, List<String> labels, List<String> texts, long[] lines) {

    public LabeledTexts {
        labels = List.copyOf(labels);
        texts = List.copyOf(texts);
    }

    public int size() {
        return texts.size();
    }

    /** Rows [from, to), e.g. to hold out the last part for validation. */
    public LabeledTexts range(int from, int to) {
        return new LabeledTexts(file, labels.subList(from, to), texts.subList(from, to),
                java.util.Arrays.copyOfRange(lines, from, to));
    }

    /** Reads the two columns; a missing file, an unknown column, a malformed or an empty table fail naming it. */
    public static LabeledTexts read(Path file, String labelColumn, String textColumn) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + ": no such file");
        }
        List<String> labels = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        try (DelimitedReader r = DelimitedReader.open(file, format(file).withColumns(labelColumn, textColumn))) {
            while (r.hasNext()) {
                Row row = r.next();
                String label = row.get(0).trim();
                if (label.isEmpty()) {
                    throw new InvalidInputException(file + ":" + row.line() + ": empty label");
                }
                labels.add(label);
                texts.add(row.get(1));
                lines.add(row.line());
            }
        } catch (InvalidInputException e) {
            throw e;
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new InvalidInputException(e.getMessage(), e);    // the reader's message names file and line
        }
        if (texts.isEmpty()) {
            throw new InvalidInputException(file + ": no data rows (an empty dataset)");
        }
        return new LabeledTexts(file, labels, texts, lines.stream().mapToLong(Long::longValue).toArray());
    }

    /** TSV unless the name says CSV. */
    static DelimitedOptions format(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".csv.gz") ? DelimitedOptions.csv() : DelimitedOptions.tsv();
    }
}
