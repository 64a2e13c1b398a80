package org.seq4j.task.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seq4j.io.ModelFile;
import org.seq4j.task.RnnKind;
import org.seq4j.train.Verbosity;

class LanguageModelTest {
    private static final LmSpec SMALL = LmSpec.defaults().embed(8).hidden(32);
    private static final LmOptions FAST = LmOptions.defaults().seqLen(16).stride(4).batchSize(16).epochs(12)
            .learningRate(1e-2f).verbose(Verbosity.SILENT);

    @TempDir
    static Path dir;
    static Path corpus;
    static LanguageModel charLm;

    /** A rhyme repeated: predictable enough that a tiny LSTM learns it in seconds. */
    @BeforeAll
    static void trainOnce() throws IOException {
        String verse = "the cat sat on the mat.\nthe dog sat on the log.\nthe hen sat on the pen.\n";
        corpus = Files.writeString(dir.resolve("rhyme.txt"), verse.repeat(30));
        charLm = LanguageModel.train(corpus, SMALL, FAST);
    }

    @Test
    void charModelBeatsTheUniformBaseline() {
        LmScore s = charLm.validationScore();
        double uniform = Math.log(charLm.codec().size());
        assertTrue(s.loss() < 0.3 * uniform, "validation loss " + s.loss() + " vs log V = " + uniform);
        assertEquals(Math.exp(s.loss()), s.perplexity(), 1e-9);
        assertTrue(charLm.history().last().containsKey("seconds"));
        assertTrue(charLm.history().last().containsKey("val_loss"));
    }

    @Test
    void greedyGenerationContinuesTheRhyme() {
        String next = charLm.generate("the cat sat on the ", 4, Sampler.greedy(), new SplittableRandom(0));
        assertEquals("mat.", next);
    }

    @Test
    void sameSeedSameTextOtherSeedOtherText() {
        Sampler s = Sampler.random(LogitFilter.temperature(1.5));
        String a = charLm.generate("the ", 60, s, new SplittableRandom(7));
        String b = charLm.generate("the ", 60, s, new SplittableRandom(7));
        String c = charLm.generate("the ", 60, s, new SplittableRandom(8));
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertEquals(60, a.codePointCount(0, a.length()));
    }

    @Test
    void saveThenLoadScoresAndGeneratesIdentically() throws IOException {
        Path saved = dir.resolve("lm-model");
        charLm.save(saved);
        LanguageModel back = LanguageModel.load(saved);
        String text = Files.readString(corpus).substring(0, 300);
        assertEquals(charLm.evaluate(text).loss(), back.evaluate(text).loss(), 0.0);
        Sampler s = Sampler.random(LogitFilter.topP(0.9));
        assertEquals(charLm.generate("the h", 50, s, new SplittableRandom(3)),
                back.generate("the h", 50, s, new SplittableRandom(3)));
        assertEquals(charLm.seqLen(), back.seqLen());
    }

    @Test
    void wordAndBpeLevelsTrainAndRoundTrip() throws IOException {
        for (LmLevel level : LmLevel.values()) {
            LmOptions o = FAST.level(level).epochs(2).vocabSize(level == LmLevel.BPE ? 300 : 100).seqLen(8);
            LanguageModel lm = LanguageModel.train(corpus, SMALL.cell(RnnKind.GRU).layers(2).dropout(0.1f), o);
            assertEquals(level, lm.codec().level());
            assertTrue(Double.isFinite(lm.validationScore().loss()), level.toString());
            Path saved = dir.resolve("lm-" + level);
            lm.save(saved);
            LanguageModel back = LanguageModel.load(saved);
            assertEquals(lm.evaluate("the dog sat on the mat.").loss(),
                    back.evaluate("the dog sat on the mat.").loss(), 0.0, level.toString());
            String g = back.generate("the dog", 5, Sampler.greedy(), new SplittableRandom(0));
            assertEquals(lm.generate("the dog", 5, Sampler.greedy(), new SplittableRandom(0)), g);
        }
    }

    @Test
    void gpt2FilesServeAsTheTokenizerAndTravelWithTheModel() throws IOException {
        Path gpt2 = Path.of("../../shared/data/pretrained/tiny-gpt2");
        LmOptions o = FAST.level(LmLevel.BPE).epochs(1).seqLen(8).batchSize(64)
                .bpe(BpeSource.files(gpt2.resolve("vocab.json"), gpt2.resolve("merges.txt")));
        // a 50 257-way output is slow to train: a short text, one batch, is enough to prove the plumbing
        Path shortText = Files.writeString(dir.resolve("short.txt"), Files.readString(corpus).substring(0, 600));
        LanguageModel lm = LanguageModel.train(shortText, SMALL, o);
        assertEquals(50257, lm.codec().size());
        assertEquals("the cat sat", lm.codec().decode(lm.codec().encode("the cat sat")));
        Path saved = dir.resolve("lm-gpt2");
        lm.save(saved);
        LanguageModel back = LanguageModel.load(saved);
        assertEquals(lm.generate(" the", 4, Sampler.greedy(), null), back.generate(" the", 4, Sampler.greedy(), null));
    }

    @Test
    void wordLevelMapsUnknownWordsToUnk() throws IOException {
        LanguageModel lm = LanguageModel.train(corpus, SMALL, FAST.level(LmLevel.WORD).epochs(1));
        int[] ids = lm.codec().encode("the zebra");
        assertEquals("the <unk>", lm.codec().decode(ids));
    }

    @Test
    void emptyFileIsAnErrorNamingIt() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        var e = assertThrows(IllegalArgumentException.class, () -> LanguageModel.train(empty, SMALL, FAST));
        assertTrue(e.getMessage().contains("empty.txt"), e.getMessage());
    }

    @Test
    void aModelOfAnotherTaskIsRejectedNamingTheFile() throws IOException {
        Path other = dir.resolve("tagger-model");
        ModelFile.save(other, charLm.model().network(), Map.of(), Map.of("task", "tag"));
        var e = assertThrows(org.seq4j.task.InvalidInputException.class, () -> LanguageModel.load(other));
        assertTrue(e.getMessage().startsWith(other.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("a tag model, not a lm model"), e.getMessage());
        assertThrows(org.seq4j.task.InvalidInputException.class, () -> LanguageModel.load(dir.resolve("nowhere")));
    }

    @Test
    void emptyPromptIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> charLm.generate("", 5, Sampler.greedy(), new SplittableRandom(0)));
    }
}
