package dev.forja.serve.monitor.drift;

import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;

/**
 * The two-sample Kolmogorov–Smirnov test: the largest gap between two empirical distribution
 * functions and its p-value (Commons Statistics' two-sided test; exact for small samples, asymptotic
 * for large ones).
 */
public record KolmogorovSmirnov(double statistic, double pValue) {
    private static final KolmogorovSmirnovTest TEST = KolmogorovSmirnovTest.withDefaults();

    /** Both samples without missing values; NaN values when either is empty. */
    public static KolmogorovSmirnov test(double[] reference, double[] current) {
        if (reference.length == 0 || current.length == 0) {
            return new KolmogorovSmirnov(Double.NaN, Double.NaN);
        }
        var r = TEST.test(reference, current);
        return new KolmogorovSmirnov(r.getStatistic(), r.getPValue());
    }

    /**
     * The asymptotic two-sided p-value of a statistic {@code d} between samples of {@code n} and {@code m}
     * rows: Kolmogorov's limiting distribution at {@code sqrt(nm / (n + m)) · d}, with Stephens'
     * small-sample correction. Used when the reference is a summary (percentiles) and the raw test
     * cannot run; at the row counts monitoring sees it is within a few percent of the exact value.
     */
    public static double asymptoticPValue(double d, double n, double m) {
        if (Double.isNaN(d) || n <= 0 || m <= 0) {
            return Double.NaN;
        }
        double en = Math.sqrt(n * m / (n + m));
        double lambda = (en + 0.12 + 0.11 / en) * d;
        if (lambda < 0.2) {
            return 1;
        }
        double sum = 0;
        for (int k = 1; k <= 100; k++) {
            double term = Math.exp(-2 * k * k * lambda * lambda);
            sum += (k % 2 == 1 ? 1 : -1) * term;
            if (term < 1e-16) {
                break;
            }
        }
        return Math.max(0, Math.min(1, 2 * sum));
    }
}
