package dev.forja.store.tracking;

import java.util.Map;

/** A named group of runs. Ids are decimal strings, as in MLflow ("0" is the Default experiment). */
public record Experiment(String id, String name, String artifactLocation, LifecycleStage stage, long creationTime,
                         long lastUpdateTime, Map<String, String> tags) {
    public Experiment {
        tags = Map.copyOf(tags);
    }
}
