package dev.forja.app.monitor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.app.cli.Console;
import dev.forja.serve.monitor.WindowResult;
import dev.forja.serve.monitor.drift.DriftJson;
import dev.forja.serve.monitor.drift.FeatureDrift;
import dev.forja.serve.monitor.drift.Severity;
import java.time.Instant;

/** One monitored window as JSON: counts, verdict, drifted features, the prediction's drift, metrics over labelled rows. */
final class MonitorJson {
    private MonitorJson() {
    }

    static ObjectNode window(WindowResult w, boolean withFeatures) {
        ObjectNode n = Console.mapper().createObjectNode();
        n.put("start", Instant.ofEpochMilli(w.start()).toString());
        n.put("end", Instant.ofEpochMilli(w.end()).toString());
        n.put("start_ms", w.start());
        n.put("requests", w.requests());
        n.put("rows", w.rows());
        n.put("labelled", w.labelled());
        n.put("unreadable", w.unreadable());
        n.put("verdict", w.drift().verdict());
        n.put("alerts", w.drift().alerts());
        n.put("warnings", w.drift().warnings());
        ArrayNode drifted = n.putArray("drifted");
        w.drift().features().stream().filter(f -> f.severity() == Severity.ALERT).forEach(f -> drifted.add(f.name()));
        double maxPsi = w.drift().features().stream().mapToDouble(FeatureDrift::psi).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
        DriftJson.number(n, "max_psi", maxPsi);
        if (w.drift().prediction() != null) {
            DriftJson.number(n, "prediction_psi", w.drift().prediction().psi());
        }
        ObjectNode m = n.putObject("metrics");
        w.metrics().forEach((k, v) -> DriftJson.number(m, k, v));
        if (withFeatures) {
            n.set("drift", DriftJson.of(w.drift()));
        }
        return n;
    }
}
