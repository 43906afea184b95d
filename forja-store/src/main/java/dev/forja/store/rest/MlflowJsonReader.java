package dev.forja.store.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forja.store.registry.ModelVersion;
import dev.forja.store.registry.RegisteredModel;
import dev.forja.store.tracking.DatasetInput;
import dev.forja.store.tracking.Experiment;
import dev.forja.store.tracking.LifecycleStage;
import dev.forja.store.tracking.Metric;
import dev.forja.store.tracking.Run;
import dev.forja.store.tracking.RunInfo;
import dev.forja.store.tracking.RunStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** MLflow's REST JSON (as its protobuf-to-JSON writes it) read back into the store's records. */
final class MlflowJsonReader {
    private MlflowJsonReader() {
    }

    static Experiment experiment(JsonNode e) {
        return new Experiment(e.path("experiment_id").asText(), e.path("name").asText(), e.path("artifact_location").asText(),
                LifecycleStage.of(e.path("lifecycle_stage").asText("active")), e.path("creation_time").asLong(),
                e.path("last_update_time").asLong(), keyValues(e.path("tags")));
    }

    static Run run(JsonNode r) {
        JsonNode i = r.path("info");
        RunInfo info = new RunInfo(i.path("run_id").asText(i.path("run_uuid").asText()), i.path("experiment_id").asText(),
                i.path("run_name").asText(""), i.path("user_id").asText(""), RunStatus.parse(i.path("status").asText("RUNNING")),
                i.path("start_time").asLong(), i.hasNonNull("end_time") ? i.path("end_time").asLong() : null, i.path("artifact_uri").asText(),
                LifecycleStage.of(i.path("lifecycle_stage").asText("active")));
        Map<String, Metric> metrics = new HashMap<>();
        for (JsonNode m : r.path("data").path("metrics")) {
            Metric metric = metric(m);
            metrics.put(metric.key(), metric);
        }
        List<DatasetInput> inputs = new ArrayList<>();
        for (JsonNode d : r.path("inputs").path("dataset_inputs")) {
            JsonNode ds = d.path("dataset");
            inputs.add(new DatasetInput(ds.path("name").asText(), ds.path("digest").asText(), ds.path("source_type").asText(""),
                    ds.path("source").asText(""), text(ds, "schema"), text(ds, "profile"), keyValues(d.path("tags"))));
        }
        return new Run(info, keyValues(r.path("data").path("params")), metrics, keyValues(r.path("data").path("tags")), inputs);
    }

    static Metric metric(JsonNode m) {
        return new Metric(m.path("key").asText(), number(m.path("value")), m.path("timestamp").asLong(), m.path("step").asLong());
    }

    /** A metric value: a JSON number, or the strings MLflow writes for NaN and the infinities. */
    static double number(JsonNode v) {
        if (v.isNumber()) {
            return v.asDouble();
        }
        return switch (v.asText()) {
            case "NaN" -> Double.NaN;
            case "Infinity", "inf" -> Double.POSITIVE_INFINITY;
            case "-Infinity", "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(v.asText());
        };
    }

    static RegisteredModel registeredModel(JsonNode m) {
        List<ModelVersion> latest = new ArrayList<>();
        for (JsonNode v : m.path("latest_versions")) {
            latest.add(modelVersion(v));
        }
        Map<String, Long> aliases = new HashMap<>();
        for (JsonNode a : m.path("aliases")) {
            aliases.put(a.path("alias").asText(), a.path("version").asLong());
        }
        return new RegisteredModel(m.path("name").asText(), m.path("creation_timestamp").asLong(), m.path("last_updated_timestamp").asLong(),
                m.path("description").asText(""), latest, keyValues(m.path("tags")), aliases);
    }

    static ModelVersion modelVersion(JsonNode v) {
        List<String> aliases = new ArrayList<>();
        v.path("aliases").forEach(a -> aliases.add(a.asText()));
        return new ModelVersion(v.path("name").asText(), v.path("version").asLong(), v.path("creation_timestamp").asLong(),
                v.path("last_updated_timestamp").asLong(), v.path("current_stage").asText("None"), v.path("description").asText(""),
                v.path("user_id").asText(""), v.path("source").asText(""), text(v, "run_id"), v.path("run_link").asText(""),
                v.path("status").asText(ModelVersion.READY), v.path("status_message").asText(""), keyValues(v.path("tags")), aliases);
    }

    static Map<String, String> keyValues(JsonNode list) {
        Map<String, String> out = new HashMap<>();
        for (JsonNode kv : list) {
            out.put(kv.path("key").asText(), kv.path("value").asText());
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) && !n.path(field).asText().isEmpty() ? n.path(field).asText() : null;
    }
}
