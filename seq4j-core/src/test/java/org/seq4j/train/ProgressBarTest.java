package org.seq4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Keras Progbar lines, character for character. */
class ProgressBarTest {

    private static Map<String, Double> logs(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
        }
        return m;
    }

    @Test
    void interactiveBarLine() {
        assertEquals(" 12/352 [>.............................] - ETA: 31s - loss: 0.4123 - accuracy: 0.8125",
                ProgressBar.barLine(12, 352, 31.4, logs("loss", 0.4123, "accuracy", 0.8125)));
        assertEquals(" 36/352 [==>...........................] - ETA: 31s - loss: 0.4123",
                ProgressBar.barLine(36, 352, 31.9, logs("loss", 0.4123)));
    }

    @Test
    void finishedBarShowsTimeAndTimePerStep() {
        assertEquals("352/352 [==============================] - 41s 116ms/step - loss: 0.3012",
                ProgressBar.finalBarLine(352, 352, 41.0, logs("loss", 0.3012)));
    }

    @Test
    void nonInteractiveOneLinePerEpoch() {
        assertEquals("352/352 - 41s - loss: 0.3012 - accuracy: 0.8721 - val_loss: 0.3301 - val_accuracy: 0.8603",
                ProgressBar.summaryLine(352, 352, 41.2, logs("loss", 0.3012, "accuracy", 0.8721,
                        "val_loss", 0.3301, "val_accuracy", 0.8603)));
    }

    @Test
    void smallValuesInScientificNotationAndLongEtas() {
        assertEquals(" - loss: 1.2340e-04", ProgressBar.values(logs("loss", 1.234e-4)));
        assertEquals("1:01:01", ProgressBar.eta(3661));
        assertEquals("2:05", ProgressBar.eta(125));
        assertEquals("     12/Unknown - ETA: 0s".substring(0, 15), ProgressBar.barLine(12, 0, 0, logs()));
    }

    @Test
    void interactiveRedrawsInPlaceAndEndsWithNewline() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ProgressBar bar = new ProgressBar(out, true, 4);
        bar.update(1, logs("loss", 0.5));
        bar.finish(4, logs("loss", 0.25));
        String s = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(s.startsWith("\r1/4 [======>.......................] - ETA: "), s);
        assertTrue(s.contains("\r4/4 [==============================] - 0s "), s);
        assertTrue(s.endsWith(" - loss: 0.2500\n") || s.endsWith(" - loss: 0.2500" + System.lineSeparator()), s);
    }

    @Test
    void nonInteractivePrintsNothingUntilTheEpochEnds() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ProgressBar bar = new ProgressBar(out, false, 2);
        bar.update(1, logs("loss", 0.5));
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
        bar.finish(2, logs("loss", 0.25));
        assertEquals("2/2 - 0s - loss: 0.2500" + System.lineSeparator(), bytes.toString(StandardCharsets.UTF_8));
    }
}
