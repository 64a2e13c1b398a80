package org.seq4j.task.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seq4j.task.InvalidInputException;
import org.seq4j.task.TaskModelDir;

/** The classify pipeline as a library: three classes from a CSV, save → load → the same predictions. */
class TextClassifierTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    /** Three topics, each with its own words, in a CSV whose text is quoted and holds commas. */
    private static Path topics(Path file, int rows, long seed) throws IOException {
        String[][] words = {{"goal", "match", "team"}, {"vote", "party", "senate"}, {"stock", "market", "bank"}};
        String[] names = {"sport", "politics", "business"};
        SplittableRandom rng = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder("id,topic,body\n");
        for (int i = 0; i < rows; i++) {
            int c = rng.nextInt(3);
            sb.append(i).append(',').append(names[c]).append(",\"the ").append(words[c][rng.nextInt(3)])
                    .append(", and a ").append(words[c][rng.nextInt(3)]).append(" today\"\n");
        }
        return Files.writeString(file, sb);
    }

    private static ClassifierOptions tiny() {
        return ClassifierOptions.defaults().columns("topic", "body").maxlen(8).numWords(50)
                .spec(ClassifierSpec.defaults().embed(8)).epochs(6).batchSize(16).learningRate(0.05f);
    }

    @Test
    void learnsThreeClassesAndRoundTripsThroughAModelDirectory(@TempDir Path dir) throws IOException {
        LabeledTexts train = LabeledTexts.read(topics(dir.resolve("train.csv"), 240, 1), "topic", "body");
        LabeledTexts valid = LabeledTexts.read(topics(dir.resolve("valid.csv"), 60, 2), "topic", "body");
        TextClassifier clf = TextClassifier.create(train, tiny());
        assertEquals(List.of("business", "politics", "sport"), clf.labels());
        clf.fit(train, valid, QUIET);
        Map<String, Double> scores = clf.evaluate(valid);
        assertEquals(List.of("accuracy", "precision", "recall", "f1", "loss"), List.copyOf(scores.keySet()));
        assertTrue(scores.get("accuracy") > 0.95, scores.toString());

        clf.save(dir.resolve("model"));
        assertEquals("classify", TaskModelDir.task(dir.resolve("model")));
        TextClassifier back = TextClassifier.load(dir.resolve("model"));
        List<String> texts = List.of("the senate vote", "a bank and the market", "goal!");
        assertSamePredictions(clf.predict(texts), back.predict(texts));
        assertEquals("politics", back.predict(texts).getFirst().label());
        Map<String, Double> again = back.evaluate(valid);
        // the multi-threaded kernels may sum in another order: equal to float rounding, not bit for bit
        scores.forEach((k, v) -> assertEquals(v, again.get(k), 1e-6 * Math.max(1, Math.abs(v)), k));
    }

    private static void assertSamePredictions(List<TextClassifier.Prediction> a, List<TextClassifier.Prediction> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).label(), b.get(i).label());
            assertEquals(a.get(i).probability(), b.get(i).probability(), 1e-6);
        }
    }

    @Test
    void numericLabelsSortAsNumbers() {
        assertEquals(List.of("2", "10", "100"), Labels.sorted(List.of("10", "2", "100", "2")));
        assertEquals(List.of("a", "b"), Labels.sorted(List.of("b", "a")));
    }

    @Test
    void aRecurrentSpecFromJsonTrains(@TempDir Path dir) throws IOException {
        Path spec = Files.writeString(dir.resolve("spec.json"), "{\"arch\": \"lstm\", \"hidden\": 5, \"layers\": 2}");
        ClassifierSpec s = ClassifierSpec.fromJson(spec);
        assertEquals(new ClassifierSpec(ClassifierSpec.Arch.LSTM, false, 2, 32, 5, 0.0), s);
        LabeledTexts train = LabeledTexts.read(topics(dir.resolve("train.csv"), 40, 1), "topic", "body");
        TextClassifier clf = TextClassifier.create(train, tiny().spec(s.embed(4)).epochs(1));
        clf.fit(train, null, QUIET);
        clf.save(dir.resolve("m"));
        TextClassifier back = TextClassifier.load(dir.resolve("m"));
        assertSamePredictions(clf.predict(List.of("vote")), back.predict(List.of("vote")));
    }

    @Test
    void badInputNamesTheFile(@TempDir Path dir) throws IOException {
        Path spec = Files.writeString(dir.resolve("spec.json"), "{\"arch\": \"lstm\", \"units\": 5}");
        assertTrue(assertThrows(InvalidInputException.class, () -> ClassifierSpec.fromJson(spec)).getMessage()
                .contains("spec.json"));
        Path one = Files.writeString(dir.resolve("one.tsv"), "label\ttext\nx\tsome text\nx\tmore\n");
        LabeledTexts single = LabeledTexts.read(one, "label", "text");
        assertTrue(assertThrows(InvalidInputException.class, () -> TextClassifier.create(single, tiny()))
                .getMessage().contains("two classes"));
        Path ragged = Files.writeString(dir.resolve("ragged.tsv"), "label\ttext\nx\tok\ny\n");
        assertTrue(assertThrows(InvalidInputException.class, () -> LabeledTexts.read(ragged, "label", "text"))
                .getMessage().contains("ragged.tsv:3"));
    }
}
