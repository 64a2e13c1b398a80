package org.seq4j.text.bpe;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Learns a byte-level BPE vocabulary GPT-2 style: texts are split by {@link Gpt2PreTokenizer}, distinct pieces are
 * counted, and the most frequent adjacent pair of tokens is merged until the vocabulary is full or no pair is
 * frequent enough. Ties go to the pair whose tokens come first by id (left, then right), so training is
 * deterministic. Pair counts are updated only in the words a merge touches, and the best pair comes from a lazy
 * max-heap (entries whose count has since changed are dropped when they surface).
 *
 * <p>Ids: the 256 byte tokens first, in {@link ByteUnicode} character order (as in GPT-2's {@code encoder.json}),
 * then merges in the order learnt, then the special tokens.
 */
public final class BpeTrainer {
    private final Options options;

    /**
     * @param vocabSize     total vocabulary size including the 256 byte tokens and the special tokens
     * @param minFrequency  a pair seen fewer times than this is never merged
     * @param specialTokens appended after the merges ({@code <|endoftext|>} by default)
     */
    public record Options(int vocabSize, int minFrequency, List<String> specialTokens) {
        public Options {
            specialTokens = List.copyOf(specialTokens);
            if (vocabSize < 256 + specialTokens.size()) {
                throw new IllegalArgumentException("vocabSize " + vocabSize + " cannot hold the 256 byte tokens and "
                        + specialTokens.size() + " special tokens");
            }
            if (minFrequency < 1) {
                throw new IllegalArgumentException("minFrequency must be at least 1: " + minFrequency);
            }
        }

        public static Options withVocabSize(int vocabSize) {
            return new Options(vocabSize, 2, List.of(BpeFiles.END_OF_TEXT));
        }
    }

    public BpeTrainer(Options options) {
        this.options = options;
    }

    /** Trains on {@code texts} (documents or lines; each is pre-tokenised on its own). */
    public BpeTokenizer train(Stream<String> texts) {
        Map<String, Long> pieceCounts = new HashMap<>();
        texts.forEach(text -> Gpt2PreTokenizer.scan(text, 0, text.length(),
                (s, e) -> pieceCounts.merge(text.substring(s, e), 1L, Long::sum)));
        List<String> tokens = new ArrayList<>();
        Map<String, Integer> vocab = new LinkedHashMap<>();
        int[] byteIds = new int[256];
        for (char c = 0; c < 512; c++) {
            int b = ByteUnicode.byteOf(c);
            if (b >= 0) {
                byteIds[b] = tokens.size();
                vocab.put(String.valueOf(c), tokens.size());
                tokens.add(String.valueOf(c));
            }
        }
        Words words = new Words(pieceCounts, byteIds);
        List<Merge> merges = new ArrayList<>();
        int target = options.vocabSize() - options.specialTokens().size();
        while (tokens.size() < target) {
            long best = words.bestPair(options.minFrequency());
            if (best < 0) {
                break;
            }
            int left = (int) (best >>> 32);
            int right = (int) best;
            String merged = tokens.get(left) + tokens.get(right);
            Integer mergedId = vocab.get(merged);
            if (mergedId == null) {
                mergedId = tokens.size();
                tokens.add(merged);
                vocab.put(merged, mergedId);
            }
            merges.add(new Merge(tokens.get(left), tokens.get(right)));
            words.merge(left, right, mergedId);
        }
        for (String s : options.specialTokens()) {
            vocab.putIfAbsent(s, vocab.size());
        }
        return new BpeTokenizer(vocab, merges, options.specialTokens());
    }

    /** The distinct pieces as token arrays with their counts, plus pair counts and which words hold each pair. */
    private static final class Words {
        /** {count, pair}: most frequent first, then the smaller pair (left id, then right id). */
        private static final Comparator<long[]> BEST_FIRST =
                Comparator.<long[]>comparingLong(e -> -e[0]).thenComparingLong(e -> e[1]);

        private final List<int[]> symbols = new ArrayList<>();
        private final List<Long> counts = new ArrayList<>();
        private final Map<Long, Long> pairCounts = new HashMap<>();
        private final Map<Long, Set<Integer>> where = new HashMap<>();
        private final PriorityQueue<long[]> heap = new PriorityQueue<>(BEST_FIRST);
        private final Set<Long> touched = new HashSet<>();

        Words(Map<String, Long> pieceCounts, int[] byteIds) {
            // Sorted so that word indices, and hence everything after, do not depend on hash order.
            pieceCounts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                byte[] bytes = e.getKey().getBytes(StandardCharsets.UTF_8);
                int[] syms = new int[bytes.length];
                for (int i = 0; i < bytes.length; i++) {
                    syms[i] = byteIds[bytes[i] & 0xFF];
                }
                int w = symbols.size();
                symbols.add(syms);
                counts.add(e.getValue());
                addPairs(w, +1);
            });
            pushTouched();
        }

        /** The most frequent pair (ties: smaller left id, then smaller right id), or -1 if none reaches the floor. */
        long bestPair(int minFrequency) {
            while (!heap.isEmpty()) {
                long[] top = heap.peek();
                if (pairCounts.getOrDefault(top[1], 0L) == top[0]) {
                    return top[0] >= minFrequency ? top[1] : -1;
                }
                heap.poll(); // stale: the pair's count changed after this entry was pushed
            }
            return -1;
        }

        void merge(int left, int right, int mergedId) {
            long pair = pair(left, right);
            Set<Integer> holders = where.remove(pair);
            if (holders == null) {
                return;
            }
            for (int w : holders.stream().sorted().toList()) {
                addPairs(w, -1);
                int[] syms = symbols.get(w);
                int n = 0;
                for (int i = 0; i < syms.length; i++) {
                    if (i + 1 < syms.length && syms[i] == left && syms[i + 1] == right) {
                        syms[n++] = mergedId;
                        i++;
                    } else {
                        syms[n++] = syms[i];
                    }
                }
                symbols.set(w, java.util.Arrays.copyOf(syms, n));
                addPairs(w, +1);
            }
            pairCounts.remove(pair);
            pushTouched();
        }

        private void pushTouched() {
            for (long p : touched) {
                long count = pairCounts.getOrDefault(p, 0L);
                if (count > 0) {
                    heap.add(new long[] {count, p});
                }
            }
            touched.clear();
        }

        private void addPairs(int w, int sign) {
            int[] syms = symbols.get(w);
            long count = counts.get(w);
            for (int i = 0; i + 1 < syms.length; i++) {
                long p = pair(syms[i], syms[i + 1]);
                touched.add(p);
                long updated = pairCounts.getOrDefault(p, 0L) + sign * count;
                if (updated == 0) {
                    pairCounts.remove(p);
                } else {
                    pairCounts.put(p, updated);
                }
                if (sign > 0) {
                    where.computeIfAbsent(p, k -> new HashSet<>()).add(w);
                }
            }
        }

        private static long pair(int left, int right) {
            return ((long) left << 32) | (right & 0xFFFFFFFFL);
        }
    }
}
