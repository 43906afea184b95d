package dev.forja.learn.model;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.core.frame.CategoricalColumn;
import dev.forja.core.frame.Column;
import dev.forja.core.frame.DatetimeColumn;
import dev.forja.core.frame.Frame;
import dev.forja.core.frame.NumericColumn;
import dev.forja.core.frame.TextColumn;
import dev.forja.core.task.Task;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The training-time picture monitoring compares live data with (reference.json, the drift baseline):
 * per input, the missing rate and either quantile bins with the share of rows in each (numeric,
 * datetime) or category shares (categorical; the 100 most frequent, the rest as {@code __other__});
 * and the same for the model's predictions on the training rows.
 *
 * <p>Bins are deciles of the training values with open outer bins, so a live value outside the
 * training range still falls in a bin; repeated edges (many equal values) are merged. Numeric inputs
 * and predictions also keep their 101 percentiles (linear interpolation, numpy's default), from which
 * monitoring approximates the reference's distribution function for the Kolmogorov–Smirnov test.
 */
public final class ReferenceStats {
    static final int BINS = 10;
    static final int MAX_CATEGORIES = 100;
    public static final String OTHER = "__other__";

    private ReferenceStats() {
    }

    /**
     * @param predictions row-major model outputs on the same rows ({@code task.outputs()} per row)
     */
    public static ObjectNode of(Frame rows, Signature signature, Task task, double[] predictions) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("rows", rows.rowCount());
        ObjectNode inputs = root.putObject("inputs");
        for (InputSpec spec : signature.inputs()) {
            inputs.set(spec.name(), column(rows.column(spec.name())));
        }
        ObjectNode prediction = root.putObject("prediction");
        int k = task.outputs();
        int n = rows.rowCount();
        if (task.isClassification()) {
            prediction.put("kind", "classification");
            ObjectNode meanProb = prediction.putObject("mean_probability");
            ObjectNode predicted = prediction.putObject("predicted_class_rate");
            int[] argmaxCounts = new int[k];
            double[] sums = new double[k];
            for (int r = 0; r < n; r++) {
                int best = 0;
                for (int c = 0; c < k; c++) {
                    double p = predictions[r * k + c];
                    sums[c] += p;
                    if (p > predictions[r * k + best]) {
                        best = c;
                    }
                }
                argmaxCounts[best]++;
            }
            for (int c = 0; c < k; c++) {
                meanProb.put(task.classes().get(c), n == 0 ? 0 : sums[c] / n);
                predicted.put(task.classes().get(c), n == 0 ? 0 : (double) argmaxCounts[c] / n);
            }
            if (k == 2) {
                double[] positive = new double[n];
                for (int r = 0; r < n; r++) {
                    positive[r] = predictions[r * 2 + 1];
                }
                prediction.set("positive_probability_bins", bins(positive));
            }
        } else {
            prediction.put("kind", "regression");
            prediction.set("value_bins", bins(Arrays.copyOf(predictions, n)));
        }
        return root;
    }

    private static ObjectNode column(Column c) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("kind", c.kind().id());
        int rows = c.size();
        n.put("missing_rate", rows == 0 ? 0 : (double) c.missingCount() / rows);
        if (c instanceof NumericColumn num) {
            n.set("bins", bins(num.toArray()));
        } else if (c instanceof DatetimeColumn d) {
            double[] v = new double[rows];
            for (int r = 0; r < rows; r++) {
                v[r] = d.isMissing(r) ? Double.NaN : d.millis(r);
            }
            n.set("bins", bins(v));
        } else if (c instanceof CategoricalColumn cat) {
            n.set("frequencies", frequencies(cat));
        } else if (c instanceof TextColumn t) {
            double[] lengths = new double[rows];
            for (int r = 0; r < rows; r++) {
                lengths[r] = t.isMissing(r) ? Double.NaN : t.get(r).length();
            }
            n.set("length_bins", bins(lengths));
        }
        return n;
    }

    /** Percentiles kept per numeric input, so drift tests can compare whole distributions (KS), not only the deciles. */
    static final int QUANTILES = 100;

    /**
     * Decile edges of the non-missing values and the share of those values in each bin, the row count,
     * and the 0th to 100th percentiles.
     */
    public static ObjectNode bins(double[] values) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        var edges = n.putArray("edges");
        var shares = n.putArray("shares");
        if (v.length == 0) {
            return n;
        }
        double[] e = new double[BINS - 1];
        int m = 0;
        for (int q = 1; q < BINS; q++) {
            double pos = (v.length - 1) * q / (double) BINS;
            int lo = (int) Math.floor(pos);
            int hi = Math.min(lo + 1, v.length - 1);
            double edge = v[lo] + (v[hi] - v[lo]) * (pos - lo);
            if (m == 0 || edge > e[m - 1]) {
                e[m++] = edge;
            }
        }
        e = Arrays.copyOf(e, m);
        long[] counts = new long[m + 1];
        for (double x : v) {
            counts[binOf(e, x)]++;
        }
        for (double edge : e) {
            edges.add(edge);
        }
        for (long c : counts) {
            shares.add((double) c / v.length);
        }
        n.put("count", v.length);
        var quantiles = n.putArray("quantiles");
        for (int q = 0; q <= QUANTILES; q++) {
            double pos = (v.length - 1) * q / (double) QUANTILES;
            int lo = (int) Math.floor(pos);
            int hi = Math.min(lo + 1, v.length - 1);
            quantiles.add(v[lo] + (v[hi] - v[lo]) * (pos - lo));
        }
        return n;
    }

    /** Bin i holds values in (edge[i-1], edge[i]]; the first bin is open below, the last above. */
    public static int binOf(double[] edges, double x) {
        int i = Arrays.binarySearch(edges, x);
        return i >= 0 ? i : -i - 1;
    }

    private static ObjectNode frequencies(CategoricalColumn c) {
        int[] counts = c.levelCounts();
        int present = c.size() - c.missingCount();
        Integer[] order = new Integer[counts.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> counts[b] != counts[a] ? Integer.compare(counts[b], counts[a]) : Integer.compare(a, b));
        Map<String, Double> shares = new LinkedHashMap<>();
        long other = 0;
        for (int i = 0; i < order.length; i++) {
            int code = order[i];
            if (counts[code] == 0) {
                continue;
            }
            if (shares.size() < MAX_CATEGORIES) {
                shares.put(c.level(code), present == 0 ? 0 : (double) counts[code] / present);
            } else {
                other += counts[code];
            }
        }
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        shares.forEach(n::put);
        if (other > 0) {
            n.put(OTHER, (double) other / present);
        }
        return n;
    }
}
