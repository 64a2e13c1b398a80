package org.seq4j.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.seq4j.tensor.IntTensor;

/**
 * Every case in {@code fixtures/text/} (keras-preprocessing 1.1.2 run unmodified) must be reproduced exactly.
 * Files are discovered, so a new case file needs no code here: a {@code tokenizer_config} file is a Tokenizer
 * case, a {@code pad_sequences} file holds {@code cases[]}.
 */
class KerasTextParityTest {

    @TestFactory
    Stream<DynamicNode> everyTextCase() {
        List<Path> files = TextFixtures.files("text", ".json");
        if (files.isEmpty()) {
            fail("no .json cases in " + TextFixtures.group("text"));
        }
        return files.stream().flatMap(KerasTextParityTest::casesOf);
    }

    private static Stream<DynamicNode> casesOf(Path file) {
        String name = file.getFileName().toString();
        JsonNode root = TextFixtures.read(file);
        if (root.has("tokenizer_config")) {
            return Stream.of(DynamicTest.dynamicTest(name, file.toUri(), () -> checkTokenizer(root)));
        }
        if (root.path("function").asText().endsWith("pad_sequences")) {
            List<DynamicNode> tests = new ArrayList<>();
            for (JsonNode c : root.get("cases")) {
                String caseName = name + " [" + c.get("case").asText() + "]";
                tests.add(DynamicTest.dynamicTest(caseName, file.toUri(), () -> checkPad(c)));
            }
            return tests.stream();
        }
        return Stream.of(DynamicTest.dynamicTest(name, () -> fail("unknown text case format in " + file)));
    }

    static TokenizerOptions options(JsonNode c) {
        return new TokenizerOptions(c.get("num_words").isNull() ? null : c.get("num_words").asInt(),
                c.get("filters").asText(), c.get("lower").asBoolean(), c.get("split").asText(),
                c.get("char_level").asBoolean(), c.get("oov_token").isNull() ? null : c.get("oov_token").asText());
    }

    private static void checkTokenizer(JsonNode root) {
        Tokenizer t = new Tokenizer(options(root.get("tokenizer_config")));
        JsonNode fit = root.get("fit_on_texts");
        if (allStrings(fit)) {
            t.fitOnTexts(TextFixtures.strings(fit));
        } else {
            // Keras also takes pre-tokenized texts (lists); fitting one text at a time ends in the same state.
            fit.forEach(x -> {
                if (x.isArray()) {
                    t.fitOnTokenLists(List.of(TextFixtures.strings(x)));
                } else {
                    t.fitOnTexts(List.of(x.asText()));
                }
            });
        }
        checkState(root, t, "fitted");
        // The Keras JSON must carry everything: a reloaded tokenizer gives the same answers.
        Tokenizer back = Tokenizer.fromJson(t.toJson());
        assertEquals(t.toJson(), back.toJson(), "JSON round trip");
        checkState(root, back, "reloaded");
    }

    private static void checkState(JsonNode root, Tokenizer t, String which) {
        assertEquals(root.get("document_count").asInt(), t.documentCount(), which + " document_count");
        assertEquals(pairs(root.get("word_counts")), t.wordCounts(), which + " word_counts");
        assertEquals(List.copyOf(pairs(root.get("word_counts")).keySet()), List.copyOf(t.wordCounts().keySet()),
                which + " word_counts order");
        assertEquals(pairs(root.get("word_docs")), t.wordDocs(), which + " word_docs");
        assertEquals(List.copyOf(objectInts(root.get("word_index")).entrySet()),
                List.copyOf(t.wordIndex().entrySet()), which + " word_index");
        Map<Integer, String> indexWord = new LinkedHashMap<>();
        root.get("index_word").properties().forEach(e -> indexWord.put(Integer.parseInt(e.getKey()),
                e.getValue().asText()));
        assertEquals(indexWord, t.indexWord(), which + " index_word");
        Map<Integer, Integer> indexDocs = new LinkedHashMap<>();
        root.get("index_docs").properties().forEach(e -> indexDocs.put(Integer.parseInt(e.getKey()),
                e.getValue().asInt()));
        assertEquals(indexDocs, t.indexDocs(), which + " index_docs");

        JsonNode queryNode = root.get("query_texts");
        List<int[]> seqs = new ArrayList<>();
        queryNode.forEach(x -> seqs.addAll(x.isArray() ? t.tokenListsToSequences(List.of(TextFixtures.strings(x)))
                : t.textsToSequences(List.of(x.asText()))));
        JsonNode expSeqs = root.get("texts_to_sequences");
        assertEquals(expSeqs.size(), seqs.size(), which + " number of sequences");
        for (int i = 0; i < seqs.size(); i++) {
            assertArrayEquals(TextFixtures.ints(expSeqs.get(i)), seqs.get(i), which + " sequence " + i);
        }
        assertEquals(TextFixtures.strings(root.get("sequences_to_texts")), t.sequencesToTexts(seqs),
                which + " sequences_to_texts");
        for (MatrixMode mode : MatrixMode.values()) {
            String key = mode.name().toLowerCase(java.util.Locale.ROOT);
            double[][] m = allStrings(queryNode) ? t.textsToMatrix(TextFixtures.strings(queryNode), mode)
                    : t.sequencesToMatrix(seqs, mode);
            JsonNode exp = root.get("texts_to_matrix").get(key);
            assertEquals(root.get("texts_to_matrix_shape").get(0).asInt(), m.length, which + " rows " + key);
            for (int r = 0; r < m.length; r++) {
                assertEquals(root.get("texts_to_matrix_shape").get(1).asInt(), m[r].length, which + " width");
                assertArrayEquals(TextFixtures.doubles(exp.get(r)), m[r], 1e-12, which + " " + key + " row " + r);
            }
        }
    }

    private static boolean allStrings(JsonNode array) {
        for (JsonNode x : array) {
            if (!x.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Integer> pairs(JsonNode list) {
        Map<String, Integer> out = new LinkedHashMap<>();
        list.forEach(p -> out.put(p.get(0).asText(), p.get(1).asInt()));
        return out;
    }

    private static Map<String, Integer> objectInts(JsonNode obj) {
        Map<String, Integer> out = new LinkedHashMap<>();
        obj.properties().forEach(e -> out.put(e.getKey(), e.getValue().asInt()));
        return out;
    }

    private static void checkPad(JsonNode c) {
        JsonNode kw = c.get("kwargs");
        PadOptions o = new PadOptions(kw.get("maxlen").isNull() ? null : kw.get("maxlen").asInt(),
                side(kw.get("padding").asText()), side(kw.get("truncating").asText()), kw.get("value").asDouble());
        int rows = c.get("output_shape").get(0).asInt();
        int cols = c.get("output_shape").get(1).asInt();
        JsonNode out = c.get("output");
        if (c.get("output_dtype").asText().startsWith("int")) {
            List<int[]> seqs = new ArrayList<>();
            c.get("sequences").forEach(s -> seqs.add(TextFixtures.ints(s)));
            IntTensor padded = Sequences.pad(seqs, o);
            int[][] expected = new int[rows][];
            for (int r = 0; r < rows; r++) {
                expected[r] = TextFixtures.ints(out.get(r));
            }
            assertEquals(IntTensor.of(expected), padded);
        } else {
            List<float[]> seqs = new ArrayList<>();
            c.get("sequences").forEach(s -> seqs.add(floats(TextFixtures.doubles(s))));
            float[] padded = Sequences.padFloatsFlat(seqs, o);
            assertEquals(rows * cols, padded.length, "size");
            for (int r = 0; r < rows; r++) {
                assertArrayEquals(floats(TextFixtures.doubles(out.get(r))),
                        java.util.Arrays.copyOfRange(padded, r * cols, (r + 1) * cols), "row " + r);
            }
        }
    }

    private static float[] floats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    private static PadOptions.Side side(String s) {
        return switch (s) {
            case "pre" -> PadOptions.Side.PRE;
            case "post" -> PadOptions.Side.POST;
            default -> throw new IllegalArgumentException("unknown side " + s);
        };
    }
}
