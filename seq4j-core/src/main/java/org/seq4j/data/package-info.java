/**
 * Streaming dataset readers: nothing reads a whole file into memory except {@link org.seq4j.data.IdxReader}, whose
 * result is a tensor. Every reader splits lines on {@code \n} only, decodes UTF-8 strictly and reads gzip
 * transparently ({@link org.seq4j.data.LineReader}, {@link org.seq4j.data.DataFiles}); errors name file and line.
 *
 * <ul>
 *   <li>{@link org.seq4j.data.DelimitedReader}: TSV / RFC-4180 CSV with a header, chosen columns, bad rows fail or
 *       are skipped and counted</li>
 *   <li>{@link org.seq4j.data.ParallelCorpus}: TSV pairs or two aligned files</li>
 *   <li>{@link org.seq4j.data.ConllUReader}: CoNLL-U sentences; {@link org.seq4j.data.BioReader}: BIO NER</li>
 *   <li>{@link org.seq4j.data.LmText}, {@link org.seq4j.data.CharVocabulary}, {@link org.seq4j.data.Windows}:
 *       language-modelling windows of T+1 ids with a stride</li>
 *   <li>{@link org.seq4j.data.IdxReader}: MNIST-style IDX images (N, rows, cols) and labels (N)</li>
 * </ul>
 * Streams hold an open file: use them in try-with-resources.
 */
package org.seq4j.data;
