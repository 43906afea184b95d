package dev.forja.app.tracking;

import dev.forja.store.Store;
import java.util.HashMap;
import java.util.Map;

/** Experiment names by id, each looked up once per command. */
final class ExperimentNames {
    private final Store store;
    private final Map<String, String> names = new HashMap<>();

    ExperimentNames(Store store) {
        this.store = store;
    }

    String of(String experimentId) {
        return names.computeIfAbsent(experimentId, id -> store.getExperiment(id).name());
    }
}
