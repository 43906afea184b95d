package dev.forja.core.profile;

/**
 * The distribution of a set of numbers: the values of a numeric column, or the lengths of the texts of
 * a text column. Statistics that do not exist are {@code NaN} (the mean of no values, the standard
 * deviation of one value, a histogram of no finite values is {@code null}).
 *
 * @param count     values described (missing ones excluded)
 * @param min       smallest value
 * @param max       largest value
 * @param mean      arithmetic mean
 * @param std       sample standard deviation ({@code ddof = 1}, as pandas)
 * @param skewness  adjusted Fisher–Pearson skewness (pandas' {@code Series.skew}); {@code NaN} for fewer
 *                  than 3 values, 0 when all values are equal
 * @param quantiles 5/25/50/75/95 % quantiles
 * @param integral  every value is a whole number
 * @param histogram bins of the finite values, or {@code null}
 */
public record Summary(long count, double min, double max, double mean, double std, double skewness,
                      Quantiles quantiles, boolean integral, Histogram histogram) {

    /**
     * Summarises the first {@code n} values of an ascending array (no {@code NaN} among them). The
     * sort already gives min, max and quantiles; one more pass gives the sum and a second the central
     * moments (two passes, as pandas does, rather than a one-pass formula that loses precision).
     */
    static Summary ofSorted(double[] sorted, int n) {
        if (n == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Quantiles.NONE, false, null);
        }
        // Neumaier's compensated sum: the mean stays exact to the last digits even for a million values.
        double sum = 0;
        double compensation = 0;
        boolean integral = true;
        for (int i = 0; i < n; i++) {
            double x = sorted[i];
            double t = sum + x;
            if (Math.abs(sum) >= Math.abs(x)) {
                compensation += (sum - t) + x;
            } else {
                compensation += (x - t) + sum;
            }
            sum = t;
            if (integral && x != Math.rint(x)) {
                integral = false;
            }
        }
        double total = sum + compensation;
        double mean = Double.isNaN(total) ? sum / n : total / n; // +inf and -inf together: NaN either way
        double m2 = 0;
        double m3 = 0;
        for (int i = 0; i < n; i++) {
            double d = sorted[i] - mean;
            double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
        }
        double std = n < 2 ? Double.NaN : Math.sqrt(m2 / (n - 1));
        double skewness = skewness(n, m2, m3);
        return new Summary(n, sorted[0], sorted[n - 1], mean, std, skewness, Quantiles.ofSorted(sorted, n), integral,
                Histogram.ofSorted(sorted, n, integral));
    }

    /** pandas' {@code nanskew}: round-off-sized moments count as zero, and equal values have skewness 0. */
    private static double skewness(long n, double m2, double m3) {
        if (n < 3) {
            return Double.NaN;
        }
        if (Math.abs(m2) < 1e-14) {
            m2 = 0;
        }
        if (Math.abs(m3) < 1e-14) {
            m3 = 0;
        }
        if (m2 == 0) {
            return 0;
        }
        return (n * Math.sqrt(n - 1.0) / (n - 2.0)) * (m3 / Math.pow(m2, 1.5));
    }

    /** The largest minus the smallest value. */
    public double range() {
        return max - min;
    }
}
