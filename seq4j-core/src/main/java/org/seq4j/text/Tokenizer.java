package org.seq4j.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keras' text {@code Tokenizer} (keras-preprocessing 1.1.2), reproduced exactly: same word index, same sequences,
 * same matrices, same JSON.
 *
 * <p>Fitting counts words in first-seen order; the index sorts them by count, descending, with ties kept in
 * first-seen order (Python's sort is stable); index 0 is reserved and the OOV token, if any, is 1. The whole
 * vocabulary is always indexed: {@code numWords} only filters at conversion time.
 *
 * <p>One deliberate difference: Keras silently skips ids it cannot decode; here ids that can never be valid
 * (negative, or above the largest index) throw, so corrupt input is not mistaken for text. Id 0 and gaps in the
 * index behave as in Keras.
 */
public final class Tokenizer {
    private final TokenizerOptions options;
    private final Map<String, Integer> wordCounts;
    private final Map<String, Integer> wordDocs;
    private final Map<Integer, Integer> indexDocs;
    private Map<String, Integer> wordIndex;
    private Map<Integer, String> indexWord;
    private int documentCount;

    public Tokenizer(TokenizerOptions options) {
        this(options, 0, new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(),
                new LinkedHashMap<>());
    }

    /** The state of a saved tokenizer, taken as is (see {@link TokenizerJson}). */
    Tokenizer(TokenizerOptions options, int documentCount, Map<String, Integer> wordCounts,
              Map<String, Integer> wordDocs, Map<Integer, Integer> indexDocs, Map<String, Integer> wordIndex,
              Map<Integer, String> indexWord) {
        this.options = options;
        this.documentCount = documentCount;
        this.wordCounts = wordCounts;
        this.wordDocs = wordDocs;
        this.indexDocs = indexDocs;
        this.wordIndex = wordIndex;
        this.indexWord = indexWord;
    }

    /** Keras' {@code text_to_word_sequence}: lower, replace every filter character by split, split, drop empties. */
    public static List<String> textToWordSequence(String text, TokenizerOptions o) {
        String s = o.lower() ? PythonStrings.lower(text) : text;
        Set<Integer> filters = new HashSet<>();
        o.filters().codePoints().forEach(filters::add);
        StringBuilder translated = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (filters.contains(cp)) {
                translated.append(o.split());
            } else {
                translated.appendCodePoint(cp);
            }
        });
        List<String> words = new ArrayList<>();
        for (String w : PythonStrings.split(translated.toString(), o.split())) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    /** The tokens of one text as this tokenizer sees them (code points when char level). */
    public List<String> tokens(String text) {
        if (options.charLevel()) {
            return PythonStrings.codePoints(options.lower() ? PythonStrings.lower(text) : text);
        }
        return textToWordSequence(text, options);
    }

    /** Counts the words of {@code texts} (adding to earlier fits) and rebuilds the index. */
    public void fitOnTexts(List<String> texts) {
        fit(texts.stream().map(this::tokens).toList());
    }

    /**
     * Keras' {@code fit_on_texts} given pre-tokenized texts (Python lists): the tokens are only lower-cased
     * (if {@code lower}), never filtered or split.
     */
    public void fitOnTokenLists(List<List<String>> texts) {
        fit(texts.stream().map(this::lowered).toList());
    }

    private List<String> lowered(List<String> tokens) {
        return options.lower() ? tokens.stream().map(PythonStrings::lower).toList() : tokens;
    }

    private void fit(List<List<String>> texts) {
        for (List<String> seq : texts) {
            documentCount++;
            for (String w : seq) {
                wordCounts.merge(w, 1, Integer::sum);
            }
            for (String w : new LinkedHashSet<>(seq)) {
                wordDocs.merge(w, 1, Integer::sum);
            }
        }
        rebuildIndex();
    }

    /** Keras' {@code fit_on_sequences}: only document frequencies by id, for tf-idf over given sequences. */
    public void fitOnSequences(List<int[]> sequences) {
        documentCount += sequences.size();
        for (int[] seq : sequences) {
            Set<Integer> distinct = new LinkedHashSet<>();
            for (int id : seq) {
                distinct.add(id);
            }
            for (int id : distinct) {
                indexDocs.merge(id, 1, Integer::sum);
            }
        }
    }

    private void rebuildIndex() {
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(wordCounts.entrySet());
        // List.sort is stable, like Python's sort(reverse=True): equal counts keep first-seen order.
        sorted.sort((a, b) -> Integer.compare(b.getValue(), a.getValue()));
        List<String> vocab = new ArrayList<>();
        if (options.oovToken() != null) {
            vocab.add(options.oovToken());
        }
        sorted.forEach(e -> vocab.add(e.getKey()));
        // dict(zip(vocab, range(1, ...))): a word that equals the OOV token keeps the OOV's slot in iteration
        // order but takes its later index, exactly as a Python dict overwrite does.
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < vocab.size(); i++) {
            index.put(vocab.get(i), i + 1);
        }
        Map<Integer, String> inverse = new LinkedHashMap<>();
        index.forEach((w, i) -> inverse.put(i, w));
        wordIndex = index;
        indexWord = inverse;
        wordDocs.forEach((w, c) -> indexDocs.put(wordIndex.get(w), c));
    }

    /** Keras' {@code texts_to_sequences}. */
    public List<int[]> textsToSequences(List<String> texts) {
        return toSequences(texts.stream().map(this::tokens).toList());
    }

    /** Keras' {@code texts_to_sequences} given pre-tokenized texts (lower-cased if {@code lower}, as Keras does). */
    public List<int[]> tokenListsToSequences(List<List<String>> texts) {
        return toSequences(texts.stream().map(this::lowered).toList());
    }

    private List<int[]> toSequences(List<List<String>> texts) {
        Integer oovIndex = oovIndex();
        List<int[]> out = new ArrayList<>(texts.size());
        for (List<String> tokens : texts) {
            List<Integer> ids = new ArrayList<>();
            for (String w : tokens) {
                Integer i = wordIndex.get(w);
                if (i != null && !(options.limitsWords() && i >= options.numWords())) {
                    ids.add(i);
                } else if (oovIndex != null) {
                    ids.add(oovIndex);
                }
            }
            out.add(ids.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }

    /** Keras' {@code sequences_to_texts}: ids joined by spaces; unknown or filtered ids become OOV or vanish. */
    public List<String> sequencesToTexts(List<int[]> sequences) {
        Integer oovIndex = oovIndex();
        int maxIndex = indexWord.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<String> out = new ArrayList<>(sequences.size());
        for (int s = 0; s < sequences.size(); s++) {
            int[] seq = sequences.get(s);
            List<String> words = new ArrayList<>();
            for (int p = 0; p < seq.length; p++) {
                int id = seq[p];
                checkId(id, maxIndex, s, p);
                String word = indexWord.get(id);
                if (word != null && !(options.limitsWords() && id >= options.numWords())) {
                    words.add(word);
                } else if (oovIndex != null) {
                    words.add(indexWord.get(oovIndex));
                }
            }
            out.add(String.join(" ", words));
        }
        return out;
    }

    private static void checkId(int id, int maxIndex, int sequence, int position) {
        if (id < 0 || id > maxIndex) {
            throw new IllegalArgumentException("id " + id + " at sequence " + sequence + ", position " + position
                    + " is outside the word index [0, " + maxIndex + "]");
        }
    }

    /** Keras' {@code texts_to_matrix}: one row per text, {@link #matrixWidth()} columns. */
    public double[][] textsToMatrix(List<String> texts, MatrixMode mode) {
        return sequencesToMatrix(textsToSequences(texts), mode);
    }

    /** Keras' {@code sequences_to_matrix}; ids at or above the width are ignored, column 0 stays 0 in practice. */
    public double[][] sequencesToMatrix(List<int[]> sequences, MatrixMode mode) {
        int width = matrixWidth();
        if (mode == MatrixMode.TFIDF && documentCount == 0) {
            throw new IllegalStateException("tfidf needs document counts: fit the tokenizer first");
        }
        double[][] x = new double[sequences.size()][width];
        for (int r = 0; r < sequences.size(); r++) {
            int[] seq = sequences.get(r);
            Map<Integer, Integer> counts = new HashMap<>();
            for (int p = 0; p < seq.length; p++) {
                if (seq[p] < 0) {
                    // Python would write to column width + id (negative indexing): reject instead.
                    throw new IllegalArgumentException("negative id " + seq[p] + " at sequence " + r
                            + ", position " + p);
                }
                if (seq[p] < width) {
                    counts.merge(seq[p], 1, Integer::sum);
                }
            }
            for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
                x[r][e.getKey()] = cell(mode, e.getKey(), e.getValue(), seq.length);
            }
        }
        return x;
    }

    private double cell(MatrixMode mode, int id, int count, int length) {
        return switch (mode) {
            case BINARY -> 1.0;
            case COUNT -> count;
            case FREQ -> (double) count / length;
            case TFIDF -> {
                double tf = 1 + Math.log(count);
                double idf = Math.log(1 + (double) documentCount / (1 + indexDocs.getOrDefault(id, 0)));
                yield tf * idf;
            }
        };
    }

    /** Matrix width: {@code numWords} if set, else the index size + 1 (column 0 is the reserved index). */
    public int matrixWidth() {
        if (options.limitsWords()) {
            return options.numWords();
        }
        if (wordIndex.isEmpty()) {
            throw new IllegalStateException("matrix width unknown: set numWords or fit the tokenizer first");
        }
        return wordIndex.size() + 1;
    }

    private Integer oovIndex() {
        if (options.oovToken() == null) {
            return null;
        }
        Integer i = wordIndex.get(options.oovToken());
        if (i == null) {
            // Keras would emit None into the sequence here.
            throw new IllegalStateException("the OOV token '" + options.oovToken() + "' is not indexed: fit first");
        }
        return i;
    }

    public TokenizerOptions options() {
        return options;
    }

    public int documentCount() {
        return documentCount;
    }

    /** Word → count, in first-seen order (Python's OrderedDict). */
    public Map<String, Integer> wordCounts() {
        return Collections.unmodifiableMap(wordCounts);
    }

    /** Word → number of fitted texts containing it, in first-seen order. */
    public Map<String, Integer> wordDocs() {
        return Collections.unmodifiableMap(wordDocs);
    }

    /** Index → number of fitted texts containing that word (or that id, after {@link #fitOnSequences}). */
    public Map<Integer, Integer> indexDocs() {
        return Collections.unmodifiableMap(indexDocs);
    }

    /** Word → index (1-based; the OOV token, if any, is 1). */
    public Map<String, Integer> wordIndex() {
        return Collections.unmodifiableMap(wordIndex);
    }

    /** Index → word. */
    public Map<Integer, String> indexWord() {
        return Collections.unmodifiableMap(indexWord);
    }

    /** Keras' {@code to_json()}: the same string Python's {@code json.dumps} writes. */
    public String toJson() {
        return TokenizerJson.write(this);
    }

    /** Keras' {@code tokenizer_from_json}. */
    public static Tokenizer fromJson(String json) {
        return TokenizerJson.read(json, "<string>");
    }

    public void save(Path file) throws IOException {
        Files.writeString(file, toJson());
    }

    public static Tokenizer load(Path file) throws IOException {
        return TokenizerJson.read(Files.readString(file), file.toString());
    }
}
