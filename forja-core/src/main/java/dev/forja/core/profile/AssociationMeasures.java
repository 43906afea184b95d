package dev.forja.core.profile;

/**
 * The classical measures of association between two columns, each over the rows where both values are
 * present. Sums are two-pass (means first, then deviations) so they agree with numpy/scipy to about
 * 1e-12. Missing: {@code NaN} numbers, negative codes.
 */
public final class AssociationMeasures {
    private AssociationMeasures() {
    }

    /** A measure's value ({@code NaN} when undefined) and how many rows entered it. */
    public record Measured(double value, long rows) {
    }

    /** Pearson's correlation coefficient; undefined when either side has no variance. */
    public static Measured pearson(double[] x, double[] y) {
        long n = 0;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                n++;
                sx += x[i];
                sy += y[i];
            }
        }
        if (n < 2) {
            return new Measured(Double.NaN, n);
        }
        double mx = sx / n;
        double my = sy / n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                double dx = x[i] - mx;
                double dy = y[i] - my;
                sxy += dx * dy;
                sxx += dx * dx;
                syy += dy * dy;
            }
        }
        if (sxx == 0 || syy == 0) {
            return new Measured(Double.NaN, n);
        }
        double r = sxy / Math.sqrt(sxx * syy);
        return new Measured(Math.max(-1, Math.min(1, r)), n);
    }

    /**
     * The correlation ratio η of {@code values} grouped by {@code groups}: the square root of the share
     * of the variance of the values that lies between the group means. 0 when the groups have equal
     * means, 1 when each group is constant. Undefined when the values have no variance.
     *
     * @param groups     group code per row, in {@code 0..groupCount-1}, negative = missing
     * @param groupCount number of group codes
     */
    public static Measured correlationRatio(double[] values, int[] groups, int groupCount) {
        long n = 0;
        double sum = 0;
        long[] counts = new long[groupCount];
        double[] sums = new double[groupCount];
        for (int i = 0; i < values.length; i++) {
            int g = groups[i];
            double v = values[i];
            if (g >= 0 && !Double.isNaN(v)) {
                n++;
                sum += v;
                counts[g]++;
                sums[g] += v;
            }
        }
        if (n < 2) {
            return new Measured(Double.NaN, n);
        }
        double mean = sum / n;
        double total = 0;
        for (int i = 0; i < values.length; i++) {
            if (groups[i] >= 0 && !Double.isNaN(values[i])) {
                double d = values[i] - mean;
                total += d * d;
            }
        }
        if (total == 0 || Double.isNaN(total) || Double.isInfinite(total)) {
            return new Measured(Double.NaN, n);
        }
        double between = 0;
        for (int g = 0; g < groupCount; g++) {
            if (counts[g] > 0) {
                double d = sums[g] / counts[g] - mean;
                between += counts[g] * d * d;
            }
        }
        return new Measured(Math.sqrt(Math.min(1, between / total)), n);
    }

    /**
     * Cramér's V of two categorical columns without bias correction: {@code sqrt(χ² / (n (k − 1)))} with
     * χ² of the contingency table (no continuity correction) and {@code k} the smaller of its numbers of
     * rows and columns, counting only levels that occur. Undefined when either side has one level.
     */
    public static Measured cramersV(int[] a, int aLevels, int[] b, int bLevels) {
        return cramersV(PairCounts.of(a, aLevels, b, bLevels));
    }

    static Measured cramersV(PairCounts table) {
        long n = table.total();
        int k = Math.min(table.aPresent(), table.bPresent());
        if (n == 0 || k < 2) {
            return new Measured(Double.NaN, n);
        }
        double[] sums = new double[2]; // chi² over the visited cells, their expected counts
        table.forEachCell((x, y, count) -> {
            double expected = (double) table.aTotal(x) * table.bTotal(y) / n;
            double d = count - expected;
            sums[0] += d * d / expected;
            sums[1] += expected;
        }, true);
        // A sparse table visits only non-empty cells; each empty cell adds its expected count, and those
        // sum to n minus the expected counts of the visited ones.
        double chi2 = table.isDense() ? sums[0] : sums[0] + Math.max(0, n - sums[1]);
        return new Measured(Math.sqrt(Math.min(1, chi2 / (n * (double) (k - 1)))), n);
    }
}
