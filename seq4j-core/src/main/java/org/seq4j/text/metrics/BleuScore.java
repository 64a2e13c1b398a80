package org.seq4j.text.metrics;

import java.util.Locale;

/**
 * A BLEU result with the parts sacreBLEU reports. Percentages are 0-100 and unrounded.
 *
 * @param score      BLEU, 0-100
 * @param counts     clipped n-gram matches per order (1..N); whole numbers unless add-k with a fractional k,
 *                   which sacreBLEU adds to orders 2 and up before reporting
 * @param totals     hypothesis n-grams per order (add-k included likewise)
 * @param precisions n-gram precisions, 0-100 (after smoothing)
 * @param bp         brevity penalty
 * @param sysLen     hypothesis tokens
 * @param refLen     reference tokens (per sentence the closest reference length, ties to the shorter)
 */
public record BleuScore(double score, double[] counts, double[] totals, double[] precisions, double bp, long sysLen,
                        long refLen) {

    public BleuScore {
        counts = counts.clone();
        totals = totals.clone();
        precisions = precisions.clone();
    }

    @Override
    public double[] counts() {
        return counts.clone();
    }

    @Override
    public double[] totals() {
        return totals.clone();
    }

    @Override
    public double[] precisions() {
        return precisions.clone();
    }

    /** sacreBLEU's one-line format: {@code BLEU = 50.81 100.0/66.7/40.0/25.0 (BP = 1.000 ratio = ...)}. */
    @Override
    public String toString() {
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < precisions.length; i++) {
            p.append(i == 0 ? "" : "/").append(String.format(Locale.ROOT, "%.1f", precisions[i]));
        }
        double ratio = refLen == 0 ? 0 : (double) sysLen / refLen;
        return String.format(Locale.ROOT, "BLEU = %.2f %s (BP = %.3f ratio = %.3f hyp_len = %d ref_len = %d)",
                score, p, bp, ratio, sysLen, refLen);
    }
}
