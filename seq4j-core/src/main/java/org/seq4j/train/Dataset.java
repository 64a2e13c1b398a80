package org.seq4j.train;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.random.RandomGenerator;
import org.seq4j.tensor.IntTensor;
import org.seq4j.tensor.Tensor;

/**
 * In-memory training data: inputs (one tensor per model input, all with the same first dimension N), targets of
 * N rows, and optional sample weights (N,) or (N, T). Batches are gathered by row index as they are needed, so
 * shuffling copies one batch at a time, never the whole set. For data that does not fit in memory, pass any
 * {@code Iterable<Batch<Y>>} to fit instead.
 *
 * @param <Y> {@code Tensor} for dense targets, {@code IntTensor} for class ids
 */
public record Dataset<Y>(List<Tensor> x, Y y, Tensor sampleWeight) {

    public Dataset {
        x = List.copyOf(x);
        if (x.isEmpty()) {
            throw new IllegalArgumentException("Dataset: no inputs");
        }
        Rows.checkTarget(y);
        int n = x.get(0).dim(0);
        for (Tensor t : x) {
            if (t.dim(0) != n) {
                throw new IllegalArgumentException("Dataset: inputs have " + t.dim(0) + " and " + n + " rows");
            }
        }
        if (Rows.count(y) != n) {
            throw new IllegalArgumentException("Dataset: " + n + " inputs but " + Rows.count(y) + " targets");
        }
        if (sampleWeight != null && sampleWeight.dim(0) != n) {
            throw new IllegalArgumentException("Dataset: " + n + " inputs but " + sampleWeight.dim(0) + " weights");
        }
    }

    public static Dataset<Tensor> of(Tensor x, Tensor y) {
        return new Dataset<>(List.of(x), y, null);
    }

    public static Dataset<IntTensor> of(Tensor x, IntTensor y) {
        return new Dataset<>(List.of(x), y, null);
    }

    /** A multi-input dataset (a Functional model with several inputs, in its input order). */
    public static <Y> Dataset<Y> of(List<Tensor> x, Y y) {
        return new Dataset<>(x, y, null);
    }

    public Dataset<Y> withSampleWeight(Tensor w) {
        return new Dataset<>(x, y, w);
    }

    public int size() {
        return x.get(0).dim(0);
    }

    /** The rows {@code index}, in that order. */
    public Dataset<Y> rows(int[] index) {
        return new Dataset<>(Rows.take(x, index), Rows.take(y, index),
                sampleWeight == null ? null : Rows.take(sampleWeight, index));
    }

    /** Rows [from, to). */
    public Dataset<Y> range(int from, int to) {
        return rows(Rows.range(from, to));
    }

    /**
     * Keras' {@code validation_split}: the last {@code fraction} of the rows, taken before any shuffling, become the
     * validation set; returns [training, validation].
     */
    public List<Dataset<Y>> splitLast(double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("validation split must be in (0, 1), got " + fraction);
        }
        int at = (int) Math.floor(size() * (1.0 - fraction));
        if (at == 0 || at == size()) {
            throw new IllegalArgumentException("validation split " + fraction + " of " + size()
                    + " rows leaves one side empty");
        }
        return List.of(range(0, at), range(at, size()));
    }

    /** Batches of {@code batchSize} in row order, or in an order drawn from {@code shuffle} when it is not null. */
    public Iterable<Batch<Y>> batches(int batchSize, RandomGenerator shuffle) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        int[] order = Rows.range(0, size());
        if (shuffle != null) {
            for (int i = order.length - 1; i > 0; i--) {   // Fisher–Yates
                int j = shuffle.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < order.length;
            }

            @Override
            public Batch<Y> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int end = Math.min(order.length, next + batchSize);
                int[] idx = java.util.Arrays.copyOfRange(order, next, end);
                next = end;
                Dataset<Y> d = rows(idx);
                return new Batch<>(d.x(), d.y(), d.sampleWeight());
            }
        };
    }

    /** The number of batches of {@code batchSize}. */
    public int batchCount(int batchSize) {
        return (size() + batchSize - 1) / batchSize;
    }
}
