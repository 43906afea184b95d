package dev.forja.store.tracking;

/** One logged point of a metric: its value at a step (0 when none), timestamped in epoch milliseconds. */
public record Metric(String key, double value, long timestamp, long step) {
}
