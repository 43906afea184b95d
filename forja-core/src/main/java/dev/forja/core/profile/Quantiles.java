package dev.forja.core.profile;

/**
 * The 5 %, 25 %, 50 %, 75 % and 95 % quantiles of a set of numbers, with numpy's default ("linear")
 * interpolation: the quantile {@code q} of {@code n} sorted values sits at position {@code q (n - 1)},
 * between the two values around it. A quantile that does not exist (no values) is {@code NaN}.
 */
public record Quantiles(double p05, double p25, double p50, double p75, double p95) {
    /** The probabilities, in the order of the components; also the JSON keys ({@code "0.05"}...). */
    public static final double[] PROBABILITIES = {0.05, 0.25, 0.5, 0.75, 0.95};

    static final Quantiles NONE = new Quantiles(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** The quantiles of the first {@code n} values of an ascending array. */
    static Quantiles ofSorted(double[] sorted, int n) {
        if (n == 0) {
            return NONE;
        }
        return new Quantiles(quantile(sorted, n, 0.05), quantile(sorted, n, 0.25), quantile(sorted, n, 0.5),
                quantile(sorted, n, 0.75), quantile(sorted, n, 0.95));
    }

    /** The components in the order of {@link #PROBABILITIES}. */
    public double[] values() {
        return new double[] {p05, p25, p50, p75, p95};
    }

    public double median() {
        return p50;
    }

    /**
     * numpy's {@code quantile(method='linear')}: virtual index {@code q (n - 1)}, then its lerp, which
     * interpolates from the nearer end so that results agree with numpy to the last bit in most cases.
     */
    static double quantile(double[] sorted, int n, double q) {
        double virtual = n * q + (1 - q) - 1; // numpy's _compute_virtual_index with alpha = beta = 1
        if (virtual <= 0) {
            return sorted[0];
        }
        if (virtual >= n - 1) {
            return sorted[n - 1];
        }
        int below = (int) Math.floor(virtual);
        double gamma = virtual - below;
        double a = sorted[below];
        double b = sorted[below + 1];
        if (a == b) {
            return a; // also keeps infinities from turning into NaN
        }
        double diff = b - a;
        return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
    }
}
