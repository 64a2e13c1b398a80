package org.seq4j.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The few Python {@code str} operations that reference tokenizers (Keras, sacreBLEU) are built on, reproduced
 * exactly. Java's notions differ: {@code Character.isWhitespace} is false for U+00A0, U+2007 and U+202F, and
 * {@code String.split} takes a regex and drops trailing empty strings.
 */
public final class PythonStrings {
    private PythonStrings() {
    }

    /**
     * Python's {@code str.isspace} for one code point: bidirectional class WS, B or S, or category Zs.
     * Listed by hand because no JDK predicate matches it (U+001C..U+001F are separators to Python).
     */
    public static boolean isSpace(int cp) {
        return (cp >= 0x09 && cp <= 0x0D)
                || (cp >= 0x1C && cp <= 0x20)
                || cp == 0x85
                || cp == 0xA0
                || cp == 0x1680
                || (cp >= 0x2000 && cp <= 0x200A)
                || cp == 0x2028
                || cp == 0x2029
                || cp == 0x202F
                || cp == 0x205F
                || cp == 0x3000;
    }

    /** Python's {@code s.split()}: runs of whitespace separate, no empty strings. */
    public static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        int start = -1;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (isSpace(cp)) {
                if (start >= 0) {
                    out.add(s.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            out.add(s.substring(start));
        }
        return out;
    }

    /** Python's {@code s.split(sep)} for a non-empty separator, keeping empty strings. */
    public static List<String> split(String s, String sep) {
        if (sep.isEmpty()) {
            throw new IllegalArgumentException("empty separator");
        }
        List<String> out = new ArrayList<>();
        int from = 0;
        int at;
        while ((at = s.indexOf(sep, from)) >= 0) {
            out.add(s.substring(from, at));
            from = at + sep.length();
        }
        out.add(s.substring(from));
        return out;
    }

    /** Python's {@code s.strip()}. */
    public static String strip(String s) {
        int start = 0;
        while (start < s.length()) {
            int cp = s.codePointAt(start);
            if (!isSpace(cp)) {
                break;
            }
            start += Character.charCount(cp);
        }
        return rstrip(s.substring(start));
    }

    /** Python's {@code s.rstrip()}. */
    public static String rstrip(String s) {
        int end = s.length();
        while (end > 0) {
            int cp = s.codePointBefore(end);
            if (!isSpace(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return s.substring(0, end);
    }

    /**
     * Python's {@code s.lower()}: full Unicode lower-casing with the final-sigma rule, independent of the
     * default locale (a Turkish locale would otherwise map I to dotless ı).
     */
    public static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** The code points of {@code s} as strings, as Python iterates a {@code str}. */
    public static List<String> codePoints(String s) {
        return s.codePoints().mapToObj(Character::toString).toList();
    }
}
