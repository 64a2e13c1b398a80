/**
 * Text preprocessing: Keras' {@link org.seq4j.text.Tokenizer} and {@code pad_sequences}
 * ({@link org.seq4j.text.Sequences}), reproduced exactly from keras-preprocessing 1.1.2 so that models and saved
 * tokenizers move between the two; and {@link org.seq4j.text.Vocabulary}, a plain token table with special tokens
 * for models of our own. Python string semantics that these depend on live in {@link org.seq4j.text.PythonStrings}.
 * Depends only on {@code org.seq4j.tensor} (and Jackson for JSON).
 */
package org.seq4j.text;
