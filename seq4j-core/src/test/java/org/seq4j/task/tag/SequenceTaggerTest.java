package org.seq4j.task.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seq4j.data.BioReader;
import org.seq4j.data.TaggedSentence;
import org.seq4j.io.ModelFile;
import org.seq4j.task.RnnKind;
import org.seq4j.train.Verbosity;

class SequenceTaggerTest {
    private static final Path EWT_DEV = Path.of("../../shared/data/tagging/ud_english_ewt/en_ewt-ud-dev.conllu.gz");
    private static final TaggerSpec SMALL = TaggerSpec.defaults().embed(24).hidden(24).featureEmbed(12);
    private static final TaggerOptions FAST = TaggerOptions.defaults().epochs(4).batchSize(16)
            .learningRate(1e-2f).verbose(Verbosity.SILENT);

    @TempDir
    static Path dir;
    static Path conllu;
    static List<TaggedSentence> train;
    static List<TaggedSentence> test;
    static SequenceTagger tagger;

    /** The first 440 sentences of EWT dev, decompressed into the temp dir: 400 to train on, 40 to score. */
    @BeforeAll
    static void trainOnce() throws IOException {
        String text;
        try (var in = new GZIPInputStream(Files.newInputStream(EWT_DEV))) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        StringBuilder slice = new StringBuilder();
        int sentences = 0;
        for (String block : text.split("\n\n")) {
            if (sentences++ == 440) {
                break;
            }
            slice.append(block).append("\n\n");
        }
        conllu = Files.writeString(dir.resolve("slice.conllu"), slice);
        List<TaggedSentence> all = TagData.conllu(conllu, TagColumn.UPOS);
        train = all.subList(0, 400);
        test = all.subList(400, all.size());
        tagger = SequenceTagger.train(train, test, SMALL, FAST);
    }

    @Test
    void beatsTheMajorityTag() {
        Map<String, Long> counts = train.stream().flatMap(s -> s.tags().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        String majority = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        long tokens = test.stream().mapToLong(TaggedSentence::size).sum();
        double baseline = test.stream().flatMap(s -> s.tags().stream()).filter(majority::equals).count()
                / (double) tokens;
        TagScore s = tagger.evaluate(test);
        assertEquals(tokens, s.tokens());
        assertTrue(s.accuracy() > baseline + 0.3, "accuracy " + s.accuracy() + " vs majority " + baseline);
        assertNull(s.entities());
        assertTrue(tagger.history().last().containsKey("val_loss"));
    }

    @Test
    void saveThenLoadPredictsIdentically() throws IOException {
        Path saved = dir.resolve("tagger");
        tagger.save(saved);
        SequenceTagger back = SequenceTagger.load(saved);
        List<List<String>> sentences = new ArrayList<>(test.stream().map(TaggedSentence::tokens).toList());
        sentences.add(List.of("Zyzzyva", "flibbertigibbets", "quickly", "."));   // unknown words
        sentences.add(List.of());
        List<List<String>> a = tagger.predict(sentences);
        assertEquals(a, back.predict(sentences));
        assertEquals(4, a.get(a.size() - 2).size());
        assertEquals(List.of(), a.get(a.size() - 1));
        assertEquals(tagger.tags(), back.tags());
    }

    @Test
    void predictionsDoNotDependOnBatchCompanions() {
        List<List<String>> sentences = test.stream().map(TaggedSentence::tokens).toList();
        List<List<String>> together = tagger.predict(sentences);
        for (int i = 0; i < 5; i++) {
            assertEquals(together.get(i), tagger.predict(List.of(sentences.get(i))).get(0));
        }
    }

    @Test
    void bioTagsAreScoredAsEntities() throws IOException {
        StringBuilder b = new StringBuilder();
        SplittableRandom rng = new SplittableRandom(1);
        String[] people = {"Alice", "Bob", "Carol", "Dave"};
        String[] places = {"Paris", "Rome", "Oslo"};
        for (int i = 0; i < 120; i++) {
            String who = people[rng.nextInt(people.length)];
            String where = places[rng.nextInt(places.length)];
            b.append(who).append("\tB-person\nSmith\tI-person\nwent\tO\nto\tO\n").append(where)
                    .append("\tB-location\n.\tO\n\n");
        }
        Path file = Files.writeString(dir.resolve("ner.conll"), b);
        List<TaggedSentence> data = TagData.bio(file, BioReader.Options.wnut());
        SequenceTagger ner = SequenceTagger.train(data.subList(0, 100), List.of(),
                SMALL.cell(RnnKind.GRU).features(WordFeatures.WORDS).casing(Casing.KEEP), FAST.epochs(6));
        TagScore s = ner.evaluate(data.subList(100, 120));
        assertNotNull(s.entities());
        assertEquals(40, s.entities().gold());
        assertTrue(s.entities().f1() > 0.9, "entity F1 " + s.entities().f1());
    }

    @Test
    void badInputIsAnErrorNamingTheFile() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.conllu"), "");
        var e = assertThrows(IllegalArgumentException.class, () -> TagData.conllu(empty, TagColumn.UPOS));
        assertTrue(e.getMessage().contains("empty.conllu"), e.getMessage());
        var c = assertThrows(IllegalArgumentException.class, () -> TagColumn.parse("upos2"));
        assertTrue(c.getMessage().contains("upos2") && c.getMessage().contains("xpos"), c.getMessage());
        assertEquals(TagColumn.XPOS, TagColumn.parse("xpos"));
        Path lm = dir.resolve("not-a-tagger");
        ModelFile.save(lm, tagger.model().network(), Map.of(), Map.of("task", "lm"));
        var m = assertThrows(org.seq4j.task.InvalidInputException.class, () -> SequenceTagger.load(lm));
        assertTrue(m.getMessage().startsWith(lm.toString()) && m.getMessage().contains("a lm model"), m.getMessage());
    }

    @Test
    void theSuffixFeatureSeesShapeAndEnding() {
        assertEquals("Xx|ing", TagEncoder.feature("Running"));
        assertEquals("XX|nyc", TagEncoder.feature("NYC"));
        assertEquals("d|000", TagEncoder.feature("1984"));
        assertEquals("x|a", TagEncoder.feature("a"));
        assertEquals("p|...", TagEncoder.feature("..."));
        assertEquals("hello0", TagEncoder.normalise("Hello7", Casing.LOWER));
    }
}
