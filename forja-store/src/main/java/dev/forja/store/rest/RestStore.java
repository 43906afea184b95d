package dev.forja.store.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.store.Page;
import dev.forja.store.Store;
import dev.forja.store.StoreException.ErrorCode;
import dev.forja.store.StoreException;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The store behind an MLflow-compatible tracking server, over its REST API: what
 * {@code --tracking-uri http://host:5000} gives every command. Each call is one server transaction;
 * {@link #recordRun} and {@link #registerModel} are several calls here (the REST API has no
 * multi-call transaction), and {@link #recordRun} marks the run FAILED if a later call fails.
 */
public final class RestStore implements Store {
    private static final int METRICS_PER_CALL = 1000;
    private static final int PARAMS_PER_CALL = 100;

    private final MlflowHttp http;

    public RestStore(String baseUrl, String token) {
        this.http = new MlflowHttp(baseUrl, token);
    }

    @Override
    public String describe() {
        return http.base();
    }

    @Override
    public void close() {
        // java.net.http's client holds no resources that need closing on Java 17.
    }

    private static ObjectNode body() {
        return MlflowHttp.JSON.createObjectNode();
    }

    private static ArrayNode keyValues(ObjectNode parent, String field, Map<String, String> map) {
        ArrayNode a = parent.putArray(field);
        map.forEach((k, v) -> a.addObject().put("key", k).put("value", v));
        return a;
    }

    private static Map<String, List<String>> query(String... pairs) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                q.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
            }
        }
        return q;
    }

    // ---- experiments

    @Override
    public String createExperiment(String name, String artifactLocation, Map<String, String> tags) {
        ObjectNode b = body().put("name", name);
        if (artifactLocation != null) {
            b.put("artifact_location", artifactLocation);
        }
        keyValues(b, "tags", tags);
        return http.post("experiments/create", b).path("experiment_id").asText();
    }

    @Override
    public Experiment getExperiment(String experimentId) {
        return MlflowJsonReader.experiment(http.get("experiments/get", query("experiment_id", experimentId)).path("experiment"));
    }

    @Override
    public Optional<Experiment> findExperimentByName(String name) {
        try {
            return Optional.of(MlflowJsonReader.experiment(http.get("experiments/get-by-name", query("experiment_name", name)).path("experiment")));
        } catch (StoreException e) {
            if (e.code() == ErrorCode.RESOURCE_DOES_NOT_EXIST) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Page<Experiment> searchExperiments(String filter, ViewType view, int maxResults, List<String> orderBy, String pageToken) {
        ObjectNode b = body().put("max_results", maxResults <= 0 ? 1000 : maxResults).put("view_type", (view == null ? ViewType.ACTIVE_ONLY : view).name());
        if (filter != null) {
            b.put("filter", filter);
        }
        if (pageToken != null) {
            b.put("page_token", pageToken);
        }
        orderBy.forEach(b.putArray("order_by")::add);
        JsonNode r = http.post("experiments/search", b);
        List<Experiment> out = new ArrayList<>();
        r.path("experiments").forEach(e -> out.add(MlflowJsonReader.experiment(e)));
        return new Page<>(out, nextToken(r));
    }

    @Override
    public void renameExperiment(String experimentId, String newName) {
        http.post("experiments/update", body().put("experiment_id", experimentId).put("new_name", newName));
    }

    @Override
    public void deleteExperiment(String experimentId) {
        http.post("experiments/delete", body().put("experiment_id", experimentId));
    }

    @Override
    public void restoreExperiment(String experimentId) {
        http.post("experiments/restore", body().put("experiment_id", experimentId));
    }

    @Override
    public void setExperimentTag(String experimentId, String key, String value) {
        http.post("experiments/set-experiment-tag", body().put("experiment_id", experimentId).put("key", key).put("value", value));
    }

    // ---- runs

    @Override
    public Run createRun(NewRun run) {
        if (run.runId() != null) {
            throw StoreException.invalid("a tracking server chooses run ids itself; create the run without one");
        }
        ObjectNode b = body().put("experiment_id", run.experimentId() == null ? "0" : run.experimentId());
        if (run.userId() != null) {
            b.put("user_id", run.userId());
        }
        if (run.runName() != null) {
            b.put("run_name", run.runName());
        }
        b.put("start_time", run.startTime() > 0 ? run.startTime() : System.currentTimeMillis());
        keyValues(b, "tags", run.tags());
        return MlflowJsonReader.run(http.post("runs/create", b).path("run"));
    }

    @Override
    public Run getRun(String runId) {
        return MlflowJsonReader.run(http.get("runs/get", query("run_id", runId)).path("run"));
    }

    @Override
    public RunInfo updateRun(String runId, RunStatus status, Long endTime, String runName) {
        ObjectNode b = body().put("run_id", runId);
        if (status != null) {
            b.put("status", status.name());
        }
        if (endTime != null) {
            b.put("end_time", endTime);
        }
        if (runName != null) {
            b.put("run_name", runName);
        }
        http.post("runs/update", b);
        return getRun(runId).info();
    }

    @Override
    public void deleteRun(String runId) {
        http.post("runs/delete", body().put("run_id", runId));
    }

    @Override
    public void restoreRun(String runId) {
        http.post("runs/restore", body().put("run_id", runId));
    }

    @Override
    public void logBatch(String runId, List<Metric> metrics, Map<String, String> params, Map<String, String> tags) {
        ObjectNode b = body().put("run_id", runId);
        ArrayNode m = b.putArray("metrics");
        for (Metric metric : metrics) {
            ObjectNode n = m.addObject().put("key", metric.key());
            double v = metric.value();
            if (Double.isFinite(v)) {
                n.put("value", v);
            } else {
                n.put("value", Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
            }
            n.put("timestamp", metric.timestamp()).put("step", metric.step());
        }
        keyValues(b, "params", params);
        keyValues(b, "tags", tags);
        http.post("runs/log-batch", b);
    }

    @Override
    public void deleteTag(String runId, String key) {
        http.post("runs/delete-tag", body().put("run_id", runId).put("key", key));
    }

    @Override
    public void logInputs(String runId, List<DatasetInput> inputs) {
        ObjectNode b = body().put("run_id", runId);
        ArrayNode datasets = b.putArray("datasets");
        for (DatasetInput in : inputs) {
            ObjectNode d = datasets.addObject();
            keyValues(d, "tags", in.tags());
            ObjectNode ds = d.putObject("dataset").put("name", in.name()).put("digest", in.digest()).put("source_type", in.sourceType())
                    .put("source", in.source());
            if (in.schema() != null) {
                ds.put("schema", in.schema());
            }
            if (in.profile() != null) {
                ds.put("profile", in.profile());
            }
        }
        http.post("runs/log-inputs", b);
    }

    @Override
    public List<Metric> metricHistory(String runId, String key) {
        List<Metric> out = new ArrayList<>();
        String token = null;
        do {
            JsonNode r = http.get("metrics/get-history", query("run_id", runId, "metric_key", key, "max_results", "25000", "page_token", token));
            r.path("metrics").forEach(m -> out.add(MlflowJsonReader.metric(m)));
            token = nextToken(r);
        } while (token != null);
        return out;
    }

    @Override
    public Page<Run> searchRuns(RunSearch search) {
        ObjectNode b = body();
        search.experimentIds().forEach(b.putArray("experiment_ids")::add);
        if (search.filter() != null) {
            b.put("filter", search.filter());
        }
        b.put("run_view_type", search.view().name()).put("max_results", search.maxResults());
        search.orderBy().forEach(b.putArray("order_by")::add);
        if (search.pageToken() != null) {
            b.put("page_token", search.pageToken());
        }
        JsonNode r = http.post("runs/search", b);
        List<Run> out = new ArrayList<>();
        r.path("runs").forEach(run -> out.add(MlflowJsonReader.run(run)));
        return new Page<>(out, nextToken(r));
    }

    @Override
    public Run recordRun(NewRun run, Map<String, String> params, List<Metric> metrics, List<DatasetInput> inputs, RunStatus status,
                         long endTime) {
        Run created = createRun(run);
        try {
            List<Map.Entry<String, String>> p = new ArrayList<>(params.entrySet());
            for (int i = 0; i < metrics.size(); i += METRICS_PER_CALL) {
                logBatch(created.id(), metrics.subList(i, Math.min(metrics.size(), i + METRICS_PER_CALL)), Map.of(), Map.of());
            }
            for (int i = 0; i < p.size(); i += PARAMS_PER_CALL) {
                Map<String, String> chunk = new LinkedHashMap<>();
                p.subList(i, Math.min(p.size(), i + PARAMS_PER_CALL)).forEach(e -> chunk.put(e.getKey(), e.getValue()));
                logBatch(created.id(), List.of(), chunk, Map.of());
            }
            if (!inputs.isEmpty()) {
                logInputs(created.id(), inputs);
            }
            updateRun(created.id(), status, endTime, null);
        } catch (RuntimeException e) {
            try {
                updateRun(created.id(), RunStatus.FAILED, System.currentTimeMillis(), null);
            } catch (RuntimeException ignored) {
                e.addSuppressed(ignored);
            }
            throw e;
        }
        return getRun(created.id());
    }

    // ---- registry

    @Override
    public RegisteredModel createRegisteredModel(String name, String description, Map<String, String> tags) {
        ObjectNode b = body().put("name", name);
        if (description != null) {
            b.put("description", description);
        }
        keyValues(b, "tags", tags);
        return MlflowJsonReader.registeredModel(http.post("registered-models/create", b).path("registered_model"));
    }

    @Override
    public RegisteredModel getRegisteredModel(String name) {
        return MlflowJsonReader.registeredModel(http.get("registered-models/get", query("name", name)).path("registered_model"));
    }

    @Override
    public RegisteredModel renameRegisteredModel(String name, String newName) {
        return MlflowJsonReader.registeredModel(http.post("registered-models/rename", body().put("name", name).put("new_name", newName))
                .path("registered_model"));
    }

    @Override
    public RegisteredModel updateRegisteredModel(String name, String description) {
        return MlflowJsonReader.registeredModel(http.patch("registered-models/update", body().put("name", name).put("description", description))
                .path("registered_model"));
    }

    @Override
    public void deleteRegisteredModel(String name) {
        http.delete("registered-models/delete", body().put("name", name));
    }

    @Override
    public Page<RegisteredModel> searchRegisteredModels(String filter, int maxResults, List<String> orderBy, String pageToken) {
        Map<String, List<String>> q = query("filter", filter, "max_results", Integer.toString(maxResults <= 0 ? 100 : maxResults),
                "page_token", pageToken);
        if (!orderBy.isEmpty()) {
            q.put("order_by", orderBy);
        }
        JsonNode r = http.get("registered-models/search", q);
        List<RegisteredModel> out = new ArrayList<>();
        r.path("registered_models").forEach(m -> out.add(MlflowJsonReader.registeredModel(m)));
        return new Page<>(out, nextToken(r));
    }

    @Override
    public void setRegisteredModelTag(String name, String key, String value) {
        http.post("registered-models/set-tag", body().put("name", name).put("key", key).put("value", value));
    }

    @Override
    public void deleteRegisteredModelTag(String name, String key) {
        http.delete("registered-models/delete-tag", body().put("name", name).put("key", key));
    }

    @Override
    public ModelVersion createModelVersion(String name, String source, String runId, String description, Map<String, String> tags) {
        ObjectNode b = body().put("name", name).put("source", source);
        if (runId != null) {
            b.put("run_id", runId);
        }
        if (description != null) {
            b.put("description", description);
        }
        keyValues(b, "tags", tags);
        return MlflowJsonReader.modelVersion(http.post("model-versions/create", b).path("model_version"));
    }

    @Override
    public ModelVersion registerModel(String name, String source, String runId, Map<String, String> tags) {
        try {
            createRegisteredModel(name, null, Map.of());
        } catch (StoreException e) {
            if (e.code() != ErrorCode.RESOURCE_ALREADY_EXISTS) {
                throw e;
            }
        }
        return createModelVersion(name, source, runId, null, tags);
    }

    @Override
    public ModelVersion getModelVersion(String name, long version) {
        return MlflowJsonReader.modelVersion(http.get("model-versions/get", query("name", name, "version", Long.toString(version)))
                .path("model_version"));
    }

    @Override
    public ModelVersion updateModelVersion(String name, long version, String description) {
        return MlflowJsonReader.modelVersion(http.patch("model-versions/update", body().put("name", name).put("version", Long.toString(version))
                .put("description", description)).path("model_version"));
    }

    @Override
    public void deleteModelVersion(String name, long version) {
        http.delete("model-versions/delete", body().put("name", name).put("version", Long.toString(version)));
    }

    @Override
    public Page<ModelVersion> searchModelVersions(String filter, int maxResults, List<String> orderBy, String pageToken) {
        Map<String, List<String>> q = query("filter", filter, "max_results", Integer.toString(maxResults <= 0 ? 10_000 : maxResults),
                "page_token", pageToken);
        if (!orderBy.isEmpty()) {
            q.put("order_by", orderBy);
        }
        JsonNode r = http.get("model-versions/search", q);
        List<ModelVersion> out = new ArrayList<>();
        r.path("model_versions").forEach(v -> out.add(MlflowJsonReader.modelVersion(v)));
        return new Page<>(out, nextToken(r));
    }

    @Override
    public List<ModelVersion> latestVersions(String name, List<String> stages) {
        ObjectNode b = body().put("name", name);
        stages.forEach(b.putArray("stages")::add);
        List<ModelVersion> out = new ArrayList<>();
        http.post("registered-models/get-latest-versions", b).path("model_versions").forEach(v -> out.add(MlflowJsonReader.modelVersion(v)));
        return out;
    }

    @Override
    public void setModelVersionTag(String name, long version, String key, String value) {
        http.post("model-versions/set-tag", body().put("name", name).put("version", Long.toString(version)).put("key", key).put("value", value));
    }

    @Override
    public void deleteModelVersionTag(String name, long version, String key) {
        http.delete("model-versions/delete-tag", body().put("name", name).put("version", Long.toString(version)).put("key", key));
    }

    @Override
    public void setAlias(String name, String alias, long version) {
        http.post("registered-models/alias", body().put("name", name).put("alias", alias).put("version", Long.toString(version)));
    }

    @Override
    public void deleteAlias(String name, String alias) {
        http.delete("registered-models/alias", body().put("name", name).put("alias", alias));
    }

    @Override
    public ModelVersion getVersionByAlias(String name, String alias) {
        return MlflowJsonReader.modelVersion(http.get("registered-models/alias", query("name", name, "alias", alias)).path("model_version"));
    }

    private static String nextToken(JsonNode r) {
        String t = r.path("next_page_token").asText("");
        return t.isEmpty() ? null : t;
    }
}
