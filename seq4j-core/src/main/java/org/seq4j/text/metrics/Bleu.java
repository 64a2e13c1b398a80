package org.seq4j.text.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.seq4j.text.PythonStrings;

/**
 * BLEU exactly as sacreBLEU 2.6.0 computes it (Papineni et al. 2002; Post 2018).
 *
 * <p>Each segment is lower-cased if asked, right-stripped, tokenized, and split on whitespace. Per segment:
 * clipped n-gram matches (a reference n-gram's count is its maximum over that segment's references), the
 * hypothesis n-gram totals, the hypothesis length and the closest reference length (ties to the shorter).
 * Corpus BLEU sums these over segments first, then
 * {@code BLEU = BP · exp(mean_n log p_n)}, {@code BP = exp(1 - ref/sys)} if {@code sys < ref}, else 1
 * (0 for an empty system output).
 */
public final class Bleu {
    /** sacreBLEU's log of zero: a finite stand-in that makes exp(...) underflow to 0. */
    private static final double LOG_ZERO = -9999999999.0;

    private Bleu() {
    }

    /**
     * {@code sacrebleu.corpus_bleu}. {@code references} is in sacreBLEU's stream layout: {@code references.get(k)}
     * holds the k-th reference of every segment; a {@code null} entry means that segment has no k-th reference.
     */
    public static BleuScore corpus(List<String> hypotheses, List<List<String>> references, BleuOptions o) {
        for (int k = 0; k < references.size(); k++) {
            if (references.get(k).size() != hypotheses.size()) {
                throw new IllegalArgumentException("reference stream " + k + " has " + references.get(k).size()
                        + " segments but there are " + hypotheses.size() + " hypotheses");
            }
        }
        int n = o.maxNgramOrder();
        long[] correct = new long[n];
        long[] total = new long[n];
        long sysLen = 0;
        long refLen = 0;
        for (int i = 0; i < hypotheses.size(); i++) {
            List<String> refs = new ArrayList<>();
            for (List<String> stream : references) {
                if (stream.get(i) != null) {
                    refs.add(stream.get(i));
                }
            }
            SegmentStats s = segment(hypotheses.get(i), refs, o);
            sysLen += s.hypLen;
            refLen += s.refLen;
            for (int j = 0; j < n; j++) {
                correct[j] += s.correct[j];
                total[j] += s.total[j];
            }
        }
        return score(correct, total, sysLen, refLen, o);
    }

    /** {@code sacrebleu.sentence_bleu}: one hypothesis against its references (use sentence defaults). */
    public static BleuScore sentence(String hypothesis, List<String> references, BleuOptions o) {
        SegmentStats s = segment(hypothesis, references, o);
        return score(s.correct, s.total, s.hypLen, s.refLen, o);
    }

    /** The tokens BLEU counts for one line: lower-case if asked, right-strip, tokenize. */
    public static String preprocess(String line, BleuOptions o) {
        String s = o.lowercase() ? PythonStrings.lower(line) : line;
        return o.tokenizer().tokenize(PythonStrings.rstrip(s));
    }

    private record SegmentStats(long hypLen, long refLen, long[] correct, long[] total) {
    }

    private static SegmentStats segment(String hypothesis, List<String> references, BleuOptions o) {
        int n = o.maxNgramOrder();
        Map<String, Integer> refNgrams = new HashMap<>();
        long[] refLens = new long[references.size()];
        for (int r = 0; r < references.size(); r++) {
            List<String> tokens = PythonStrings.split(preprocess(references.get(r), o));
            refLens[r] = tokens.size();
            ngrams(tokens, n).forEach((g, c) -> refNgrams.merge(g, c, Math::max));
        }
        List<String> hyp = PythonStrings.split(preprocess(hypothesis, o));
        long[] correct = new long[n];
        long[] total = new long[n];
        for (Map.Entry<String, Integer> e : ngrams(hyp, n).entrySet()) {
            int order = order(e.getKey());
            total[order - 1] += e.getValue();
            correct[order - 1] += Math.min(e.getValue(), refNgrams.getOrDefault(e.getKey(), 0));
        }
        return new SegmentStats(hyp.size(), closestRefLen(hyp.size(), refLens), correct, total);
    }

    /** n-grams of orders 1..max with counts; tokens never contain spaces, so a space-joined key is unambiguous. */
    private static Map<String, Integer> ngrams(List<String> tokens, int max) {
        Map<String, Integer> counts = new HashMap<>();
        for (int n = 1; n <= max; n++) {
            for (int i = 0; i + n <= tokens.size(); i++) {
                counts.merge(String.join(" ", tokens.subList(i, i + n)), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static int order(String ngram) {
        int spaces = 0;
        for (int i = 0; i < ngram.length(); i++) {
            if (ngram.charAt(i) == ' ') {
                spaces++;
            }
        }
        return spaces + 1;
    }

    /** The reference length closest to the hypothesis length; on a tie the shorter one (sacreBLEU). */
    static long closestRefLen(long hypLen, long[] refLens) {
        long bestDiff = -1;
        long best = -1;
        for (long len : refLens) {
            long diff = Math.abs(hypLen - len);
            if (bestDiff == -1 || diff < bestDiff) {
                bestDiff = diff;
                best = len;
            } else if (diff == bestDiff && len < best) {
                best = len;
            }
        }
        return best;
    }

    /** sacreBLEU's {@code compute_bleu} from summed statistics. */
    public static BleuScore score(long[] correctCounts, long[] totalCounts, long sysLen, long refLen, BleuOptions o) {
        int max = o.maxNgramOrder();
        double[] correct = new double[max];
        double[] total = new double[max];
        for (int i = 0; i < max; i++) {
            correct[i] = correctCounts[i];
            total[i] = totalCounts[i];
        }
        double bp = sysLen < refLen ? (sysLen > 0 ? Math.exp(1 - (double) refLen / sysLen) : 0.0) : 1.0;
        double[] precisions = new double[max];
        boolean anyMatch = false;
        for (double c : correct) {
            anyMatch |= c != 0;
        }
        if (!anyMatch) {
            return new BleuScore(0.0, correct, total, precisions, bp, sysLen, refLen);
        }
        double k = o.effectiveSmoothValue();
        double smoothMteval = 1.0;
        int effOrder = max;
        for (int n = 1; n <= max; n++) {
            if (o.smoothing() == Smoothing.ADD_K && n > 1) {
                correct[n - 1] += k;
                total[n - 1] += k;
            }
            if (total[n - 1] == 0) {
                break;
            }
            if (o.effectiveOrder()) {
                effOrder = n;
            }
            if (correct[n - 1] == 0) {
                if (o.smoothing() == Smoothing.EXP) {
                    smoothMteval *= 2;
                    precisions[n - 1] = 100.0 / (smoothMteval * total[n - 1]);
                } else if (o.smoothing() == Smoothing.FLOOR) {
                    precisions[n - 1] = 100.0 * k / total[n - 1];
                }
            } else {
                precisions[n - 1] = 100.0 * correct[n - 1] / total[n - 1];
            }
        }
        double sumLog = 0;
        for (int i = 0; i < effOrder; i++) {
            sumLog += precisions[i] == 0.0 ? LOG_ZERO : Math.log(precisions[i]);
        }
        double score = bp * Math.exp(sumLog / effOrder);
        return new BleuScore(score, correct, total, precisions, bp, sysLen, refLen);
    }
}
