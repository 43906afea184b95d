package dev.forja.app.tracking;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.store.tracking.DatasetInput;
import dev.forja.store.tracking.Metric;
import dev.forja.store.tracking.Run;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** How runs print: as JSON documents for machines and as short text for people. */
final class RunJson {
    private RunJson() {
    }

    static ObjectNode summary(Run run, String experimentName) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("run_id", run.id());
        n.put("run_name", run.info().runName());
        n.put("experiment", experimentName);
        n.put("experiment_id", run.info().experimentId());
        n.put("status", run.info().status().name());
        n.put("start_time", run.info().startTime());
        if (run.info().endTime() != null) {
            n.put("end_time", run.info().endTime());
        }
        ObjectNode params = n.putObject("params");
        run.params().forEach(params::put);
        n.set("metrics", metrics(run.metrics()));
        return n;
    }

    static ObjectNode full(Run run, String experimentName) {
        ObjectNode n = summary(run, experimentName);
        n.put("lifecycle_stage", run.info().stage().id());
        n.put("artifact_uri", run.info().artifactUri());
        n.put("user_id", run.info().userId());
        ObjectNode tags = n.putObject("tags");
        run.tags().forEach(tags::put);
        var inputs = n.putArray("inputs");
        for (DatasetInput in : run.inputs()) {
            ObjectNode i = inputs.addObject();
            i.put("name", in.name());
            i.put("digest", in.digest());
            i.put("source", in.source());
            i.put("context", in.tags().getOrDefault("mlflow.data.context", ""));
        }
        return n;
    }

    static ObjectNode metrics(Map<String, Metric> metrics) {
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        metrics.forEach((k, v) -> {
            if (Double.isFinite(v.value())) {
                m.put(k, v.value());
            } else {
                m.putNull(k);
            }
        });
        return m;
    }

    static String time(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString().replaceFirst("\\.\\d+Z$", "Z");
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
