package dev.forja.serve.monitor.drift;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forja.core.ForjaException;

/**
 * When a feature's drift is a warning and when an alert. Severity reads effect sizes, not p-values:
 * with the thousands of rows a production window holds, every difference is "significant", so the KS
 * and chi-square p-values are reported but do not decide. Defaults follow common practice: PSI 0.1 /
 * 0.25 (the credit-scoring rule of thumb), Jensen–Shannon distance 0.1 / 0.2, and shares of rows that
 * are new (missing where training had them, outside the training range, an unseen category).
 */
public record DriftThresholds(double psiWarn, double psiAlert, double jsWarn, double jsAlert, double missingWarn, double missingAlert,
                              double outOfRangeWarn, double outOfRangeAlert, double unseenWarn, double unseenAlert) {
    public static final DriftThresholds DEFAULT = new DriftThresholds(0.1, 0.25, 0.1, 0.2, 0.05, 0.2, 0.02, 0.1, 0.01, 0.05);

    /**
     * Overrides from a YAML / JSON object such as {@code {psi: [0.1, 0.3], unseen: [0.02, 0.1]}}: each
     * key a measure ({@code psi, js, missing, out_of_range, unseen}), each value [warn, alert].
     */
    public static DriftThresholds from(JsonNode n, String source) {
        DriftThresholds t = DEFAULT;
        if (n == null || n.isMissingNode() || n.isNull()) {
            return t;
        }
        var fields = n.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            JsonNode v = e.getValue();
            if (!v.isArray() || v.size() != 2 || !v.get(0).isNumber() || !v.get(1).isNumber() || v.get(0).asDouble() > v.get(1).asDouble()) {
                throw new ForjaException(source + ": threshold '" + e.getKey() + "' must be [warn, alert] with warn <= alert, e.g. [0.1, 0.25]",
                        "fix the thresholds section");
            }
            double w = v.get(0).asDouble();
            double a = v.get(1).asDouble();
            t = switch (e.getKey()) {
                case "psi" -> new DriftThresholds(w, a, t.jsWarn, t.jsAlert, t.missingWarn, t.missingAlert, t.outOfRangeWarn, t.outOfRangeAlert,
                        t.unseenWarn, t.unseenAlert);
                case "js" -> new DriftThresholds(t.psiWarn, t.psiAlert, w, a, t.missingWarn, t.missingAlert, t.outOfRangeWarn, t.outOfRangeAlert,
                        t.unseenWarn, t.unseenAlert);
                case "missing" -> new DriftThresholds(t.psiWarn, t.psiAlert, t.jsWarn, t.jsAlert, w, a, t.outOfRangeWarn, t.outOfRangeAlert,
                        t.unseenWarn, t.unseenAlert);
                case "out_of_range" -> new DriftThresholds(t.psiWarn, t.psiAlert, t.jsWarn, t.jsAlert, t.missingWarn, t.missingAlert, w, a,
                        t.unseenWarn, t.unseenAlert);
                case "unseen" -> new DriftThresholds(t.psiWarn, t.psiAlert, t.jsWarn, t.jsAlert, t.missingWarn, t.missingAlert, t.outOfRangeWarn,
                        t.outOfRangeAlert, w, a);
                default -> throw new ForjaException(source + ": unknown threshold '" + e.getKey() + "'",
                        "use psi, js, missing, out_of_range or unseen");
            };
        }
        return t;
    }

    static Severity grade(double value, double warn, double alert) {
        if (Double.isNaN(value)) {
            return Severity.NONE;
        }
        return value >= alert ? Severity.ALERT : value >= warn ? Severity.WARN : Severity.NONE;
    }
}
