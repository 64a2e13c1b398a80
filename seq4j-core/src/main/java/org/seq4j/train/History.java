package org.seq4j.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What fit returns (Keras {@code History}): the logs of every epoch run, in order. */
public final class History {
    private final List<Integer> epochs = new ArrayList<>();
    private final List<Map<String, Double>> logs = new ArrayList<>();

    void add(int epoch, Map<String, Double> epochLogs) {
        epochs.add(epoch);
        logs.add(Collections.unmodifiableMap(new LinkedHashMap<>(epochLogs)));
    }

    /** The 0-based epoch numbers run (from the initial epoch on). */
    public List<Integer> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    /** Every epoch's logs. */
    public List<Map<String, Double>> logs() {
        return Collections.unmodifiableList(logs);
    }

    /** One key across epochs (Keras {@code history.history["val_loss"]}); NaN where an epoch lacks it. */
    public List<Double> get(String key) {
        return logs.stream().map(m -> m.getOrDefault(key, Double.NaN)).toList();
    }

    /** The last epoch's logs (empty when no epoch ran). */
    public Map<String, Double> last() {
        return logs.isEmpty() ? Map.of() : logs.get(logs.size() - 1);
    }
}
