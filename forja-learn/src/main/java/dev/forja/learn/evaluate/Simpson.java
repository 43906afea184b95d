package dev.forja.learn.evaluate;

import dev.forja.core.metrics.Metrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Simpson's paradox between two models: one is better on the whole data but worse in every slice of a
 * column (or the other way round), because the slices weigh differently in the aggregate. When it
 * happens, the aggregate ranking is not the one to trust without looking at the slices.
 */
public final class Simpson {
    private Simpson() {
    }

    /**
     * Whether the sign of the aggregate difference is the opposite of every slice's, given at least two
     * slices with a defined, non-zero difference (slices where the metric is undefined or equal are
     * left out of the comparison).
     */
    public static boolean flips(double aggregateDifference, List<Double> sliceDifferences) {
        if (Double.isNaN(aggregateDifference) || aggregateDifference == 0) {
            return false;
        }
        int counted = 0;
        for (double d : sliceDifferences) {
            if (Double.isNaN(d) || d == 0) {
                continue;
            }
            if (Math.signum(d) == Math.signum(aggregateDifference)) {
                return false;
            }
            counted++;
        }
        return counted >= 2;
    }

    /** Warnings for every slice column where the two evaluations' ranking flips; differences oriented "higher is better". */
    public static List<String> warnings(Evaluation a, Evaluation b, String metric, String nameA, String nameB) {
        double sign = Metrics.higherIsBetter(metric) ? 1 : -1;
        double aggregate = sign * (a.metrics().get(metric) - b.metrics().get(metric));
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<Evaluation.Slice>> e : a.slices().entrySet()) {
            List<Evaluation.Slice> other = b.slices().get(e.getKey());
            if (other == null) {
                continue;
            }
            List<Double> diffs = new ArrayList<>();
            for (Evaluation.Slice s : e.getValue()) {
                other.stream().filter(o -> o.value().equals(s.value())).findFirst().ifPresent(o -> {
                    Double va = s.metrics().get(metric);
                    Double vb = o.metrics().get(metric);
                    diffs.add(va == null || vb == null ? Double.NaN : sign * (va - vb));
                });
            }
            if (flips(aggregate, diffs)) {
                String better = aggregate > 0 ? nameA : nameB;
                String worse = aggregate > 0 ? nameB : nameA;
                out.add("Simpson's paradox on " + e.getKey() + ": " + better + " is better on " + metric + " overall but " + worse
                        + " is better in every slice of " + e.getKey() + "; the slices weigh differently in the aggregate");
            }
        }
        return out;
    }
}
