package dev.forja.serve.monitor.drift;

import dev.forja.core.task.Task;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Current values of a categorical feature against its {@link CategoricalReference}: rows per reference
 * category, plus one bucket for categories the reference has no place for; categories training never
 * saw are counted apart (the unseen rate), whichever bucket they land in.
 */
public final class CategoricalWindow implements FeatureWindow {
    static final String UNSEEN = "(unseen)";
    private final CategoricalReference reference;
    private final Map<String, Integer> index = new HashMap<>();
    /** Per reference level, then the bucket for values with no level. */
    private final long[] counts;
    private long rows;
    private long missing;
    private long unseen;

    CategoricalWindow(CategoricalReference reference) {
        this.reference = reference;
        for (int i = 0; i < reference.levels().size(); i++) {
            index.put(reference.levels().get(i), i);
        }
        this.counts = new long[reference.levels().size() + 1];
    }

    @Override
    public void add(double value) {
        add(Double.isNaN(value) ? null : Task.label(value));
    }

    @Override
    public void add(String value) {
        rows++;
        if (value == null) {
            missing++;
            return;
        }
        boolean known = reference.seen().contains(value);
        if (!known) {
            unseen++;
        }
        Integer i = index.get(value);
        if (i == null) {
            i = known && reference.pooled() ? counts.length - 2 : counts.length - 1;
        }
        counts[i]++;
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public FeatureDrift drift(DriftThresholds t) {
        long present = rows - missing;
        int k = counts.length;
        double[] ref = new double[k];
        System.arraycopy(reference.counts(), 0, ref, 0, k - 1);
        double[] cur = new double[k];
        double refTotal = 0;
        for (int i = 0; i < k; i++) {
            cur[i] = counts[i];
            refTotal += ref[i];
        }
        double[] refShares = new double[k];
        double[] curShares = new double[k];
        for (int i = 0; i < k; i++) {
            refShares[i] = refTotal == 0 ? 0 : ref[i] / refTotal;
            curShares[i] = present == 0 ? 0 : cur[i] / present;
        }
        boolean comparable = present > 0 && refTotal > 0;
        double psi = comparable ? Psi.of(refShares, curShares) : Double.NaN;
        ChiSquare chi = comparable ? ChiSquare.test(ref, cur) : new ChiSquare(Double.NaN, Double.NaN, 0);
        double js = comparable ? JensenShannon.distance(ref, cur) : Double.NaN;
        double missingRate = rows == 0 ? Double.NaN : (double) missing / rows;
        double missingChange = Double.isNaN(missingRate) ? Double.NaN : missingRate - reference.missingRate();
        double unseenRate = present == 0 ? Double.NaN : (double) unseen / present;
        List<String> reasons = new ArrayList<>();
        Severity s = Severity.NONE;
        s = NumericWindow.grade(s, reasons, "PSI", psi, t.psiWarn(), t.psiAlert());
        s = NumericWindow.grade(s, reasons, "Jensen-Shannon", js, t.jsWarn(), t.jsAlert());
        s = NumericWindow.grade(s, reasons, "missing rate change", Math.abs(missingChange), t.missingWarn(), t.missingAlert());
        s = NumericWindow.grade(s, reasons, "unseen categories", unseenRate, t.unseenWarn(), t.unseenAlert());
        List<String> labels = new ArrayList<>(reference.levels());
        labels.add(UNSEEN);
        return new FeatureDrift(reference.name(), "categorical", rows, psi, Double.NaN, Double.NaN, false, chi.statistic(), chi.pValue(), js,
                reference.missingRate(), missingRate, missingChange, Double.NaN, unseenRate, s, String.join("; ", reasons), labels, refShares,
                curShares);
    }
}
