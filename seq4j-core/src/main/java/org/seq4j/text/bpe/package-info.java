/**
 * GPT-2 byte-level BPE, identical to Hugging Face tokenizers / OpenAI's {@code encoder.py}.
 *
 * <pre>{@code
 * BpeTokenizer gpt2 = BpeFiles.load(dir.resolve("encoder.json"), dir.resolve("vocab.bpe"));
 * int[] ids = gpt2.encode("Hello, world!");          // [15496, 11, 995, 0]
 * String text = gpt2.decode(ids);
 * BpeTokenizer mine = new BpeTrainer(BpeTrainer.Options.withVocabSize(5000)).train(texts);
 * BpeFiles.write(mine, vocabJson, mergesTxt);
 * }</pre>
 *
 * Pipeline: {@link org.seq4j.text.bpe.Gpt2PreTokenizer} (the GPT-2 regex as a scanner) → UTF-8 →
 * {@link org.seq4j.text.bpe.ByteUnicode} → merges by rank. Depends only on the JDK and Jackson.
 */
package org.seq4j.text.bpe;
