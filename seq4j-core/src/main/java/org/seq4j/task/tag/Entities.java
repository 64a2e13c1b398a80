package org.seq4j.task.tag;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Entity spans of BIO (IOB2) tag sequences and their precision / recall / F1, exactly as conlleval (and seqeval's
 * default mode) compute them. A span starts at {@code B-X}, and also at {@code I-X} when the previous tag is
 * {@code O}, the sentence start, or of another type (conlleval repairs such an I- into a start rather than
 * dropping it); it continues over the following {@code I-X} of the same type. A predicted span counts as correct
 * only when type, start and end all match a gold span.
 */
public final class Entities {
    private Entities() {
    }

    /** An entity: its type and the tokens {@code [start, end)}. */
    public record Span(String type, int start, int end) {}

    /** The spans of one sentence's tags. */
    public static List<Span> spans(List<String> tags) {
        List<Span> out = new ArrayList<>();
        String type = null;                 // type of the open span, null when none is open
        int start = 0;
        for (int i = 0; i <= tags.size(); i++) {
            String tag = i < tags.size() ? tags.get(i) : "O";
            char prefix = tag.equals("O") ? 'O' : tag.charAt(0);
            String tagType = prefix == 'O' ? null : tag.substring(2);
            boolean continues = prefix == 'I' && tagType.equals(type);
            if (type != null && !continues) {
                out.add(new Span(type, start, i));
                type = null;
            }
            if (prefix != 'O' && !continues) {
                type = tagType;
                start = i;
            }
        }
        return out;
    }

    /**
     * Counts over a corpus: spans predicted, spans in the gold tags, spans found exactly.
     *
     * @param byType the same counts per entity type, sorted by type
     */
    public record Score(long predicted, long gold, long correct, Map<String, Score> byType) {

        public double precision() {
            return predicted == 0 ? 0 : (double) correct / predicted;
        }

        public double recall() {
            return gold == 0 ? 0 : (double) correct / gold;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /** Scores predicted tag sequences against gold ones, sentence by sentence (spans never cross sentences). */
    public static Score score(List<List<String>> gold, List<List<String>> predicted) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException("score: " + gold.size() + " gold sentences but " + predicted.size()
                    + " predicted");
        }
        Map<String, long[]> counts = new TreeMap<>();   // type → {predicted, gold, correct}
        for (int s = 0; s < gold.size(); s++) {
            if (gold.get(s).size() != predicted.get(s).size()) {
                throw new IllegalArgumentException("score: sentence " + s + " has " + gold.get(s).size()
                        + " gold tags but " + predicted.get(s).size() + " predicted");
            }
            Set<Span> goldSpans = new HashSet<>(spans(gold.get(s)));
            for (Span p : spans(predicted.get(s))) {
                long[] c = counts.computeIfAbsent(p.type(), t -> new long[3]);
                c[0]++;
                if (goldSpans.contains(p)) {
                    c[2]++;
                }
            }
            goldSpans.forEach(g -> counts.computeIfAbsent(g.type(), t -> new long[3])[1]++);
        }
        Map<String, Score> byType = new TreeMap<>();
        long[] total = new long[3];
        counts.forEach((type, c) -> {
            byType.put(type, new Score(c[0], c[1], c[2], Map.of()));
            for (int i = 0; i < 3; i++) {
                total[i] += c[i];
            }
        });
        return new Score(total[0], total[1], total[2], byType);
    }
}
