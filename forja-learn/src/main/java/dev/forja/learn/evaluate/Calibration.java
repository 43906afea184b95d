package dev.forja.learn.evaluate;

import java.util.ArrayList;
import java.util.List;

/**
 * Reliability of predicted probabilities in ten equal-width bins of [0, 1], exactly as scikit-learn's
 * {@code calibration_curve(strategy="uniform")} bins them: per bin the mean predicted probability and
 * the observed frequency. The expected calibration error is their absolute gap weighted by the bin's
 * share of rows. For a binary task the probability is the positive class's; for multiclass it is the
 * top class's, against whether the top class was right.
 */
public record Calibration(double ece, double brier, List<Bin> bins) {
    public static final int BINS = 10;

    public record Bin(double lower, double upper, long count, double meanPredicted, double observed) {
    }

    /** @param probability per row; @param outcome per row, 1 when the event happened, else 0 */
    public static Calibration of(double[] probability, double[] outcome, double brier) {
        long[] count = new long[BINS];
        double[] sumP = new double[BINS];
        double[] sumY = new double[BINS];
        for (int r = 0; r < probability.length; r++) {
            double p = probability[r];
            if (Double.isNaN(p)) {
                continue;
            }
            // As calibration_curve does (numpy's searchsorted over the inner edges i * 0.1): a bin holds
            // (lower, upper], the first one [0, 0.1].
            int b = 0;
            while (b < BINS - 1 && (b + 1) * (1.0 / BINS) < p) {
                b++;
            }
            count[b]++;
            sumP[b] += p;
            sumY[b] += outcome[r];
        }
        long n = 0;
        for (long c : count) {
            n += c;
        }
        double ece = 0;
        List<Bin> bins = new ArrayList<>();
        for (int b = 0; b < BINS; b++) {
            if (count[b] == 0) {
                bins.add(new Bin(b / (double) BINS, (b + 1) / (double) BINS, 0, Double.NaN, Double.NaN));
                continue;
            }
            double mp = sumP[b] / count[b];
            double obs = sumY[b] / count[b];
            ece += (double) count[b] / n * Math.abs(mp - obs);
            bins.add(new Bin(b / (double) BINS, (b + 1) / (double) BINS, count[b], mp, obs));
        }
        return new Calibration(n == 0 ? Double.NaN : ece, brier, bins);
    }
}
