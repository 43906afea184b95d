package dev.forja.serve.monitor;

import dev.forja.core.ForjaException;
import dev.forja.serve.monitor.drift.DriftReference;
import dev.forja.serve.monitor.drift.FeatureDrift;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One alerting rule of a monitor policy, e.g. {@code psi(any) > 0.25 for 2 windows}, {@code auc < 0.75}
 * or {@code unseen_rate(country) > 0.05}: a measure of a window, a comparison, and how many windows in a
 * row must breach it before it fires.
 *
 * <p>Drift measures take a feature name, {@code any} (the largest value over the features) or
 * {@code prediction}: {@code psi, ks, js, missing_rate_change} (absolute), {@code out_of_range_rate},
 * {@code unseen_rate}. Any other name is a metric of the window's labelled rows ({@code auc},
 * {@code accuracy}, {@code rmse}, …) or a count: {@code rows}, {@code labelled}. A value that cannot be
 * measured in a window (no labels yet) never breaches.
 */
public record MonitorRule(String text, String measure, String feature, String op, double threshold, int windows) {
    private static final Pattern RULE = Pattern.compile(
            "^\\s*([a-z_0-9]+)\\s*(?:\\(\\s*([^)]+?)\\s*\\))?\\s*(<=|>=|<|>)\\s*(-?[0-9.eE+-]+)\\s*(?:for\\s+([0-9]+)\\s+windows?)?\\s*$");
    private static final List<String> DRIFT = List.of("psi", "ks", "js", "missing_rate_change", "out_of_range_rate", "unseen_rate");

    public static MonitorRule parse(String text) {
        Matcher m = RULE.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new ForjaException("cannot read the rule '" + text + "'",
                    "write MEASURE(FEATURE) OP NUMBER [for N windows], e.g. psi(any) > 0.25 for 2 windows, or METRIC OP NUMBER, e.g. auc < 0.75");
        }
        String measure = m.group(1);
        String feature = m.group(2) == null ? null : text.substring(text.indexOf('(') + 1, text.indexOf(')')).trim();
        if (DRIFT.contains(measure) && feature == null) {
            throw new ForjaException("the rule '" + text + "' needs a feature: " + measure + "(any), " + measure + "(prediction) or " + measure + "(COLUMN)",
                    "name the feature in parentheses");
        }
        if (!DRIFT.contains(measure) && feature != null) {
            throw new ForjaException("'" + measure + "' in the rule '" + text + "' is not a drift measure, so it takes no feature",
                    "use one of " + String.join(", ", DRIFT) + " with a feature, or a metric such as auc < 0.75");
        }
        double threshold;
        try {
            threshold = Double.parseDouble(m.group(4));
        } catch (NumberFormatException e) {
            throw new ForjaException("the rule '" + text + "' compares with '" + m.group(4) + "', which is not a number", "give a number");
        }
        int windows = m.group(5) == null ? 1 : Integer.parseInt(m.group(5));
        if (windows < 1) {
            throw new ForjaException("the rule '" + text + "' asks for " + windows + " windows", "give 1 or more");
        }
        return new MonitorRule(text.trim(), measure, feature, m.group(3), threshold, windows);
    }

    /** The rule's measure in one window; NaN when it cannot be measured there. */
    public double value(WindowResult w) {
        if (!DRIFT.contains(measure)) {
            return switch (measure) {
                case "rows" -> w.rows();
                case "labelled" -> w.labelled();
                default -> w.metrics().getOrDefault(measure, Double.NaN);
            };
        }
        ToDoubleFunction<FeatureDrift> read = switch (measure) {
            case "psi" -> FeatureDrift::psi;
            case "ks" -> FeatureDrift::ksStatistic;
            case "js" -> FeatureDrift::jsDistance;
            case "missing_rate_change" -> f -> Math.abs(f.missingRateChange());
            case "out_of_range_rate" -> FeatureDrift::outOfRangeRate;
            default -> FeatureDrift::unseenRate;
        };
        if (feature.equalsIgnoreCase("any")) {
            double max = Double.NaN;
            for (FeatureDrift f : w.drift().features()) {
                double v = read.applyAsDouble(f);
                if (!Double.isNaN(v) && (Double.isNaN(max) || v > max)) {
                    max = v;
                }
            }
            return max;
        }
        FeatureDrift f = w.drift().feature(feature.equalsIgnoreCase(DriftReference.PREDICTION) ? DriftReference.PREDICTION : feature);
        return f == null ? Double.NaN : read.applyAsDouble(f);
    }

    /** Whether {@code value} breaches the rule's comparison. */
    public boolean breaches(double value) {
        if (Double.isNaN(value)) {
            return false;
        }
        return switch (op) {
            case "<" -> value < threshold;
            case "<=" -> value <= threshold;
            case ">" -> value > threshold;
            default -> value >= threshold;
        };
    }

    /** The feature names a rule reads that the reference lacks, so a typo is caught before any window. */
    public void checkAgainst(DriftReference reference) {
        if (feature == null || feature.equalsIgnoreCase("any") || feature.equalsIgnoreCase(DriftReference.PREDICTION)) {
            return;
        }
        boolean known = reference.inputs().stream().anyMatch(r -> r.name().equals(feature));
        if (!known) {
            throw new ForjaException("the rule '" + text + "' reads '" + feature + "', which is not an input of the model",
                    "use one of " + String.join(", ", reference.inputs().stream().map(r -> r.name()).toList()) + ", any or prediction");
        }
    }
}
