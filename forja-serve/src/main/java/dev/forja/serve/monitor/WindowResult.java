package dev.forja.serve.monitor;

import dev.forja.serve.monitor.drift.DriftReport;
import java.util.Map;

/**
 * One time window of a model's prediction log: its drift against the reference, and its metrics over
 * the rows whose late labels arrived.
 *
 * @param labelled   rows with a label (the metrics' rows)
 * @param unreadable logged requests that could not be read back (counted, not silently dropped)
 */
public record WindowResult(long start, long end, long requests, long rows, long labelled, long unreadable, DriftReport drift,
                           Map<String, Double> metrics) {
}
