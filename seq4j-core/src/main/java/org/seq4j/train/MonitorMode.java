package org.seq4j.train;

/** Whether a monitored value improves by going down or up (Keras {@code mode}). */
public enum MonitorMode {
    /** MAX for accuracies and other scores where higher is better (names with acc, precision, recall, f1, auc). */
    AUTO, MIN, MAX;

    /** AUTO resolved against the monitored name. */
    public MonitorMode resolve(String monitor) {
        if (this != AUTO) {
            return this;
        }
        String m = monitor.startsWith("val_") ? monitor.substring(4) : monitor;
        boolean higherIsBetter = m.contains("acc") || m.contains("precision") || m.contains("recall")
                || m.contains("f1") || m.contains("auc");
        return higherIsBetter ? MAX : MIN;
    }

    /** Strictly better than {@code best} by more than {@code minDelta}. */
    boolean improves(double current, double best, double minDelta) {
        return this == MAX ? current - minDelta > best : current + minDelta < best;
    }

    double worst() {
        return this == MAX ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
}
