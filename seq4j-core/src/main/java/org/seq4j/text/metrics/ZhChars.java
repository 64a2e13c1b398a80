package org.seq4j.text.metrics;

import org.seq4j.text.PythonStrings;

/**
 * The code points sacreBLEU's {@code zh} tokenizer surrounds with spaces ({@code _UCODE_RANGES} in
 * {@code tokenizer_zh.py}), reproduced with its quirk: two of its ranges are written {@code u'\u20000'} and
 * {@code u'\u2f800'}, which Python reads as <em>two</em> characters (U+2000 then '0'), and the bounds are compared
 * as strings. So those ranges really are U+2001..U+2A6D (general punctuation, arrows, maths...) and
 * U+2F81..U+2FA1, and supplementary ideographs (Extension B) are not split at all.
 */
final class ZhChars {
    private static final int[][] RANGES = {
        {0x3400, 0x4DB5}, // CJK Unified Ideographs Extension A
        {0x4E00, 0x9FA5}, // CJK Unified Ideographs
        {0x9FA6, 0x9FBB},
        {0xF900, 0xFA2D}, // CJK Compatibility Ideographs
        {0xFA30, 0xFA6A},
        {0xFA70, 0xFAD9},
        {0x2001, 0x2A6D}, // written u'\u20000'..u'\u2a6d6', meant as Extension B
        {0x2F81, 0x2FA1}, // written u'\u2f800'..u'\u2fa1d', meant as the Compatibility Supplement
        {0xFF00, 0xFFEF}, // full-width ASCII and punctuation, half-width kana, Hangul
        {0x2E80, 0x2EFF}, // CJK Radicals Supplement
        {0x3000, 0x303F}, // CJK punctuation
        {0x31C0, 0x31EF}, // CJK strokes
        {0x2F00, 0x2FDF}, // Kangxi Radicals
        {0x2FF0, 0x2FFF}, // ideographic description
        {0x3100, 0x312F}, // Bopomofo
        {0x31A0, 0x31BF}, // Bopomofo extended
        {0xFE10, 0xFE1F},
        {0xFE30, 0xFE4F},
        {0x2600, 0x26FF},
        {0x2700, 0x27BF},
        {0x3200, 0x32FF},
        {0x3300, 0x33FF},
    };

    private ZhChars() {
    }

    static boolean isChinese(int cp) {
        for (int[] r : RANGES) {
            if (cp >= r[0] && cp <= r[1]) {
                return true;
            }
        }
        return false;
    }

    /** sacreBLEU's {@code TokenizerZh} before its regex pass: strip, then pad every "Chinese" code point. */
    static String separate(String line) {
        StringBuilder b = new StringBuilder();
        PythonStrings.strip(line).codePoints().forEach(cp -> {
            if (isChinese(cp)) {
                b.append(' ').appendCodePoint(cp).append(' ');
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }
}
