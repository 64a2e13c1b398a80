package org.seq4j.task.tag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.seq4j.data.TaggedSentence;
import org.seq4j.tensor.IntTensor;
import org.seq4j.train.Batch;

/**
 * Batches of sentences of similar length, each padded only to its own longest sentence: padding to the corpus'
 * longest (159 words in EWT against a mean of 16) would make most of every step's work padding. Each pass
 * (iterator) shuffles: it draws a permutation, sorts pools of 20 batches by length, cuts them into batches and
 * shuffles the batch order. Pass k uses a generator split from the seed k times, so runs repeat exactly.
 */
final class TagBatches implements Iterable<Batch<IntTensor>> {
    private static final int POOL = 20;

    private final List<TaggedSentence> sentences;
    private final TagEncoder encoder;
    private final int batchSize;
    private final SplittableRandom passes;    // null: one fixed order (evaluation)

    TagBatches(List<TaggedSentence> sentences, TagEncoder encoder, int batchSize, SplittableRandom passes) {
        this.sentences = sentences;
        this.encoder = encoder;
        this.batchSize = batchSize;
        this.passes = passes;
    }

    @Override
    public Iterator<Batch<IntTensor>> iterator() {
        List<int[]> groups = groups(sentences.stream().mapToInt(TaggedSentence::size).toArray(), batchSize,
                passes == null ? null : passes.split());
        return groups.stream().map(this::batch).iterator();
    }

    /** Index groups of at most {@code batchSize} sentences of similar length; rng null sorts all by length. */
    static List<int[]> groups(int[] lengths, int batchSize, SplittableRandom rng) {
        int n = lengths.length;
        int[] order = IntStream.range(0, n).toArray();
        if (rng != null) {
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        int pool = rng == null ? n : POOL * batchSize;
        List<int[]> out = new ArrayList<>();
        for (int from = 0; from < n; from += pool) {
            int[] chunk = IntStream.of(order).skip(from).limit(pool).boxed()
                    .sorted(Comparator.comparingInt(i -> lengths[i])).mapToInt(Integer::intValue).toArray();
            for (int b = 0; b < chunk.length; b += batchSize) {
                out.add(java.util.Arrays.copyOfRange(chunk, b, Math.min(chunk.length, b + batchSize)));
            }
        }
        if (rng != null) {
            java.util.Collections.shuffle(out, rng);
        }
        return out;
    }

    private Batch<IntTensor> batch(int[] rows) {
        List<List<String>> tokens = new ArrayList<>();
        List<List<String>> tags = new ArrayList<>();
        for (int r : rows) {
            tokens.add(sentences.get(r).tokens());
            tags.add(sentences.get(r).tags());
        }
        return new Batch<>(encoder.inputs(tokens), encoder.targets(tags), null);
    }
}
