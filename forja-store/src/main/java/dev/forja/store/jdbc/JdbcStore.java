package dev.forja.store.jdbc;

import dev.forja.store.Page;
import dev.forja.store.Store;
import dev.forja.store.predictions.PredictionLog;
import dev.forja.store.registry.ModelRegistry;
import dev.forja.store.registry.ModelVersion;
import dev.forja.store.registry.RegisteredModel;
import dev.forja.store.tracking.DatasetInput;
import dev.forja.store.tracking.Experiment;
import dev.forja.store.tracking.Metric;
import dev.forja.store.tracking.NewRun;
import dev.forja.store.tracking.Run;
import dev.forja.store.tracking.RunInfo;
import dev.forja.store.tracking.RunSearch;
import dev.forja.store.tracking.RunStatus;
import dev.forja.store.tracking.ViewType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The store on a SQL database (SQLite or PostgreSQL): experiments and runs, and the model registry. */
public final class JdbcStore implements Store {
    private final JdbcPredictions predictions;
    private final Database db;
    private final JdbcExperiments experiments;
    private final JdbcRuns runs;
    private final ModelRegistry registry;

    public JdbcStore(Database db) {
        this.db = db;
        this.experiments = new JdbcExperiments(db);
        this.runs = new JdbcRuns(db);
        this.registry = new JdbcRegistry(db);
        this.predictions = new JdbcPredictions(db);
    }

    public static JdbcStore open(StoreLocation location) {
        return new JdbcStore(Database.open(location));
    }

    /** The prediction log kept in the same database. */
    public PredictionLog predictionLog() {
        return predictions;
    }

    @Override
    public String describe() {
        return db.display();
    }

    @Override
    public void close() {
        db.close();
    }

    @Override
    public String createExperiment(String name, String artifactLocation, Map<String, String> tags) {
        return experiments.create(name, artifactLocation, tags);
    }

    @Override
    public Experiment getExperiment(String experimentId) {
        return experiments.get(experimentId);
    }

    @Override
    public Optional<Experiment> findExperimentByName(String name) {
        return experiments.findByName(name);
    }

    @Override
    public Page<Experiment> searchExperiments(String filter, ViewType view, int maxResults, List<String> orderBy, String pageToken) {
        return experiments.search(filter, view, maxResults, orderBy, pageToken);
    }

    @Override
    public void renameExperiment(String experimentId, String newName) {
        experiments.rename(experimentId, newName);
    }

    @Override
    public void deleteExperiment(String experimentId) {
        experiments.delete(experimentId);
    }

    @Override
    public void restoreExperiment(String experimentId) {
        experiments.restore(experimentId);
    }

    @Override
    public void setExperimentTag(String experimentId, String key, String value) {
        experiments.setTag(experimentId, key, value);
    }

    @Override
    public Run createRun(NewRun run) {
        return runs.create(run);
    }

    @Override
    public Run getRun(String runId) {
        return runs.get(runId);
    }

    @Override
    public RunInfo updateRun(String runId, RunStatus status, Long endTime, String runName) {
        return runs.update(runId, status, endTime, runName);
    }

    @Override
    public void deleteRun(String runId) {
        runs.delete(runId);
    }

    @Override
    public void restoreRun(String runId) {
        runs.restore(runId);
    }

    @Override
    public void logBatch(String runId, List<Metric> metrics, Map<String, String> params, Map<String, String> tags) {
        runs.logBatch(runId, metrics, params, tags);
    }

    @Override
    public void deleteTag(String runId, String key) {
        runs.deleteTag(runId, key);
    }

    @Override
    public void logInputs(String runId, List<DatasetInput> inputs) {
        runs.logInputs(runId, inputs);
    }

    @Override
    public List<Metric> metricHistory(String runId, String key) {
        return runs.history(runId, key);
    }

    @Override
    public Page<Run> searchRuns(RunSearch search) {
        return runs.search(search);
    }

    @Override
    public Run recordRun(NewRun run, Map<String, String> params, List<Metric> metrics, List<DatasetInput> inputs, RunStatus status,
                         long endTime) {
        return runs.record(run, params, metrics, inputs, status, endTime);
    }

    @Override
    public RegisteredModel createRegisteredModel(String name, String description, Map<String, String> tags) {
        return registry.createRegisteredModel(name, description, tags);
    }

    @Override
    public RegisteredModel getRegisteredModel(String name) {
        return registry.getRegisteredModel(name);
    }

    @Override
    public RegisteredModel renameRegisteredModel(String name, String newName) {
        return registry.renameRegisteredModel(name, newName);
    }

    @Override
    public RegisteredModel updateRegisteredModel(String name, String description) {
        return registry.updateRegisteredModel(name, description);
    }

    @Override
    public void deleteRegisteredModel(String name) {
        registry.deleteRegisteredModel(name);
    }

    @Override
    public Page<RegisteredModel> searchRegisteredModels(String filter, int maxResults, List<String> orderBy, String pageToken) {
        return registry.searchRegisteredModels(filter, maxResults, orderBy, pageToken);
    }

    @Override
    public void setRegisteredModelTag(String name, String key, String value) {
        registry.setRegisteredModelTag(name, key, value);
    }

    @Override
    public void deleteRegisteredModelTag(String name, String key) {
        registry.deleteRegisteredModelTag(name, key);
    }

    @Override
    public ModelVersion createModelVersion(String name, String source, String runId, String description, Map<String, String> tags) {
        return registry.createModelVersion(name, source, runId, description, tags);
    }

    @Override
    public ModelVersion registerModel(String name, String source, String runId, Map<String, String> tags) {
        return registry.registerModel(name, source, runId, tags);
    }

    @Override
    public ModelVersion getModelVersion(String name, long version) {
        return registry.getModelVersion(name, version);
    }

    @Override
    public ModelVersion updateModelVersion(String name, long version, String description) {
        return registry.updateModelVersion(name, version, description);
    }

    @Override
    public void deleteModelVersion(String name, long version) {
        registry.deleteModelVersion(name, version);
    }

    @Override
    public Page<ModelVersion> searchModelVersions(String filter, int maxResults, List<String> orderBy, String pageToken) {
        return registry.searchModelVersions(filter, maxResults, orderBy, pageToken);
    }

    @Override
    public List<ModelVersion> latestVersions(String name, List<String> stages) {
        return registry.latestVersions(name, stages);
    }

    @Override
    public void setModelVersionTag(String name, long version, String key, String value) {
        registry.setModelVersionTag(name, version, key, value);
    }

    @Override
    public void deleteModelVersionTag(String name, long version, String key) {
        registry.deleteModelVersionTag(name, version, key);
    }

    @Override
    public void setAlias(String name, String alias, long version) {
        registry.setAlias(name, alias, version);
    }

    @Override
    public void deleteAlias(String name, String alias) {
        registry.deleteAlias(name, alias);
    }

    @Override
    public ModelVersion getVersionByAlias(String name, String alias) {
        return registry.getVersionByAlias(name, alias);
    }
}
