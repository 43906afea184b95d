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
}
