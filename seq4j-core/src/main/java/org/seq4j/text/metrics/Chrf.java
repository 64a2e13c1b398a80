package org.seq4j.text.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.seq4j.text.PythonStrings;

/**
 * chrF / chrF++ as sacreBLEU 2.x computes it (Popović 2015, 2017): character n-gram F-score, optionally with
 * word n-grams.
 *
 * <p>Per order: hypothesis n-grams, reference n-grams and clipped matches. With several references a segment
 * keeps the statistics of the reference giving the best F-score. Corpus chrF sums the statistics over segments,
 * then averages precision and recall over the orders where both sides have n-grams and returns
 * {@code 100 · (1 + β²)·P·R / (β²·P + R)}.
 *
 * <p>Not yet checked against sacreBLEU-made fixtures (there are none for chrF in this set); the tests reproduce
 * sacreBLEU's own published test values.
 */
public final class Chrf {
    private static final double EPS = 1e-16;
    /** Python's {@code string.punctuation}, which chrF++ strips from word edges. */
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private Chrf() {
    }

    /** {@code sacrebleu.corpus_chrf}; {@code references} in stream layout as for {@link Bleu#corpus}. */
    public static double corpus(List<String> hypotheses, List<List<String>> references, ChrfOptions o) {
        for (int k = 0; k < references.size(); k++) {
            if (references.get(k).size() != hypotheses.size()) {
                throw new IllegalArgumentException("reference stream " + k + " has " + references.get(k).size()
                        + " segments but there are " + hypotheses.size() + " hypotheses");
            }
        }
        long[] total = new long[3 * (o.charOrder() + o.wordOrder())];
        for (int i = 0; i < hypotheses.size(); i++) {
            List<String> refs = new ArrayList<>();
            for (List<String> stream : references) {
                if (stream.get(i) != null) {
                    refs.add(stream.get(i));
                }
            }
            long[] s = segment(hypotheses.get(i), refs, o);
            for (int j = 0; j < total.length; j++) {
                total[j] += s[j];
            }
        }
        return fScore(total, o);
    }

    /** {@code sacrebleu.sentence_chrf}. */
    public static double sentence(String hypothesis, List<String> references, ChrfOptions o) {
        return fScore(segment(hypothesis, references, o), o);
    }

    /** [hyp, ref, match] per order (char orders first, then word orders), from the best reference. */
    private static long[] segment(String hypothesis, List<String> references, ChrfOptions o) {
        List<Map<String, Integer>> hyp = ngrams(prep(hypothesis, o), o);
        long[] best = new long[3 * (o.charOrder() + o.wordOrder())];
        double bestF = -1;
        for (String ref : references) {
            List<Map<String, Integer>> r = ngrams(prep(ref, o), o);
            long[] stats = new long[best.length];
            for (int n = 0; n < hyp.size(); n++) {
                long hypCount = 0;
                long match = 0;
                for (Map.Entry<String, Integer> e : hyp.get(n).entrySet()) {
                    hypCount += e.getValue();
                    match += Math.min(e.getValue(), r.get(n).getOrDefault(e.getKey(), 0));
                }
                // sacreBLEU does not count hypothesis n-grams of an order the reference has none of.
                stats[3 * n] = r.get(n).isEmpty() ? 0 : hypCount;
                stats[3 * n + 1] = r.get(n).values().stream().mapToLong(Integer::longValue).sum();
                stats[3 * n + 2] = match;
            }
            double f = fScore(stats, o);
            if (f > bestF) {
                bestF = f;
                best = stats;
            }
        }
        return best;
    }

    private static String prep(String s, ChrfOptions o) {
        return o.lowercase() ? PythonStrings.lower(s) : s;
    }

    private static List<Map<String, Integer>> ngrams(String line, ChrfOptions o) {
        List<Map<String, Integer>> out = new ArrayList<>();
        String chars = o.whitespace() ? line : String.join("", PythonStrings.split(line));
        int[] cps = chars.codePoints().toArray();
        for (int n = 1; n <= o.charOrder(); n++) {
            Map<String, Integer> counts = new HashMap<>();
            for (int i = 0; i + n <= cps.length; i++) {
                counts.merge(new String(cps, i, n), 1, Integer::sum);
            }
            out.add(counts);
        }
        List<String> words = o.wordOrder() > 0 ? splitPunctuation(line) : List.of();
        for (int n = 1; n <= o.wordOrder(); n++) {
            Map<String, Integer> counts = new HashMap<>();
            for (int i = 0; i + n <= words.size(); i++) {
                counts.merge(String.join(" ", words.subList(i, i + n)), 1, Integer::sum);
            }
            out.add(counts);
        }
        return out;
    }

    /** chrF++'s word split: one ASCII punctuation mark is cut off the end of a word, else off its start. */
    static List<String> splitPunctuation(String line) {
        List<String> out = new ArrayList<>();
        for (String w : PythonStrings.split(line)) {
            int[] cps = w.codePoints().toArray();
            if (cps.length == 1) {
                out.add(w);
            } else if (isPunct(cps[cps.length - 1])) {
                out.add(new String(cps, 0, cps.length - 1));
                out.add(Character.toString(cps[cps.length - 1]));
            } else if (isPunct(cps[0])) {
                out.add(Character.toString(cps[0]));
                out.add(new String(cps, 1, cps.length - 1));
            } else {
                out.add(w);
            }
        }
        return out;
    }

    private static boolean isPunct(int cp) {
        return cp < 128 && PUNCTUATION.indexOf(cp) >= 0;
    }

    /** sacreBLEU's {@code _compute_f_score}, in its order of operations. */
    static double fScore(long[] stats, ChrfOptions o) {
        int orders = stats.length / 3;
        double factor = o.beta() * o.beta();
        double score = 0;
        double avgPrec = 0;
        double avgRec = 0;
        int effectiveOrder = 0;
        for (int i = 0; i < orders; i++) {
            long nHyp = stats[3 * i];
            long nRef = stats[3 * i + 1];
            long nMatch = stats[3 * i + 2];
            double prec = nHyp > 0 ? (double) nMatch / nHyp : EPS;
            double rec = nRef > 0 ? (double) nMatch / nRef : EPS;
            double denom = factor * prec + rec;
            score += denom > 0 ? (1 + factor) * prec * rec / denom : EPS;
            if (nHyp > 0 && nRef > 0) {
                avgPrec += prec;
                avgRec += rec;
                effectiveOrder++;
            }
        }
        if (o.epsSmoothing()) {
            return 100 * score / orders;
        }
        if (effectiveOrder == 0) {
            return 0.0;
        }
        avgPrec /= effectiveOrder;
        avgRec /= effectiveOrder;
        if (avgPrec + avgRec == 0) {
            return 0.0;
        }
        return 100 * ((1 + factor) * avgPrec * avgRec / (factor * avgPrec + avgRec));
    }
}
