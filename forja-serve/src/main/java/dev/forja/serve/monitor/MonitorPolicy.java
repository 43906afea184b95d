package dev.forja.serve.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.forja.core.ForjaException;
import dev.forja.serve.monitor.drift.DriftThresholds;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A monitor policy ({@code monitor.yaml}): the window length, drift thresholds, alerting rules and what
 * to do when one fires.
 *
 * <pre>
 * window: 1h
 * thresholds: {psi: [0.1, 0.25], unseen: [0.01, 0.05]}
 * rules:
 *   - psi(any) &gt; 0.25 for 2 windows
 *   - auc &lt; 0.75
 * actions:
 *   webhook: http://alerts.internal/forja        # POST the alert as JSON
 *   retrain: train data/latest.csv --target churn --register churn   # a forja command line
 *   gate: {to: production, data: holdout.csv, checks: checks.yaml, must_beat: production}
 * </pre>
 *
 * @param retrain a Forja command line (without {@code forja}) that trains and registers a new version
 * @param gate    how the retrained version is promoted: alias, data, checks file, must-beat alias (any may be null but {@code to})
 */
public record MonitorPolicy(Duration window, DriftThresholds thresholds, List<MonitorRule> rules, String webhook, List<String> retrain,
                            Gate gate) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The promotion gate a retrained model must pass. */
    public record Gate(String to, String data, String checks, String mustBeat) {
    }

    public static MonitorPolicy read(Path file) {
        JsonNode n = tree(file);
        Duration window = n.has("window") ? Durations.parse(n.path("window").asText(), file + ": window") : Duration.ofHours(1);
        DriftThresholds t = DriftThresholds.from(n.path("thresholds"), file.toString());
        List<MonitorRule> rules = new ArrayList<>();
        JsonNode list = n.path("rules");
        if (!list.isMissingNode() && !list.isArray()) {
            throw new ForjaException(file + ": 'rules' must be a list", "write rules as a YAML list: - psi(any) > 0.25");
        }
        for (int i = 0; i < list.size(); i++) {
            try {
                rules.add(MonitorRule.parse(list.get(i).asText()));
            } catch (ForjaException e) {
                throw new ForjaException(file + ": rules[" + i + "]: " + e.getMessage(), e.hint());
            }
        }
        JsonNode actions = n.path("actions");
        String webhook = actions.hasNonNull("webhook") ? actions.path("webhook").asText() : null;
        if (webhook != null && !(webhook.startsWith("http://") || webhook.startsWith("https://"))) {
            throw new ForjaException(file + ": actions.webhook '" + webhook + "' is not an http(s) URL", "give the URL to POST alerts to");
        }
        List<String> retrain = null;
        JsonNode r = actions.path("retrain");
        if (r.isArray()) {
            retrain = new ArrayList<>();
            for (JsonNode a : r) {
                retrain.add(a.asText());
            }
        } else if (r.isTextual()) {
            retrain = List.of(r.asText().trim().split("\\s+"));
        }
        if (retrain != null && !retrain.isEmpty() && retrain.get(0).equals("forja")) {
            retrain = retrain.subList(1, retrain.size());
        }
        Gate gate = null;
        JsonNode g = actions.path("gate");
        if (g.isObject()) {
            if (!g.hasNonNull("to")) {
                throw new ForjaException(file + ": actions.gate needs 'to', the alias a passing model moves to", "add to: production");
            }
            gate = new Gate(g.path("to").asText(), text(g, "data"), text(g, "checks"), text(g, "must_beat"));
        }
        if (gate != null && retrain == null) {
            throw new ForjaException(file + ": actions.gate has nothing to promote without actions.retrain", "add a retrain command line");
        }
        return new MonitorPolicy(window, t, rules, webhook, retrain, gate);
    }

    /** The thresholds section of a policy, or a file that holds only thresholds. */
    public static DriftThresholds readThresholds(Path file) {
        JsonNode n = tree(file);
        return DriftThresholds.from(n.has("thresholds") ? n.path("thresholds") : n, file.toString());
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.path(field).asText() : null;
    }

    private static JsonNode tree(Path file) {
        try {
            JsonNode n = YAML.readTree(file.toFile());
            if (n == null || !n.isObject()) {
                throw new ForjaException(file + " is not a YAML mapping", "write keys such as window:, rules:, actions:");
            }
            return n;
        } catch (IOException e) {
            throw new ForjaException("cannot read " + file + ": " + e.getMessage(), "give a readable YAML file");
        }
    }
}
