package dev.forja.app.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.store.registry.ModelVersion;
import dev.forja.store.registry.RegisteredModel;
import dev.forja.store.tracking.DatasetInput;
import dev.forja.store.tracking.Experiment;
import dev.forja.store.tracking.Metric;
import dev.forja.store.tracking.Run;
import dev.forja.store.tracking.RunInfo;
import java.util.Map;

/**
 * The store's records as MLflow's REST API writes them (its protobuf messages in JSON): snake_case
 * fields, tags as key/value lists, empty fields left out, model versions numbered by strings.
 */
final class MlflowJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private MlflowJson() {
    }

    static ObjectNode object() {
        return F.objectNode();
    }

    static ObjectNode experiment(Experiment e) {
        ObjectNode n = F.objectNode();
        n.put("experiment_id", e.id());
        n.put("name", e.name());
        n.put("artifact_location", e.artifactLocation());
        n.put("lifecycle_stage", e.stage().id());
        n.put("last_update_time", e.lastUpdateTime());
        n.put("creation_time", e.creationTime());
        if (!e.tags().isEmpty()) {
            keyValues(n.putArray("tags"), e.tags());
        }
        return n;
    }

    static ObjectNode runInfo(RunInfo i) {
        ObjectNode n = F.objectNode();
        n.put("run_id", i.runId());
        n.put("run_uuid", i.runId());
        n.put("run_name", i.runName());
        n.put("experiment_id", i.experimentId());
        n.put("user_id", i.userId());
        n.put("status", i.status().name());
        n.put("start_time", i.startTime());
        if (i.endTime() != null) {
            n.put("end_time", i.endTime());
        }
        n.put("artifact_uri", i.artifactUri());
        n.put("lifecycle_stage", i.stage().id());
        return n;
    }

    static ObjectNode run(Run r) {
        ObjectNode n = F.objectNode();
        n.set("info", runInfo(r.info()));
        ObjectNode data = n.putObject("data");
        if (!r.metrics().isEmpty()) {
            ArrayNode metrics = data.putArray("metrics");
            r.metrics().values().forEach(m -> metrics.add(metric(m)));
        }
        if (!r.params().isEmpty()) {
            keyValues(data.putArray("params"), r.params());
        }
        if (!r.tags().isEmpty()) {
            keyValues(data.putArray("tags"), r.tags());
        }
        ObjectNode inputs = n.putObject("inputs");
        if (!r.inputs().isEmpty()) {
            ArrayNode list = inputs.putArray("dataset_inputs");
            for (DatasetInput in : r.inputs()) {
                ObjectNode d = list.addObject();
                if (!in.tags().isEmpty()) {
                    keyValues(d.putArray("tags"), in.tags());
                }
                ObjectNode ds = d.putObject("dataset");
                ds.put("name", in.name());
                ds.put("digest", in.digest());
                ds.put("source_type", in.sourceType());
                ds.put("source", in.source());
                if (in.schema() != null) {
                    ds.put("schema", in.schema());
                }
                if (in.profile() != null) {
                    ds.put("profile", in.profile());
                }
            }
        }
        return n;
    }

    /** A metric; NaN and the infinities as the strings MLflow's own server writes. */
    static ObjectNode metric(Metric m) {
        ObjectNode n = F.objectNode();
        n.put("key", m.key());
        double v = m.value();
        if (Double.isNaN(v)) {
            n.put("value", "NaN");
        } else if (Double.isInfinite(v)) {
            n.put("value", v > 0 ? "Infinity" : "-Infinity");
        } else {
            n.put("value", v);
        }
        n.put("timestamp", m.timestamp());
        n.put("step", m.step());
        return n;
    }

    static ObjectNode registeredModel(RegisteredModel m) {
        ObjectNode n = F.objectNode();
        n.put("name", m.name());
        n.put("creation_timestamp", m.creationTime());
        n.put("last_updated_timestamp", m.lastUpdatedTime());
        if (!m.description().isEmpty()) {
            n.put("description", m.description());
        }
        if (!m.latestVersions().isEmpty()) {
            ArrayNode latest = n.putArray("latest_versions");
            m.latestVersions().forEach(v -> latest.add(modelVersion(v)));
        }
        if (!m.tags().isEmpty()) {
            keyValues(n.putArray("tags"), m.tags());
        }
        if (!m.aliases().isEmpty()) {
            ArrayNode aliases = n.putArray("aliases");
            m.aliases().forEach((alias, version) -> aliases.addObject().put("alias", alias).put("version", Long.toString(version)));
        }
        return n;
    }

    static ObjectNode modelVersion(ModelVersion v) {
        ObjectNode n = F.objectNode();
        n.put("name", v.name());
        n.put("version", Long.toString(v.version()));
        n.put("creation_timestamp", v.creationTime());
        n.put("last_updated_timestamp", v.lastUpdatedTime());
        n.put("current_stage", v.currentStage());
        if (!v.description().isEmpty()) {
            n.put("description", v.description());
        }
        if (!v.userId().isEmpty()) {
            n.put("user_id", v.userId());
        }
        n.put("source", v.source());
        if (v.runId() != null) {
            n.put("run_id", v.runId());
        }
        if (!v.runLink().isEmpty()) {
            n.put("run_link", v.runLink());
        }
        n.put("status", v.status());
        if (!v.statusMessage().isEmpty()) {
            n.put("status_message", v.statusMessage());
        }
        if (!v.tags().isEmpty()) {
            keyValues(n.putArray("tags"), v.tags());
        }
        if (!v.aliases().isEmpty()) {
            ArrayNode aliases = n.putArray("aliases");
            v.aliases().forEach(aliases::add);
        }
        return n;
    }

    private static void keyValues(ArrayNode list, Map<String, String> map) {
        new java.util.TreeMap<>(map).forEach((k, v) -> list.addObject().put("key", k).put("value", v));
    }
}
