package org.seq4j.text.metrics;

import java.util.regex.Pattern;
import org.seq4j.text.PythonStrings;

/**
 * sacreBLEU's tokenizers (2.6.0), by the names its {@code tokenize} argument takes. Each maps a line to a
 * space-separated token string; BLEU then splits it with Python's {@code str.split()}.
 */
public enum BleuTokenizer {
    /** mteval-v13a, sacreBLEU's default: HTML-unescape, split off punctuation and symbols, keep 3.5 and 1,000. */
    THIRTEEN_A("13a") {
        @Override
        public String tokenize(String line) {
            String s = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ");
            if (s.indexOf('&') >= 0) {
                s = s.replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
            }
            return collapse(Rules.apply(Rules.V13A, " " + s + " "));
        }
    },
    /** mteval-v14 "international": splits Unicode punctuation not next to a digit, and every symbol. */
    INTL("intl") {
        @Override
        public String tokenize(String line) {
            return collapse(Rules.apply(Rules.V14, line));
        }
    },
    /**
     * sacreBLEU's Chinese tokenizer: CJK characters (by its own, quirky, ranges: see {@code ZhChars}) become
     * tokens, then the 13a regexes run (without 13a's unescaping and line handling).
     */
    ZH("zh") {
        @Override
        public String tokenize(String line) {
            return collapse(Rules.apply(Rules.V13A, ZhChars.separate(line)));
        }
    },
    /** Every code point is a token (whitespace then disappears in the split). */
    CHAR("char") {
        @Override
        public String tokenize(String line) {
            return String.join(" ", PythonStrings.codePoints(line));
        }
    },
    /** The line as is: tokens are whatever whitespace separates. */
    NONE("none") {
        @Override
        public String tokenize(String line) {
            return line;
        }
    };

    private final String sacrebleuName;

    BleuTokenizer(String sacrebleuName) {
        this.sacrebleuName = sacrebleuName;
    }

    public abstract String tokenize(String line);

    /** The name sacreBLEU uses ("13a", "intl", "char", "none"). */
    public String sacrebleuName() {
        return sacrebleuName;
    }

    public static BleuTokenizer byName(String name) {
        for (BleuTokenizer t : values()) {
            if (t.sacrebleuName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown BLEU tokenizer '" + name + "' (known: 13a, intl, zh, char, none)");
    }

    /** {@code ' '.join(line.split())}, with Python's notion of whitespace. */
    static String collapse(String s) {
        return String.join(" ", PythonStrings.split(s));
    }

    /** The regex passes, applied in order like Python's {@code re.sub} (non-overlapping, left to right). */
    private record Rules(Pattern pattern, String replacement) {
        static final Rules[] V13A = {
            // ASCII punctuation and symbols except ' , - . (and not digits or letters) become tokens.
            new Rules(Pattern.compile("([\\{-\\~\\[-\\` -\\&\\(-\\+\\:-\\@\\/])"), " $1 "),
            // Period and comma: split unless preceded by a digit ...
            new Rules(Pattern.compile("([^0-9])([\\.,])"), "$1 $2 "),
            // ... and unless followed by a digit.
            new Rules(Pattern.compile("([\\.,])([^0-9])"), " $1 $2"),
            // Dash after a digit.
            new Rules(Pattern.compile("([0-9])(-)"), "$1 $2 "),
        };
        static final Rules[] V14 = {
            new Rules(Pattern.compile("(\\P{N})(\\p{P})"), "$1 $2 "),
            new Rules(Pattern.compile("(\\p{P})(\\P{N})"), " $1 $2"),
            new Rules(Pattern.compile("(\\p{S})"), " $1 "),
        };

        static String apply(Rules[] rules, String line) {
            String s = line;
            for (Rules r : rules) {
                s = r.pattern.matcher(s).replaceAll(r.replacement);
            }
            return s;
        }
    }
}
