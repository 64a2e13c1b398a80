package org.seq4j.text.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * chrF against the values in sacreBLEU's own test suite ({@code test/test_chrf.py}: char order 6, word order 0,
 * β = 3, eps smoothing), to that suite's tolerance of 1e-4.
 */
class ChrfTest {
    private static final ChrfOptions LEGACY = ChrfOptions.defaults().withBeta(3).withEpsSmoothing(true);

    private static void legacy(String hyp, String ref, double expected) {
        assertEquals(expected, Chrf.corpus(List.of(hyp), List.of(List.of(ref)), LEGACY), 1e-4, hyp + " | " + ref);
    }

    @Test
    void sacreBleuTestValues() {
        legacy("abcdefg", "hijklmnop", 0.0);
        legacy("a", "b", 0.0);
        legacy("", "b", 0.0);
        legacy("", "ref", 0.0);
        legacy("", "reference", 0.0);
        legacy("aa", "ab", 8.3333333);
        legacy("a", "a", 16.6666667);
        legacy("a b c", "a b c", 50.0);
        legacy("a b c", "abc", 50.0);
        legacy(" risk assessment must be made of those who are qualified and expertise in the sector - these are"
                + " the scientists .", "risk assessment has to be undertaken by those who are qualified and expert"
                + " in that area - that is the scientists .", 63.361730);
        legacy(" Die    Beziehung zwischen  Obama und Netanjahu ist nicht gerade  freundlich. ",
                "Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich.", 64.1302698);
        legacy("Niemand hat die Absicht, eine Mauer zu errichten", "Niemand hat die Absicht, eine Mauer zu errichten",
                100.0);
    }

    @Test
    void corpusSumsStatisticsOverSegments() {
        List<String> hyps = List.of("a", "b");
        assertEquals(8.3333333, Chrf.corpus(hyps, List.of(List.of("a", "c")), LEGACY), 1e-6);
    }

    @Test
    void defaultsGiveHundredForIdenticalAndZeroForDisjoint() {
        ChrfOptions d = ChrfOptions.defaults();
        assertEquals(100.0, Chrf.sentence("a b c", List.of("abc"), d), 1e-12);
        assertEquals(0.0, Chrf.sentence("xyz", List.of("abc"), d));
        assertEquals(0.0, Chrf.sentence("", List.of("abc"), d));
        // The best of several references counts.
        assertEquals(100.0, Chrf.sentence("abc", List.of("xyz", "abc"), d), 1e-12);
    }

    @Test
    void chrfPlusPlusSplitsEdgePunctuation() {
        assertEquals(List.of("(hi", ")", "\"", "x", "a"), Chrf.splitPunctuation("(hi) \"x a"));
        assertEquals(100.0, Chrf.sentence("Hello, world!", List.of("Hello, world!"), ChrfOptions.chrfPlusPlus()),
                1e-12);
        assertThrows(IllegalArgumentException.class, () -> new ChrfOptions(0, 0, 2, false, false, false));
    }
}
