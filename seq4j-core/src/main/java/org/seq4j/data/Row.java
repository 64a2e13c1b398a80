package org.seq4j.data;

import java.util.List;

/**
 * One record of a table: the chosen fields, and the line it started on (for error messages).
 *
 * @param line   1-based line number of the record's first line in the file
 * @param fields the values of the chosen columns, in the order asked for
 */
public record Row(long line, List<String> fields) {
    public Row {
        fields = List.copyOf(fields);
    }

    public String get(int i) {
        return fields.get(i);
    }

    public int size() {
        return fields.size();
    }
}
