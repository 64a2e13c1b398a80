package org.seq4j.data;

import org.seq4j.fixtures.SharedPaths;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConllUReaderTest {
    @TempDir
    Path tmp;

    @Test
    void ewtDevSentencesAndWords() throws IOException {
        try (var sentences = ConllUReader.read(SharedPaths.data("tagging/ud_english_ewt/en_ewt-ud-dev.conllu.gz"))) {
            List<ConllUSentence> all = sentences.toList();
            assertEquals(2_001, all.size());
            assertEquals(25_147, all.stream().mapToInt(s -> s.words().size()).sum());
            ConllUSentence first = all.get(0);
            assertEquals("From the AP comes this story :", first.text());
            assertEquals(List.of("From", "the", "AP", "comes", "this", "story", ":"), first.forms());
            assertEquals(List.of("ADP", "DET", "PROPN", "VERB", "DET", "NOUN", "PUNCT"), first.upos());
            assertEquals(0, first.words().get(3).head());
            assertEquals("Definite=Def|PronType=Art", first.words().get(1).feats());
        }
    }

    @Test
    void skipsMultiwordRangesAndEmptyNodes() throws IOException {
        String row = "\t_\t_\t_\t_\t_\t_\t_\t_";
        Path f = Files.writeString(tmp.resolve("s.conllu"), "# text = don't go\n"
                + "1-2\tdon't" + row + "\n"
                + "1\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n"
                + "2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n"
                + "2.1\tgone\tgo\tVERB\tVBN\t_\t_\t_\t_\t_\n"
                + "3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n\n");
        try (var sentences = ConllUReader.read(f)) {
            ConllUSentence s = sentences.toList().get(0);
            assertEquals(List.of("do", "n't", "go"), s.forms());
            assertEquals(1, s.multiwordTokens().size());
            assertEquals("don't go", s.text());
        }
    }

    @Test
    void wrongColumnCountNamesLine() throws IOException {
        Path f = Files.writeString(tmp.resolve("bad.conllu"), "1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n2\tthere\n");
        try (var sentences = ConllUReader.read(f)) {
            var e = assertThrows(IllegalArgumentException.class, sentences::toList);
            assertTrue(e.getMessage().contains("bad.conllu:2"), e.getMessage());
        }
    }
}
