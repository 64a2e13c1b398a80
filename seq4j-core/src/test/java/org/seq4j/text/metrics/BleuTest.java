package org.seq4j.text.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BLEU details beyond the sacreBLEU fixtures. */
class BleuTest {
    private static String t13a(String s) {
        return BleuTokenizer.THIRTEEN_A.tokenize(s);
    }

    @Test
    void thirteenASplitsPunctuationButNotNumbers() {
        assertEquals("Hello , world !", t13a("Hello, world!"));
        assertEquals("3.5 costs 1,000 $ .", t13a("3.5 costs 1,000$."));
        // The apostrophe is not in 13a's split set.
        assertEquals("1 - 2 e-mail don't", t13a("1-2 e-mail don't"));
        assertEquals("\" a & b \"", t13a("&quot;a &amp; b&quot;"));
        assertEquals("ab c", t13a("a<skipped>b\nc"));
        assertEquals("joined", t13a("join-\ned"));
    }

    @Test
    void whitespaceIsPythons() {
        // U+00A0 and U+202F split words for Python's str.split(); U+200B does not.
        assertEquals("a b c\u200Bd", t13a("a\u00A0b\u202Fc\u200Bd"));
        assertEquals("x", Bleu.preprocess("x \u3000\u0085", BleuOptions.corpusDefaults()));
    }

    @Test
    void intlSplitsUnicodePunctuationAndSymbols() {
        // mteval-v14 splits a hyphen between letters too: it is punctuation (Pd).
        assertEquals("« Bonjour » , dit - il €", BleuTokenizer.INTL.tokenize("«Bonjour», dit-il€"));
        assertEquals("3.5", BleuTokenizer.INTL.tokenize("3.5"));
        assertEquals("a\uD83D\uDE00", BleuTokenizer.CHAR.tokenize("a\uD83D\uDE00").replace(" ", "a").substring(1));
    }

    @Test
    void zhSplitsCjkWithSacreBleusRanges() {
        assertEquals("我 爱 你 。", BleuTokenizer.ZH.tokenize(" 我爱你。 "));
        assertEquals("Hello , 世 界", BleuTokenizer.ZH.tokenize("Hello,世界"));
        // The u'\\u20000' quirk: U+2001..U+2A6D count as Chinese (the em dash), Extension B does not.
        assertEquals("a — b", BleuTokenizer.ZH.tokenize("a—b"));
        assertEquals("x\uD840\uDC00y", BleuTokenizer.ZH.tokenize("x\uD840\uDC00y"));
        // No HTML unescaping in zh: the 13a regexes alone.
        assertEquals("& amp ;", BleuTokenizer.ZH.tokenize("&amp;"));
    }

    @Test
    void closestReferenceLengthTiesGoToTheShorter() {
        assertEquals(4, Bleu.closestRefLen(5, new long[] {6, 4}));
        assertEquals(4, Bleu.closestRefLen(5, new long[] {4, 6}));
        assertEquals(7, Bleu.closestRefLen(8, new long[] {3, 7, 10}));
    }

    @Test
    void identicalIsHundredAndEmptyIsZero() {
        BleuScore same = Bleu.sentence("The cat sat on the mat.", List.of("The cat sat on the mat."),
                BleuOptions.sentenceDefaults());
        assertEquals(100.0, same.score(), 1e-12);
        BleuScore empty = Bleu.corpus(List.of(""), List.of(List.of("a b")), BleuOptions.corpusDefaults());
        assertEquals(0.0, empty.score());
        assertEquals(0.0, empty.bp());
        assertArrayEquals(new double[4], empty.precisions());
    }

    @Test
    void corpusSkipsMissingReferences() {
        List<List<String>> refs = List.of(List.of("a b c d e", "w x y z"), Arrays.asList("a b c d", null));
        BleuScore s = Bleu.corpus(List.of("a b c d", "w x y z"), refs, BleuOptions.corpusDefaults());
        assertEquals(8, s.sysLen());
        assertEquals(8, s.refLen());
        assertEquals(100.0, s.score(), 1e-12);
    }

    @Test
    void referenceStreamsMustMatchTheHypotheses() {
        assertThrows(IllegalArgumentException.class,
                () -> Bleu.corpus(List.of("a", "b"), List.of(List.of("a")), BleuOptions.corpusDefaults()));
        assertThrows(IllegalArgumentException.class, () -> BleuTokenizer.byName("moses"));
        assertThrows(IllegalArgumentException.class, () -> Smoothing.byName("add-one"));
    }

    @Test
    void printsLikeSacreBleu() {
        BleuScore s = Bleu.sentence("Ein Vogel fliegt über Wasser. das", List.of("Ein Vogel fliegt über das Wasser."),
                BleuOptions.sentenceDefaults());
        assertEquals("BLEU = 50.81 100.0/66.7/40.0/25.0 (BP = 1.000 ratio = 1.000 hyp_len = 7 ref_len = 7)",
                s.toString());
    }
}
