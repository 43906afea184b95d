package dev.forja.store.registry;

import java.util.List;
import java.util.Map;

/**
 * One version of a registered model: where its artifact is ({@code source}, a model URI or path), the
 * run that produced it, and the aliases that point at it.
 */
public record ModelVersion(String name, long version, long creationTime, long lastUpdatedTime, String currentStage,
                           String description, String userId, String source, String runId, String runLink, String status,
                           String statusMessage, Map<String, String> tags, List<String> aliases) {
    public static final String READY = "READY";

    public ModelVersion {
        tags = Map.copyOf(tags);
        aliases = List.copyOf(aliases);
    }
}
