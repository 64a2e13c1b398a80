/**
 * BERT WordPiece (uncased), identical to Hugging Face tokenizers with {@code bert-base-uncased} /
 * {@code all-MiniLM-L6-v2}'s {@code tokenizer.json}.
 *
 * <pre>{@code
 * WordPieceTokenizer bert = WordPieceFiles.loadVocabTxt(Path.of("vocab.txt"));
 * BertEncoding e = bert.encode("Hello, world!", EncodeOptions.padTo(16));   // ids, typeIds, attentionMask, ...
 * BertEncoding p = bert.encodePair("A question?", "An answer.", EncodeOptions.truncateTo(128));
 * WordPieceTokenizer.BertBatch batch = bert.encodeBatch(texts, EncodeOptions.truncateTo(64)); // (B, T) tensors
 * }</pre>
 *
 * Pipeline: special tokens in the raw text → {@link org.seq4j.text.wordpiece.BertNormalizer} →
 * {@link org.seq4j.text.wordpiece.BertPreTokenizer} → {@link org.seq4j.text.wordpiece.WordPiece} → template.
 */
package org.seq4j.text.wordpiece;
