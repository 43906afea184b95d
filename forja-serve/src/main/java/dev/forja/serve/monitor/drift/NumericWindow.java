package dev.forja.serve.monitor.drift;

import dev.forja.learn.model.ReferenceStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Current values of a numeric feature against its {@link NumericReference}: counts per reference bin
 * (PSI), per interval between the reference's distinct percentiles (the KS statistic against the
 * summary), outside the reference's range, and missing. Only when the reference holds its raw values
 * are the current values kept too, for the exact two-sample test.
 */
public final class NumericWindow implements FeatureWindow {
    private final NumericReference reference;
    private final long[] bins;
    /** Distinct reference percentiles, and for each: the reference's distribution function just below and at it. */
    private final double[] points;
    private final double[] refBelow;
    private final double[] refAt;
    /** Current values strictly between points (index i: below points[i]; last: above all), and equal to each point. */
    private final long[] between;
    private final long[] at;
    private double[] values;
    private int kept;
    private long rows;
    private long missing;
    private long outOfRange;

    NumericWindow(NumericReference reference) {
        this.reference = reference;
        this.bins = new long[reference.edges().length + 1];
        double[] q = reference.quantiles() != null ? reference.quantiles() : reference.edges();
        double step = reference.quantiles() != null ? 1.0 / (q.length - 1) : Double.NaN;
        double[] p = new double[q.length];
        double[] below = new double[q.length];
        double[] upTo = new double[q.length];
        // percentile i sits at probability i/100; a value repeated over percentiles i..j has i/100 of the
        // reference below it and j/100 up to it
        int m = 0;
        for (int i = 0; i < q.length; i++) {
            if (m > 0 && q[i] == p[m - 1]) {
                upTo[m - 1] = reference.quantiles() != null ? i * step : Double.NaN;
                continue;
            }
            p[m] = q[i];
            below[m] = reference.quantiles() != null ? i * step : Double.NaN;
            upTo[m] = reference.quantiles() != null ? (i == 0 ? 0 : i * step) : Double.NaN;
            m++;
        }
        this.points = Arrays.copyOf(p, m);
        this.refBelow = Arrays.copyOf(below, m);
        this.refAt = Arrays.copyOf(upTo, m);
        this.between = new long[m + 1];
        this.at = new long[m];
        this.values = reference.sample() != null ? new double[1024] : null;
    }

    @Override
    public void add(double v) {
        rows++;
        if (Double.isNaN(v)) {
            missing++;
            return;
        }
        bins[ReferenceStats.binOf(reference.edges(), v)]++;
        if (v < reference.min() || v > reference.max()) {
            outOfRange++;
        }
        if (points.length > 0) {
            int i = Arrays.binarySearch(points, v);
            if (i >= 0) {
                at[i]++;
            } else {
                between[-i - 1]++;
            }
        }
        if (values != null) {
            if (kept == values.length) {
                values = Arrays.copyOf(values, kept * 2);
            }
            values[kept++] = v;
        }
    }

    @Override
    public void add(String v) {
        if (v == null) {
            add(Double.NaN);
            return;
        }
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            d = Double.NaN;
        }
        add(d);
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public FeatureDrift drift(DriftThresholds t) {
        long present = rows - missing;
        double[] current = new double[bins.length];
        for (int i = 0; i < bins.length; i++) {
            current[i] = present == 0 ? 0 : (double) bins[i] / present;
        }
        double missingRate = rows == 0 ? Double.NaN : (double) missing / rows;
        double psi = present == 0 || reference.present() == 0 ? Double.NaN : Psi.of(reference.shares(), current);
        KolmogorovSmirnov ks;
        boolean exact = reference.sample() != null && values != null;
        if (present == 0 || reference.present() == 0) {
            ks = new KolmogorovSmirnov(Double.NaN, Double.NaN);
        } else if (exact) {
            ks = KolmogorovSmirnov.test(reference.sample(), Arrays.copyOf(values, kept));
        } else if (reference.quantiles() != null) {
            double d = summaryStatistic(present);
            ks = new KolmogorovSmirnov(d, KolmogorovSmirnov.asymptoticPValue(d, reference.present(), present));
        } else {
            ks = new KolmogorovSmirnov(Double.NaN, Double.NaN);
        }
        double outOfRangeRate = present == 0 || Double.isNaN(reference.min()) ? Double.NaN : (double) outOfRange / present;
        double missingChange = Double.isNaN(missingRate) ? Double.NaN : missingRate - reference.missingRate();
        Severity severity = Severity.NONE;
        List<String> reasons = new ArrayList<>();
        severity = grade(severity, reasons, "PSI", psi, t.psiWarn(), t.psiAlert());
        severity = grade(severity, reasons, "missing rate change", Math.abs(missingChange), t.missingWarn(), t.missingAlert());
        severity = grade(severity, reasons, "out of range", outOfRangeRate, t.outOfRangeWarn(), t.outOfRangeAlert());
        return new FeatureDrift(reference.name(), "numeric", rows, psi, ks.statistic(), ks.pValue(), exact, Double.NaN, Double.NaN, Double.NaN,
                reference.missingRate(), missingRate, missingChange, outOfRangeRate, Double.NaN, severity, String.join("; ", reasons),
                binLabels(reference.edges()), reference.shares().clone(), current);
    }

    /** The largest gap between the current distribution function and the reference's percentiles, at and just below each. */
    private double summaryStatistic(long present) {
        double d = 0;
        long cumulative = 0;
        for (int i = 0; i < points.length; i++) {
            cumulative += between[i];
            d = Math.max(d, Math.abs((double) cumulative / present - refBelow[i]));
            cumulative += at[i];
            d = Math.max(d, Math.abs((double) cumulative / present - refAt[i]));
        }
        return d;
    }

    static Severity grade(Severity current, List<String> reasons, String what, double value, double warn, double alert) {
        Severity s = DriftThresholds.grade(value, warn, alert);
        if (s != Severity.NONE) {
            reasons.add(String.format(Locale.ROOT, "%s %.3f >= %.3f", what, value, s == Severity.ALERT ? alert : warn));
        }
        return Severity.max(current, s);
    }

    static List<String> binLabels(double[] edges) {
        int digits = 3;
        while (digits < 10 && !distinct(edges, digits)) {
            digits++;
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i <= edges.length; i++) {
            if (edges.length == 0) {
                labels.add("all");
            } else if (i == 0) {
                labels.add("≤ " + number(edges[0], digits));
            } else if (i == edges.length) {
                labels.add("> " + number(edges[i - 1], digits));
            } else {
                labels.add(number(edges[i - 1], digits) + "–" + number(edges[i], digits));
            }
        }
        return labels;
    }

    /** Edges as short as they can be while neighbours stay distinct (4.857 and 4.864 need four digits). */
    private static boolean distinct(double[] edges, int digits) {
        for (int i = 1; i < edges.length; i++) {
            if (number(edges[i - 1], digits).equals(number(edges[i], digits))) {
                return false;
            }
        }
        return true;
    }

    private static String number(double v, int digits) {
        return v == Math.rint(v) && Math.abs(v) < 1e12 ? Long.toString((long) v) : String.format(Locale.ROOT, "%." + digits + "g", v);
    }
}
