package dev.forja.store.tracking;

import java.util.Map;

/**
 * A dataset a run used, identified by name and digest (Forja puts the data fingerprint there), with
 * where it came from and, optionally, its schema and profile as JSON text. Tags say how it was used
 * ({@code mlflow.data.context}: training, test, …).
 */
public record DatasetInput(String name, String digest, String sourceType, String source, String schema, String profile,
                           Map<String, String> tags) {
    public DatasetInput {
        tags = Map.copyOf(tags);
    }
}
