package dev.forja.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.store.Page;
import dev.forja.store.Store;
import dev.forja.store.StoreException;
import dev.forja.store.artifacts.LocalArtifactStore;
import dev.forja.store.search.PageToken;
import dev.forja.store.tracking.DatasetInput;
import dev.forja.store.tracking.Metric;
import dev.forja.store.tracking.NewRun;
import dev.forja.store.tracking.Run;
import dev.forja.store.tracking.RunSearch;
import dev.forja.store.tracking.RunStatus;
import dev.forja.store.tracking.ViewType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** MLflow's run, logging, metric-history and run-artifact-listing endpoints over the store. */
final class RunsApi {
    private final Store store;
    private final LocalArtifactStore artifacts;

    private RunsApi(Store store, LocalArtifactStore artifacts) {
        this.store = store;
        this.artifacts = artifacts;
    }

    static void register(Router router, Store store, LocalArtifactStore artifacts) {
        RunsApi api = new RunsApi(store, artifacts);
        router.json("POST", "runs/create", Role.WRITE, api::create)
                .json("GET", "runs/get", Role.READ, api::get)
                .json("POST", "runs/update", Role.WRITE, api::update)
                .json("POST", "runs/delete", Role.WRITE, api::delete)
                .json("POST", "runs/restore", Role.WRITE, api::restore)
                .json("POST", "runs/search", Role.READ, api::search)
                .json("GET", "runs/search", Role.READ, api::search)
                .json("POST", "runs/log-metric", Role.WRITE, api::logMetric)
                .json("POST", "runs/log-parameter", Role.WRITE, api::logParameter)
                .json("POST", "runs/set-tag", Role.WRITE, api::setTag)
                .json("POST", "runs/delete-tag", Role.WRITE, api::deleteTag)
                .json("POST", "runs/log-batch", Role.WRITE, api::logBatch)
                .json("POST", "runs/log-inputs", Role.WRITE, api::logInputs)
                .json("POST", "runs/log-model", Role.WRITE, api::logModel)
                .json("GET", "metrics/get-history", Role.READ, api::history)
                .json("GET", "artifacts/list", Role.READ, api::listArtifacts);
    }

    /** MLflow clients send {@code run_id}, older ones {@code run_uuid}. */
    private static String runId(ApiRequest request) {
        String id = request.optString("run_id");
        if (id == null || id.isEmpty()) {
            id = request.optString("run_uuid");
        }
        if (id == null || id.isEmpty()) {
            throw StoreException.invalid("missing value for required parameter 'run_id'");
        }
        return id;
    }

    private static ObjectNode runDocument(Run run) {
        ObjectNode n = MlflowJson.object();
        n.set("run", MlflowJson.run(run));
        return n;
    }

    private JsonNode create(ApiRequest request) {
        long start = request.optLong("start_time") == null ? System.currentTimeMillis() : request.optLong("start_time");
        Run run = store.createRun(new NewRun(null, request.stringOr("experiment_id", "0"), request.optString("run_name"),
                request.optString("user_id"), start, ExperimentsApi.tags(request)));
        return runDocument(run);
    }

    private JsonNode get(ApiRequest request) {
        return runDocument(store.getRun(runId(request)));
    }

    private JsonNode update(ApiRequest request) {
        String status = request.optString("status");
        ObjectNode n = MlflowJson.object();
        n.set("run_info", MlflowJson.runInfo(store.updateRun(runId(request), status == null ? null : RunStatus.parse(status),
                request.optLong("end_time"), request.optString("run_name"))));
        return n;
    }

    private JsonNode delete(ApiRequest request) {
        store.deleteRun(runId(request));
        return MlflowJson.object();
    }

    private JsonNode restore(ApiRequest request) {
        store.restoreRun(runId(request));
        return MlflowJson.object();
    }

    private JsonNode search(ApiRequest request) {
        int max = request.intOr("max_results", RunSearch.DEFAULT_MAX_RESULTS);
        Page<Run> page = store.searchRuns(new RunSearch(request.strings("experiment_ids"), request.optString("filter"),
                ViewType.parse(request.optString("run_view_type")), max, request.strings("order_by"), request.optString("page_token")));
        ObjectNode n = MlflowJson.object();
        var list = n.putArray("runs");
        page.items().forEach(r -> list.add(MlflowJson.run(r)));
        if (page.nextPageToken() != null) {
            n.put("next_page_token", page.nextPageToken());
        }
        return n;
    }

    private static Metric metric(JsonNode m, String list) {
        String key = ApiRequest.member(m, list, "key");
        double value = ApiRequest.metricValue(m.path("value"), list.isEmpty() ? "value" : list + "[].value");
        long timestamp = longMember(m, list, "timestamp", System.currentTimeMillis());
        long step = longMember(m, list, "step", 0);
        return new Metric(key, value, timestamp, step);
    }

    private static long longMember(JsonNode m, String list, String field, long fallback) {
        Long v = ApiRequest.wholeNumber(m.path(field), list.isEmpty() ? field : list + "[]." + field);
        return v == null ? fallback : v;
    }

    private JsonNode logMetric(ApiRequest request) {
        ObjectNode m = MlflowJson.object();
        m.put("key", request.string("key"));
        m.set("value", request.raw("value"));
        m.set("timestamp", request.raw("timestamp"));
        m.set("step", request.raw("step"));
        store.logMetric(runId(request), metric(m, ""));
        return MlflowJson.object();
    }

    private JsonNode logParameter(ApiRequest request) {
        store.logParam(runId(request), request.string("key"), request.stringOr("value", ""));
        return MlflowJson.object();
    }

    private JsonNode setTag(ApiRequest request) {
        store.setTag(runId(request), request.string("key"), request.stringOr("value", ""));
        return MlflowJson.object();
    }

    private JsonNode deleteTag(ApiRequest request) {
        store.deleteTag(runId(request), request.string("key"));
        return MlflowJson.object();
    }

    private JsonNode logBatch(ApiRequest request) {
        String runId = runId(request);
        List<Metric> metrics = new ArrayList<>();
        for (JsonNode m : request.objects("metrics")) {
            metrics.add(metric(m, "metrics"));
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (JsonNode p : request.objects("params")) {
            String key = ApiRequest.member(p, "params", "key");
            String value = ApiRequest.member(p, "params", "value");
            String before = params.put(key, value);
            if (before != null && !before.equals(value)) {
                throw StoreException.invalid("param '" + key + "' appears twice in the batch with different values ('" + before
                        + "' and '" + value + "')");
            }
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (JsonNode t : request.objects("tags")) {
            tags.put(ApiRequest.member(t, "tags", "key"), ApiRequest.member(t, "tags", "value"));
        }
        store.logBatch(runId, metrics, params, tags);
        return MlflowJson.object();
    }

    private JsonNode logInputs(ApiRequest request) {
        List<DatasetInput> inputs = new ArrayList<>();
        for (JsonNode d : request.objects("datasets")) {
            JsonNode ds = d.path("dataset");
            if (!ds.isObject()) {
                throw StoreException.invalid("missing value for required parameter 'datasets[].dataset'");
            }
            Map<String, String> tags = new LinkedHashMap<>();
            JsonNode tagList = d.path("tags");
            if (!tagList.isMissingNode() && !tagList.isArray()) {
                throw ApiRequest.wrongType("datasets[].tags", "a list of objects", tagList);
            }
            for (JsonNode t : tagList) {
                tags.put(ApiRequest.member(t, "datasets[].tags", "key"), ApiRequest.member(t, "datasets[].tags", "value"));
            }
            inputs.add(new DatasetInput(ApiRequest.member(ds, "datasets[].dataset", "name"), ApiRequest.member(ds, "datasets[].dataset", "digest"),
                    ds.path("source_type").asText(""), ds.path("source").asText(""), ds.hasNonNull("schema") ? ds.path("schema").asText() : null,
                    ds.hasNonNull("profile") ? ds.path("profile").asText() : null, tags));
        }
        store.logInputs(runId(request), inputs);
        return MlflowJson.object();
    }

    /** MLflow keeps logged model metadata in the run's {@code mlflow.log-model.history} tag; so does Forja. */
    private JsonNode logModel(ApiRequest request) {
        String runId = runId(request);
        String model = request.string("model_json");
        String history = store.getRun(runId).tags().get("mlflow.log-model.history");
        String updated = history == null || history.isBlank() || history.equals("[]") ? "[" + model + "]"
                : history.substring(0, history.lastIndexOf(']')) + "," + model + "]";
        store.setTag(runId, "mlflow.log-model.history", updated);
        return MlflowJson.object();
    }

    private JsonNode history(ApiRequest request) {
        List<Metric> all = store.metricHistory(runId(request), request.string("metric_key"));
        int max = request.intOr("max_results", 25_000);
        int offset = PageToken.offset(request.optString("page_token"));
        ObjectNode n = MlflowJson.object();
        var list = n.putArray("metrics");
        int end = (int) Math.min(all.size(), (long) offset + Math.max(1, max));
        for (int i = Math.min(offset, all.size()); i < end; i++) {
            list.add(MlflowJson.metric(all.get(i)));
        }
        if (end < all.size()) {
            n.put("next_page_token", PageToken.of(end));
        }
        return n;
    }

    private JsonNode listArtifacts(ApiRequest request) {
        Run run = store.getRun(runId(request));
        String path = request.stringOr("path", "");
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        String root = run.info().artifactUri();
        ObjectNode n = MlflowJson.object();
        n.put("root_uri", root);
        var files = n.putArray("files");
        if (root.startsWith(LocalArtifactStore.SCHEME)) {
            String dir = artifacts.relativeOf(root) + (path.isEmpty() ? "" : "/" + path);
            for (LocalArtifactStore.FileInfo f : artifacts.list(dir, path)) {
                ObjectNode fi = files.addObject().put("path", f.path()).put("is_dir", f.isDir());
                if (!f.isDir()) {
                    fi.put("file_size", f.fileSize());
                }
            }
        }
        return n;
    }
}
