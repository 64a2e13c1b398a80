package org.seq4j.text.wordpiece;

import java.text.Normalizer;

/**
 * BERT's text normalisation, in the Hugging Face order: clean (drop NUL, U+FFFD and every Cc/Cf/Co character but
 * tab/newline/CR; map White_Space to a space), surround CJK ideographs with spaces, strip accents (NFD, drop Mn),
 * lower-case per code point.
 */
public final class BertNormalizer {
    private final Options options;

    /**
     * @param cleanText          drop control/format/unassigned/private-use characters, map whitespace to ' '
     * @param handleChineseChars put spaces around CJK ideographs so each becomes a word
     * @param stripAccents       NFD then drop non-spacing marks (Mn)
     * @param lowercase          lower-case each code point
     */
    public record Options(boolean cleanText, boolean handleChineseChars, boolean stripAccents, boolean lowercase) {
        /** bert-base-uncased / all-MiniLM-L6-v2: everything on. */
        public static Options uncased() {
            return new Options(true, true, true, true);
        }

        /** Cased BERT: no accent stripping and no lower-casing. */
        public static Options cased() {
            return new Options(true, true, false, false);
        }
    }

    public BertNormalizer(Options options) {
        this.options = options;
    }

    public String normalize(String text) {
        String s = text;
        if (options.cleanText()) {
            s = clean(s);
        }
        if (options.handleChineseChars()) {
            s = spaceCjk(s);
        }
        if (options.stripAccents()) {
            s = stripAccents(s);
        }
        if (options.lowercase()) {
            s = lowercase(s);
        }
        return s;
    }

    static String clean(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == 0 || cp == 0xFFFD || (cp != '\t' && cp != '\n' && cp != '\r' && isOther(cp))) {
                return;
            }
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                return; // a lone surrogate reaches the Rust library as U+FFFD, which cleaning deletes
            }
            if (isWhitespace(cp)) {
                out.append(' ');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    static String spaceCjk(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(cp -> {
            if (isCjk(cp)) {
                out.append(' ').appendCodePoint(cp).append(' ');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    static String stripAccents(String s) {
        String nfd = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(nfd.length());
        nfd.codePoints().filter(cp -> Character.getType(cp) != Character.NON_SPACING_MARK).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** Per code point, without String.toLowerCase's context rules (final sigma), as Rust's char::to_lowercase. */
    static String lowercase(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == 0x130) {
                out.append("i\u0307"); // the one unconditional multi-character lower-case mapping
            } else {
                out.appendCodePoint(Character.toLowerCase(cp));
            }
        });
        return out.toString();
    }

    /**
     * Cc, Cf, Co: the categories the Rust library deletes while cleaning. Not Cn: its {@code is_other} (crate
     * {@code unicode_categories}) leaves unassigned code points out despite its comment, so they are kept, unlike in
     * Google's {@code tokenization.py}, which drops every C* category.
     */
    static boolean isOther(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE;
    }

    /** Tab, newline, CR and Unicode White_Space (Java's isWhitespace misses U+00A0, U+2007, U+202F). */
    static boolean isWhitespace(int cp) {
        return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680
                || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F
                || cp == 0x205F || cp == 0x3000;
    }

    /** The CJK Unified Ideograph blocks as the Rust library bounds them (not kana, not Hangul). */
    static boolean isCjk(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2A6DF)
                || (cp >= 0x2A700 && cp <= 0x2B73F) || (cp >= 0x2B740 && cp <= 0x2B81F)
                || (cp >= 0x2B920 && cp <= 0x2CEAF) || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0x2F800 && cp <= 0x2FA1F);
    }
}
