package dev.forja.store.registry;

import java.util.List;
import java.util.Map;

/**
 * A named model that may reach production: its versions are numbered from 1, and aliases
 * ({@code champion}, {@code production}) name the version a consumer should use.
 *
 * @param latestVersions the newest version per stage (MLflow's field; Forja uses stage "None")
 * @param aliases        alias to version number
 */
public record RegisteredModel(String name, long creationTime, long lastUpdatedTime, String description,
                              List<ModelVersion> latestVersions, Map<String, String> tags, Map<String, Long> aliases) {
    public RegisteredModel {
        latestVersions = List.copyOf(latestVersions);
        tags = Map.copyOf(tags);
        aliases = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(aliases));
    }
}
