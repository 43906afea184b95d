package dev.forja.store.predictions;

/** A late label: the actual outcome of row {@code row} of a logged request. */
public record Feedback(String requestId, int row, String actual, long timestamp) {
}
