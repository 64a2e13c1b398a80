package org.seq4j.train;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.random.RandomGenerator;

/** Where an epoch's batches come from: an in-memory dataset (shuffled per epoch) or a stream. */
interface BatchSource<Y> {

    /** Steps per epoch, or 0 when unknown. */
    int steps();

    /** The batches of one epoch; {@code shuffle} is that epoch's generator (null: keep the order). */
    Iterator<Batch<Y>> epoch(RandomGenerator shuffle);

    static <Y> BatchSource<Y> of(Dataset<Y> data, int batchSize) {
        return new BatchSource<>() {
            public int steps() {
                return data.batchCount(batchSize);
            }

            public Iterator<Batch<Y>> epoch(RandomGenerator shuffle) {
                return data.batches(batchSize, shuffle).iterator();
            }
        };
    }

    /**
     * A stream, never shuffled (as Keras does not shuffle generators). With {@code stepsPerEpoch} &gt; 0 an epoch
     * is that many batches, continuing where the previous epoch stopped and starting the source over when it runs
     * out; with 0 an epoch is one pass.
     */
    static <Y> BatchSource<Y> of(Iterable<Batch<Y>> stream, int stepsPerEpoch) {
        return new BatchSource<>() {
            private Iterator<Batch<Y>> current;

            public int steps() {
                return stepsPerEpoch;
            }

            public Iterator<Batch<Y>> epoch(RandomGenerator shuffle) {
                if (stepsPerEpoch == 0) {
                    return stream.iterator();
                }
                return new Iterator<>() {
                    private int taken;

                    public boolean hasNext() {
                        if (taken >= stepsPerEpoch) {
                            return false;
                        }
                        if (current == null || !current.hasNext()) {
                            current = stream.iterator();
                        }
                        return current.hasNext();
                    }

                    public Batch<Y> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        taken++;
                        return current.next();
                    }
                };
            }
        };
    }
}
