package dev.forja.serve.monitor.drift;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forja.learn.model.ReferenceStats;
import java.util.Arrays;

/**
 * A numeric feature's reference: the decile bins and their shares (for PSI), the range, the missing
 * rate, the 101 percentiles (for a Kolmogorov–Smirnov test against a summary) and, when the reference
 * is a dataset rather than a model's reference.json, the sorted values themselves (for the exact test).
 *
 * @param present   non-missing reference values
 * @param quantiles the 0th..100th percentiles, or null when the reference predates them
 * @param sample    the sorted non-missing values, or null when only a summary exists
 */
public record NumericReference(String name, double[] edges, double[] shares, double missingRate, long present, double min, double max,
                               double[] quantiles, double[] sample) implements FeatureReference {

    /** From reference.json's {@code bins} object; {@code min}/{@code max} from the signature (NaN when unknown). */
    public static NumericReference fromSummary(String name, JsonNode bins, double missingRate, long rows, double min, double max) {
        double[] edges = doubles(bins.path("edges"));
        double[] shares = doubles(bins.path("shares"));
        double[] quantiles = bins.has("quantiles") ? doubles(bins.path("quantiles")) : null;
        long present = bins.has("count") ? bins.path("count").asLong() : Math.round(rows * (1 - missingRate));
        if (Double.isNaN(min) && quantiles != null && quantiles.length > 0) {
            min = quantiles[0];
            max = quantiles[quantiles.length - 1];
        }
        return new NumericReference(name, edges, shares, missingRate, present, min, max, quantiles, null);
    }

    /** From raw reference values (NaN: missing): the same bins a model's reference.json holds, plus the values. */
    public static NumericReference fromValues(String name, double[] values) {
        double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        JsonNode bins = ReferenceStats.bins(sorted);
        double missingRate = values.length == 0 ? 0 : (double) (values.length - sorted.length) / values.length;
        double min = sorted.length == 0 ? Double.NaN : sorted[0];
        double max = sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
        NumericReference summary = fromSummary(name, bins, missingRate, values.length, min, max);
        return new NumericReference(name, summary.edges, summary.shares, missingRate, sorted.length, min, max, summary.quantiles, sorted);
    }

    private static double[] doubles(JsonNode n) {
        double[] d = new double[n.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = n.get(i).asDouble();
        }
        return d;
    }

    @Override
    public NumericWindow newWindow() {
        return new NumericWindow(this);
    }
}
