package dev.forja.learn.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;

/**
 * The fitted chain for one numeric feature: impute (a fill value, or NaN kept), clip to [lo, hi], then
 * scale as {@code (x - center) / scale}. Fitted on training values in that order, as scikit-learn's
 * SimpleImputer → clipping → scaler would be: each statistic is computed on the output of the step
 * before it.
 */
final class NumericTransform {
    final double fill;
    final double lo;
    final double hi;
    final double center;
    final double scale;

    NumericTransform(double fill, double lo, double hi, double center, double scale) {
        this.fill = fill;
        this.lo = lo;
        this.hi = hi;
        this.center = center;
        this.scale = scale;
    }

    double apply(double x) {
        double v = Double.isNaN(x) ? fill : x;
        if (v < lo) {
            v = lo;
        } else if (v > hi) {
            v = hi;
        }
        return (v - center) / scale;
    }

    /** Fits on the training values ({@code NaN} = missing). */
    static NumericTransform fit(double[] values, PipelineSpec spec) {
        double[] present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double fill = fillValue(present, spec.impute());
        double[] imputed = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            imputed[i] = Double.isNaN(values[i]) ? fill : values[i];
        }
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        if (present.length > 0 && spec.clip().equals("iqr")) {
            double q1 = quantile(present, 0.25);
            double q3 = quantile(present, 0.75);
            lo = q1 - 1.5 * (q3 - q1);
            hi = q3 + 1.5 * (q3 - q1);
        } else if (present.length > 0 && spec.clip().startsWith("quantile:")) {
            double[] q = PipelineSpec.quantiles(spec.clip());
            lo = quantile(present, q[0]);
            hi = quantile(present, q[1]);
        }
        final double low = lo;
        final double high = hi;
        double[] clipped = Arrays.stream(imputed).filter(v -> !Double.isNaN(v)).map(v -> Math.max(low, Math.min(high, v))).sorted().toArray();
        double center = 0;
        double scale = 1;
        if (clipped.length > 0) {
            switch (spec.scale()) {
                case "standard": {
                    double mean = 0;
                    for (double v : clipped) {
                        mean += v;
                    }
                    mean /= clipped.length;
                    double var = 0;
                    for (double v : clipped) {
                        var += (v - mean) * (v - mean);
                    }
                    double sd = Math.sqrt(var / clipped.length);
                    center = mean;
                    scale = sd > 0 ? sd : 1;
                    break;
                }
                case "minmax": {
                    center = clipped[0];
                    double range = clipped[clipped.length - 1] - clipped[0];
                    scale = range > 0 ? range : 1;
                    break;
                }
                case "robust": {
                    center = quantile(clipped, 0.5);
                    double iqr = quantile(clipped, 0.75) - quantile(clipped, 0.25);
                    scale = iqr > 0 ? iqr : 1;
                    break;
                }
                default:
                    break;
            }
        }
        return new NumericTransform(fill, lo, hi, center, scale);
    }

    private static double fillValue(double[] sorted, String impute) {
        if (impute.equals("none")) {
            return Double.NaN;
        }
        if (impute.startsWith("constant:")) {
            return Double.parseDouble(impute.substring("constant:".length()));
        }
        if (sorted.length == 0) {
            return 0; // no training value at all: any constant is as good, 0 keeps scaled features centred
        }
        switch (impute) {
            case "mean": {
                double s = 0;
                for (double v : sorted) {
                    s += v;
                }
                return s / sorted.length;
            }
            case "median":
                return quantile(sorted, 0.5);
            case "most_frequent": {
                double best = sorted[0];
                int bestCount = 0;
                for (int i = 0; i < sorted.length; ) {
                    int j = i;
                    while (j < sorted.length && sorted[j] == sorted[i]) {
                        j++;
                    }
                    if (j - i > bestCount) {
                        bestCount = j - i;
                        best = sorted[i];
                    }
                    i = j;
                }
                return best;
            }
            default:
                throw new IllegalArgumentException("impute " + impute);
        }
    }

    /** numpy's default (linear) quantile of sorted values. */
    static double quantile(double[] sorted, double q) {
        double pos = (sorted.length - 1) * q;
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        put(n, "fill", fill);
        put(n, "clip_low", lo);
        put(n, "clip_high", hi);
        n.put("center", center);
        n.put("scale", scale);
        return n;
    }

    private static void put(ObjectNode n, String key, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            n.putNull(key);
        } else {
            n.put(key, v);
        }
    }

    static NumericTransform fromJson(JsonNode n) {
        return new NumericTransform(n.path("fill").isNull() ? Double.NaN : n.path("fill").asDouble(),
                n.path("clip_low").isNull() ? Double.NEGATIVE_INFINITY : n.path("clip_low").asDouble(),
                n.path("clip_high").isNull() ? Double.POSITIVE_INFINITY : n.path("clip_high").asDouble(),
                n.path("center").asDouble(), n.path("scale").asDouble());
    }

    static NumericTransform identity() {
        return new NumericTransform(Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0, 1);
    }
}
