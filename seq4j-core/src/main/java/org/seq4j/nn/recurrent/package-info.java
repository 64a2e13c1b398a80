/**
 * Recurrent layers with Keras semantics, built as in candle's {@code rnn.rs}: a cell ({@link
 * org.seq4j.nn.recurrent.RecurrentCell}: {@code zeroState}, {@code step}) with a state record ({@link
 * org.seq4j.nn.recurrent.HiddenState}, {@link org.seq4j.nn.recurrent.LstmState}), one generic runner over time
 * ({@link org.seq4j.nn.recurrent.Recurrence}: masks, go_backwards, variational dropout, sequences and states), and
 * thin layers over them ({@link org.seq4j.nn.recurrent.SimpleRNN}, {@link org.seq4j.nn.recurrent.LSTM}, {@link
 * org.seq4j.nn.recurrent.GRU}, {@link org.seq4j.nn.recurrent.Bidirectional}). Everything is composed of autograd
 * primitives, so no layer has a backward of its own. Weights keep Keras' names and layouts, so Keras weights load
 * as they are.
 */
package org.seq4j.nn.recurrent;
