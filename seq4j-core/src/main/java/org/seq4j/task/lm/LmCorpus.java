package org.seq4j.task.lm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.seq4j.data.CharVocabulary;
import org.seq4j.data.LmText;
import org.seq4j.data.Windows;
import org.seq4j.tensor.IntTensor;
import org.seq4j.tensor.Tensor;
import org.seq4j.text.Vocabulary;
import org.seq4j.text.VocabularyOptions;
import org.seq4j.text.bpe.BpeFiles;
import org.seq4j.text.bpe.BpeTrainer;
import org.seq4j.train.Dataset;

/** A language-modelling text: read, split into training and held-out parts, tokenised, cut into windows. */
final class LmCorpus {
    private LmCorpus() {
    }

    /** The training text and the held-out last part. */
    record Split(String train, String validation) {}

    /** The whole file as one string (line ends as {@code \n}); an empty file is an error naming it. */
    static String read(Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        try (IntStream cps = LmText.codePoints(file)) {
            cps.forEach(text::appendCodePoint);
        }
        if (text.toString().isBlank()) {
            throw new IllegalArgumentException(file + ": no text to model (the file is empty)");
        }
        return text.toString();
    }

    /**
     * The last {@code fraction} of the characters is held out; at word and BPE level the cut moves on to the next
     * whitespace, so that no word is split between the parts.
     */
    static Split split(String text, double fraction, LmLevel level) {
        int chars = text.codePointCount(0, text.length());
        int cut = text.offsetByCodePoints(0, (int) Math.round(chars * (1 - fraction)));
        if (level != LmLevel.CHAR) {
            while (cut < text.length() && !Character.isWhitespace(text.charAt(cut))) {
                cut++;
            }
        }
        return new Split(text.substring(0, cut), text.substring(cut));
    }

    /**
     * The codec of a level. Characters come from the whole text (as char-rnn and nanoGPT do, so the held-out part
     * never meets an unknown character); words and BPE merges from the training part only.
     */
    static TextCodec codec(String whole, String train, LmOptions o) throws IOException {
        return switch (o.level()) {
            case CHAR -> new TextCodec.Chars(CharVocabulary.of(whole.codePoints()));
            case WORD -> {
                Map<String, Long> counts = Stream.of(train.trim().split("\\s+")).filter(w -> !w.isEmpty())
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
                VocabularyOptions vo = VocabularyOptions.defaults().withSpecials(TextCodec.Words.SPECIALS)
                        .withMaxSize(o.vocabSize());
                yield new TextCodec.Words(Vocabulary.fromCounts(counts, Vocabulary.Granularity.WORD, vo));
            }
            case BPE -> switch (o.bpe()) {
                case BpeSource.Train t -> new TextCodec.Bpe(new BpeTrainer(BpeTrainer.Options
                        .withVocabSize(o.vocabSize())).train(train.lines()));
                case BpeSource.Files f -> new TextCodec.Bpe(BpeFiles.load(f.vocabJson(), f.mergesTxt()));
            };
        };
    }

    /**
     * Windows of seqLen + 1 ids every {@code stride} ids, as inputs (N, T) and next-token targets (N, T); a text
     * shorter than one full window gives one shorter window (never none, unless it has a single token).
     */
    static Dataset<IntTensor> windows(int[] ids, int seqLen, int stride) {
        int t = Math.min(seqLen, ids.length - 1);
        if (t < 1) {
            throw new IllegalArgumentException("need at least 2 tokens to score, got " + ids.length);
        }
        List<int[]> windows = Windows.sliding(IntStream.of(ids).iterator(), t, stride).toList();
        Windows.LmBatch b = Windows.batch(windows);
        return Dataset.of(asFloat(b.inputs()), b.targets());
    }

    /** Ids as the float tensor an Embedding reads. */
    static Tensor asFloat(IntTensor ids) {
        int[] v = ids.toArray();
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = v[i];
        }
        return Tensor.of(f, ids.shape().dims());
    }
}
