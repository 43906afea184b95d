package dev.forja.store.registry;

import dev.forja.store.Page;
import java.util.List;
import java.util.Map;

/** Registered models, their numbered versions, tags and aliases. Every method is one transaction. */
public interface ModelRegistry {
    RegisteredModel createRegisteredModel(String name, String description, Map<String, String> tags);

    RegisteredModel getRegisteredModel(String name);

    RegisteredModel renameRegisteredModel(String name, String newName);

    RegisteredModel updateRegisteredModel(String name, String description);

    /** Deletes the model with all its versions, tags and aliases. */
    void deleteRegisteredModel(String name);

    Page<RegisteredModel> searchRegisteredModels(String filter, int maxResults, List<String> orderBy, String pageToken);

    void setRegisteredModelTag(String name, String key, String value);

    void deleteRegisteredModelTag(String name, String key);

    ModelVersion createModelVersion(String name, String source, String runId, String description, Map<String, String> tags);

    /**
     * Creates the registered model if it does not exist and adds a version, in one transaction: what
     * {@code forja train --register NAME} does.
     */
    ModelVersion registerModel(String name, String source, String runId, Map<String, String> tags);

    ModelVersion getModelVersion(String name, long version);

    ModelVersion updateModelVersion(String name, long version, String description);

    void deleteModelVersion(String name, long version);

    Page<ModelVersion> searchModelVersions(String filter, int maxResults, List<String> orderBy, String pageToken);

    /** The newest version of each requested stage (all stages when empty). */
    List<ModelVersion> latestVersions(String name, List<String> stages);

    void setModelVersionTag(String name, long version, String key, String value);

    void deleteModelVersionTag(String name, long version, String key);

    void setAlias(String name, String alias, long version);

    void deleteAlias(String name, String alias);

    ModelVersion getVersionByAlias(String name, String alias);
}
