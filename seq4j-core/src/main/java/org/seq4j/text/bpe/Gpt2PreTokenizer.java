package org.seq4j.text.bpe;

import java.util.ArrayList;
import java.util.List;

/**
 * GPT-2's pre-tokenisation, the pattern
 * {@code 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+},
 * as a hand-written scanner that makes the same choices Python's {@code regex} (and Rust's onig) make.
 *
 * <p>Hand-written rather than {@link java.util.regex.Pattern} because Java's {@code \s} is ASCII-only by default,
 * {@code \p{L}} must be judged per code point, and {@code \s+(?!\S)} backtracks on every whitespace run: a linear
 * scan is both exact and several times faster. {@code \s} is Unicode White_Space (U+0085 and U+00A0 are space,
 * U+FEFF is not); the optional prefix {@code " ?"} is only U+0020.
 */
public final class Gpt2PreTokenizer {
    static final byte OTHER = 0;
    static final byte LETTER = 1;
    static final byte NUMBER = 2;
    static final byte SPACE = 3;

    /** Class of every BMP char, so the hot loop does one array load instead of a Unicode lookup. */
    private static final byte[] BMP_CLASS = buildBmpClasses();

    /** Receives each piece as a {@code [start, end)} range of UTF-16 indices. */
    @FunctionalInterface
    public interface PieceSink {
        void accept(int start, int end);
    }

    private Gpt2PreTokenizer() {
    }

    /** The pieces of {@code text}, in order; their concatenation is {@code text}. */
    public static List<String> split(String text) {
        List<String> pieces = new ArrayList<>();
        scan(text, 0, text.length(), (s, e) -> pieces.add(text.substring(s, e)));
        return pieces;
    }

    /** Scans {@code text[from, to)} and reports every piece to {@code sink}. */
    public static void scan(CharSequence text, int from, int to, PieceSink sink) {
        int i = from;
        while (i < to) {
            int end = pieceEnd(text, i, to);
            sink.accept(i, end);
            i = end;
        }
    }

    /** End of the piece starting at {@code i}: the alternatives are tried in the pattern's order. */
    private static int pieceEnd(CharSequence text, int i, int to) {
        char c = text.charAt(i);
        if (c == '\'' && i + 1 < to) {
            int contraction = contractionEnd(text, i, to);
            if (contraction > 0) {
                return contraction;
            }
        }
        // " ?": a single U+0020 may lead a letter, number or symbol run; if it leads nothing, it is whitespace.
        int p = (c == ' ' && i + 1 < to) ? i + 1 : i;
        byte cls = classAt(text, p);
        if (cls != SPACE) {
            return runEnd(text, p, to, cls);
        }
        return whitespaceEnd(text, i, to);
    }

    private static int contractionEnd(CharSequence text, int i, int to) {
        char a = text.charAt(i + 1);
        if (a == 's' || a == 't' || a == 'm' || a == 'd') {
            return i + 2;
        }
        if (i + 2 < to) {
            char b = text.charAt(i + 2);
            if ((a == 'r' && b == 'e') || (a == 'v' && b == 'e') || (a == 'l' && b == 'l')) {
                return i + 3;
            }
        }
        return -1;
    }

    /** {@code \s+(?!\S)} then {@code \s+}: a run before a non-space gives back its last char to the next piece. */
    private static int whitespaceEnd(CharSequence text, int i, int to) {
        int r = i;
        while (r < to && classAt(text, r) == SPACE) {
            r++; // every White_Space char is in the BMP
        }
        if (r == to || r - i == 1) {
            return r;
        }
        return r - 1;
    }

    /** End of a maximal run of code points of class {@code cls} (the first code point is known to qualify). */
    private static int runEnd(CharSequence text, int p, int to, byte cls) {
        int r = p + Character.charCount(codePointAt(text, p, to));
        while (r < to) {
            int cp = codePointAt(text, r, to);
            if (classOf(cp) != cls) {
                break;
            }
            r += Character.charCount(cp);
        }
        return r;
    }

    private static byte classAt(CharSequence text, int i) {
        char c = text.charAt(i);
        if (!Character.isSurrogate(c)) {
            return BMP_CLASS[c];
        }
        return classOf(codePointAt(text, i, text.length()));
    }

    private static int codePointAt(CharSequence text, int i, int to) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
            return Character.toCodePoint(c, text.charAt(i + 1));
        }
        return c;
    }

    static byte classOf(int cp) {
        if (cp < 0x10000) {
            return BMP_CLASS[cp];
        }
        return computeClass(cp);
    }

    private static byte computeClass(int cp) {
        if (isWhiteSpace(cp)) {
            return SPACE;
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER -> LETTER;
            case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> NUMBER;
            default -> OTHER;
        };
    }

    /** Unicode's White_Space property (what {@code \s} means in Python's regex and Rust); not Java's isWhitespace. */
    static boolean isWhiteSpace(int cp) {
        return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680
                || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F
                || cp == 0x205F || cp == 0x3000;
    }

    private static byte[] buildBmpClasses() {
        byte[] table = new byte[0x10000];
        for (int c = 0; c < table.length; c++) {
            table[c] = computeClass(c);
        }
        return table;
    }
}
