package org.seq4j.text;

import java.util.Map;

/**
 * Writes JSON byte-for-byte as Python's {@code json.dumps} does with its defaults: {@code ", "} and {@code ": "}
 * separators, and {@code ensure_ascii}, i.e. every character outside printable ASCII as a lower-case
 * {@code \}{@code uXXXX} escape (UTF-16 surrogate pairs above U+FFFF). Keras' tokenizer JSON is made this way, and
 * matching it lets files be compared with {@code diff}.
 */
final class PythonJson {
    private PythonJson() {
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c >= 0x20 && c <= 0x7E) {
                        b.append(c);
                    } else {
                        b.append(String.format("\\u%04x", (int) c));
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** A value: null, Boolean, Integer/Long, String (no floats are needed here). */
    static String value(Object v) {
        return switch (v) {
            case null -> "null";
            case Boolean bool -> bool ? "true" : "false";
            case Integer i -> i.toString();
            case Long l -> l.toString();
            case String s -> quote(s);
            default -> throw new IllegalArgumentException("no Python JSON form for " + v.getClass());
        };
    }

    /** A dict in the map's iteration order; keys are written as strings, as {@code json.dumps} does for ints. */
    static String dict(Map<?, ?> map) {
        StringBuilder b = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!first) {
                b.append(", ");
            }
            first = false;
            b.append(quote(String.valueOf(e.getKey()))).append(": ").append(value(e.getValue()));
        }
        return b.append('}').toString();
    }
}
