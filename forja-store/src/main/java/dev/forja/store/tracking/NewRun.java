package dev.forja.store.tracking;

import java.util.Map;

/**
 * What creating a run needs. {@code runId} may be given (a command that writes the run's artifacts
 * before committing it chooses the id first); null lets the store choose one.
 */
public record NewRun(String runId, String experimentId, String runName, String userId, long startTime, Map<String, String> tags) {
    public NewRun {
        tags = Map.copyOf(tags);
    }
}
