/**
 * Training with a Keras-like API: {@link org.seq4j.train.Model} wraps a network (Sequential or Functional) and
 * adds {@code compile} (loss, optimizer, metrics), {@code fit}, {@code evaluate}, {@code predict} and resumable
 * {@code save}/{@code load}.
 *
 * <ul>
 *   <li>Data: {@link org.seq4j.train.Dataset} (in memory, shuffled per epoch under a seed) or any
 *       {@code Iterable<Batch<Y>>} (streamed); {@code Y} is {@code Tensor} for dense targets and {@code IntTensor}
 *       for class ids, fixed by the compiled loss;</li>
 *   <li>{@link org.seq4j.train.FitOptions}: Keras' fit arguments and defaults;</li>
 *   <li>{@link org.seq4j.train.MetricSpec}: streaming metrics with Keras' names, honouring sample weights and the
 *       mask the network puts on its output;</li>
 *   <li>{@link org.seq4j.train.Callback}s: EarlyStopping, ModelCheckpoint, CSVLogger, LearningRateScheduler,
 *       ReduceLROnPlateau; a NaN/Inf guard is always on ({@link org.seq4j.train.NonFiniteException});</li>
 *   <li>progress as Keras prints it: a bar on a terminal, one line per epoch elsewhere.</li>
 * </ul>
 */
package org.seq4j.train;
