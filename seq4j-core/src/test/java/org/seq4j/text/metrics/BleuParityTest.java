package org.seq4j.text.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.seq4j.text.TextFixtures;

/**
 * Every case of {@code fixtures/text-ref/bleu_*.jsonl} (sacreBLEU 2.6.0) must be reproduced: score, precisions
 * and BP to 1e-9 relative, counts, totals and lengths exactly. One test per case, named by its id; files are
 * discovered, so new cases need no code.
 */
class BleuParityTest {
    private static final double REL = 1e-9;

    @TestFactory
    Stream<DynamicNode> everyBleuCase() {
        List<Path> files = TextFixtures.files("text-ref", ".jsonl").stream()
                .filter(f -> f.getFileName().toString().startsWith("bleu")).toList();
        if (files.isEmpty()) {
            fail("no bleu*.jsonl cases in " + TextFixtures.group("text-ref"));
        }
        return files.stream().map(f -> DynamicContainer.dynamicContainer(f.getFileName().toString(),
                TextFixtures.readLines(f).stream().map(c -> (DynamicNode) DynamicTest.dynamicTest(
                        c.get("id").asText(), () -> check(c)))));
    }

    static BleuOptions options(JsonNode s) {
        JsonNode v = s.get("smooth_value");
        return new BleuOptions(BleuTokenizer.byName(s.get("tokenize").asText()),
                Smoothing.byName(s.get("smooth_method").asText()), v == null || v.isNull() ? null : v.asDouble(),
                s.get("lowercase").asBoolean(), s.get("use_effective_order").asBoolean(), 4);
    }

    private static void check(JsonNode c) {
        BleuOptions o = options(c.get("settings"));
        BleuScore got;
        if (c.has("hypothesis")) {
            List<String> refs = TextFixtures.strings(c.get("references"));
            if (c.has("hypothesis_tokenized")) {
                assertEquals(c.get("hypothesis_tokenized").asText(), Bleu.preprocess(c.get("hypothesis").asText(), o),
                        "hypothesis tokenization");
                List<String> tokRefs = refs.stream().map(r -> Bleu.preprocess(r, o)).toList();
                assertEquals(TextFixtures.strings(c.get("references_tokenized")), tokRefs, "reference tokenization");
            }
            got = Bleu.sentence(c.get("hypothesis").asText(), refs, o);
        } else {
            List<List<String>> streams = new ArrayList<>();
            for (JsonNode stream : c.get("references")) {
                List<String> s = new ArrayList<>();
                stream.forEach(r -> s.add(r.isNull() ? null : r.asText()));
                streams.add(s);
            }
            got = Bleu.corpus(TextFixtures.strings(c.get("hypotheses")), streams, o);
        }
        close(c.get("score").asDouble(), got.score(), "score");
        close(c.get("bp").asDouble(), got.bp(), "bp");
        double[] p = TextFixtures.doubles(c.get("precisions"));
        for (int i = 0; i < p.length; i++) {
            close(p[i], got.precisions()[i], "precision " + (i + 1));
        }
        assertArrayEquals(TextFixtures.doubles(c.get("counts")), got.counts(), "counts");
        assertArrayEquals(TextFixtures.doubles(c.get("totals")), got.totals(), "totals");
        assertEquals(c.get("sys_len").asLong(), got.sysLen(), "sys_len");
        assertEquals(c.get("ref_len").asLong(), got.refLen(), "ref_len");
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, REL * Math.max(1, Math.abs(expected)), what);
    }
}
