package dev.forja.serve.monitor.drift;

import java.util.List;

/**
 * The comparison of current rows with a reference: every feature sorted by severity (then PSI), the
 * prediction's drift, and the verdict: {@code drift} as soon as one feature or the prediction reaches
 * the alert level, so one badly broken input is never averaged away by many stable ones.
 */
public record DriftReport(long referenceRows, long currentRows, List<FeatureDrift> features, FeatureDrift prediction, List<String> skipped) {
    public String verdict() {
        return alerts() > 0 ? "drift" : "no_drift";
    }

    public long alerts() {
        return features.stream().filter(f -> f.severity() == Severity.ALERT).count() + (prediction != null && prediction.severity() == Severity.ALERT ? 1 : 0);
    }

    public long warnings() {
        return features.stream().filter(f -> f.severity() == Severity.WARN).count() + (prediction != null && prediction.severity() == Severity.WARN ? 1 : 0);
    }

    /** A feature's drift by name, or the prediction's for {@link DriftReference#PREDICTION}; null when unknown. */
    public FeatureDrift feature(String name) {
        if (DriftReference.PREDICTION.equals(name)) {
            return prediction;
        }
        return features.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }
}
