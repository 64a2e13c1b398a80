package org.seq4j.task.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.seq4j.task.tag.Entities.Span;

/** Span rules and counts as conlleval computes them (cases checked by hand against conlleval.pl's logic). */
class EntitiesTest {

    private static List<String> tags(String s) {
        return List.of(s.split(" "));
    }

    @Test
    void bStartsAndISameTypeContinues() {
        assertEquals(List.of(new Span("PER", 0, 2), new Span("LOC", 3, 4)),
                Entities.spans(tags("B-PER I-PER O B-LOC")));
    }

    @Test
    void bAfterBStartsANewEntity() {
        assertEquals(List.of(new Span("PER", 0, 1), new Span("PER", 1, 2)), Entities.spans(tags("B-PER B-PER")));
    }

    @Test
    void iAfterOStartsAnEntityAsConllevalDoes() {
        assertEquals(List.of(new Span("ORG", 1, 3)), Entities.spans(tags("O I-ORG I-ORG O")));
        assertEquals(List.of(new Span("ORG", 0, 1)), Entities.spans(tags("I-ORG")));   // at the sentence start
    }

    @Test
    void iOfAnotherTypeStartsANewEntity() {
        assertEquals(List.of(new Span("PER", 0, 1), new Span("LOC", 1, 3)),
                Entities.spans(tags("B-PER I-LOC I-LOC")));
        assertEquals(List.of(new Span("PER", 0, 2), new Span("LOC", 2, 3), new Span("PER", 3, 4)),
                Entities.spans(tags("B-PER I-PER I-LOC I-PER")));
    }

    @Test
    void anEntityEndsAtTheSentenceEnd() {
        assertEquals(List.of(new Span("LOC", 2, 4)), Entities.spans(tags("O O B-LOC I-LOC")));
        assertEquals(List.of(), Entities.spans(tags("O O")));
    }

    @Test
    void exactMatchesOnlyCount() {
        List<List<String>> gold = List.of(tags("B-PER I-PER O B-LOC"), tags("B-ORG O O"));
        List<List<String>> pred = List.of(tags("B-PER O O B-LOC"), tags("B-ORG O B-PER"));
        Entities.Score s = Entities.score(gold, pred);
        // predicted: PER[0,1) wrong (boundary), LOC[3,4) right, ORG[0,1) right, PER[2,3) wrong
        assertEquals(4, s.predicted());
        assertEquals(3, s.gold());
        assertEquals(2, s.correct());
        assertEquals(0.5, s.precision(), 1e-12);
        assertEquals(2 / 3.0, s.recall(), 1e-12);
        assertEquals(2 * 0.5 * (2 / 3.0) / (0.5 + 2 / 3.0), s.f1(), 1e-12);
        assertEquals(new Entities.Score(2, 1, 0, java.util.Map.of()), s.byType().get("PER"));
        assertEquals(1.0, s.byType().get("LOC").f1(), 1e-12);
    }

    @Test
    void noEntitiesGiveZeroNotNaN() {
        Entities.Score s = Entities.score(List.of(tags("O O")), List.of(tags("O O")));
        assertEquals(0.0, s.f1());
        assertEquals(0.0, s.precision());
    }
}
