package org.seq4j.data;

import java.util.List;

/**
 * How {@link DelimitedReader} reads a table with a header line.
 *
 * @param delimiter the field separator
 * @param quoting   {@link Quoting#NONE} splits on every delimiter (TSV); {@link Quoting#RFC4180} honours
 *                  double-quoted fields with {@code ""} escapes and line breaks inside quotes (CSV)
 * @param columns   header names to return, in this order; empty = every column
 * @param onBadRow  what a row with the wrong number of fields does: fail (default) or be skipped and counted
 */
public record DelimitedOptions(char delimiter, Quoting quoting, List<String> columns, OnBadRow onBadRow) {
    public enum Quoting { NONE, RFC4180 }

    public enum OnBadRow { FAIL, SKIP }

    public DelimitedOptions {
        columns = List.copyOf(columns);
    }

    /** Tab-separated, no quoting, every column, fail on bad rows. */
    public static DelimitedOptions tsv() {
        return new DelimitedOptions('\t', Quoting.NONE, List.of(), OnBadRow.FAIL);
    }

    /** Comma-separated with RFC-4180 quoting, every column, fail on bad rows. */
    public static DelimitedOptions csv() {
        return new DelimitedOptions(',', Quoting.RFC4180, List.of(), OnBadRow.FAIL);
    }

    public DelimitedOptions withColumns(String... names) {
        return new DelimitedOptions(delimiter, quoting, List.of(names), onBadRow);
    }

    public DelimitedOptions skippingBadRows() {
        return new DelimitedOptions(delimiter, quoting, columns, OnBadRow.SKIP);
    }
}
