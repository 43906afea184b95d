package dev.forja.store.predictions;

/**
 * One answered request: which model version answered, when, how fast, how many rows, the request body
 * as received and the response as sent (JSON text).
 */
public record LoggedPrediction(String requestId, String model, String version, String protocol, long timestamp, long latencyMicros,
                               int rows, String request, String response) {
}
