package dev.forja.store.predictions;

/**
 * An alert monitoring raised: a rule that fired for a model on a time window, with the measured value
 * and what was done (JSON text: webhook status, retraining command and its outcome).
 */
public record MonitorAlert(String alertId, String model, String rule, long windowStart, long windowEnd, double value, long created,
                           String actions) {
}
