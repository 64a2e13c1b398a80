/**
 * Translation metrics as sacreBLEU 2.6.0 computes them ({@link org.seq4j.text.metrics.Bleu},
 * {@link org.seq4j.text.metrics.Chrf}), so scores printed here can be compared with published ones.
 */
package org.seq4j.text.metrics;
