package dev.forja.store.tracking;

import dev.forja.store.Page;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Experiments and runs: what was trained on what data with which parameters, and what came out.
 * Every method is one transaction: it happens completely or not at all.
 */
public interface TrackingStore {
    String DEFAULT_EXPERIMENT_ID = "0";
    String DEFAULT_EXPERIMENT_NAME = "Default";

    String createExperiment(String name, String artifactLocation, Map<String, String> tags);

    Experiment getExperiment(String experimentId);

    Optional<Experiment> findExperimentByName(String name);

    Page<Experiment> searchExperiments(String filter, ViewType view, int maxResults, List<String> orderBy, String pageToken);

    void renameExperiment(String experimentId, String newName);

    void deleteExperiment(String experimentId);

    void restoreExperiment(String experimentId);

    void setExperimentTag(String experimentId, String key, String value);

    /** The experiment with this name, created when it does not exist yet. */
    default String experimentIdFor(String name) {
        return findExperimentByName(name).map(Experiment::id).orElseGet(() -> createExperiment(name, null, Map.of()));
    }

    Run createRun(NewRun run);

    Run getRun(String runId);

    /** Changes status, end time and name; a null argument leaves that field as it is. */
    RunInfo updateRun(String runId, RunStatus status, Long endTime, String runName);

    void deleteRun(String runId);

    void restoreRun(String runId);

    /**
     * Logs metrics, params and tags atomically. A param, once logged, cannot change (MLflow's rule: a
     * run's inputs are fixed); logging the same value again is allowed.
     */
    void logBatch(String runId, List<Metric> metrics, Map<String, String> params, Map<String, String> tags);

    default void logMetric(String runId, Metric metric) {
        logBatch(runId, List.of(metric), Map.of(), Map.of());
    }

    default void logParam(String runId, String key, String value) {
        logBatch(runId, List.of(), Map.of(key, value), Map.of());
    }

    default void setTag(String runId, String key, String value) {
        logBatch(runId, List.of(), Map.of(), Map.of(key, value));
    }

    void deleteTag(String runId, String key);

    void logInputs(String runId, List<DatasetInput> inputs);

    List<Metric> metricHistory(String runId, String key);

    Page<Run> searchRuns(RunSearch search);

    /**
     * Records a whole, finished run in one transaction: a command that trains, evaluates and then logs
     * never leaves a run with half its metrics behind if it is killed.
     */
    Run recordRun(NewRun run, Map<String, String> params, List<Metric> metrics, List<DatasetInput> inputs, RunStatus status,
                  long endTime);
}
