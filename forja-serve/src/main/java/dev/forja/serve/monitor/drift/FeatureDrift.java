package dev.forja.serve.monitor.drift;

import java.util.List;

/**
 * One feature's (or the prediction's) drift between the reference and the current rows. Measures that
 * do not apply to the feature's kind are NaN (null in JSON).
 *
 * @param kind               {@code numeric} or {@code categorical}
 * @param psi                population stability index over the reference's bins
 * @param ksStatistic        two-sample Kolmogorov–Smirnov statistic (numeric)
 * @param ksPValue           its p-value
 * @param ksExact            whether KS compared the raw samples (else the reference's percentiles)
 * @param chi2PValue         chi-square test of homogeneity (categorical)
 * @param jsDistance         Jensen–Shannon distance, base 2 (categorical)
 * @param missingRateChange  current missing rate minus the reference's
 * @param outOfRangeRate     share of current values outside the reference's [min, max] (numeric)
 * @param unseenRate         share of current values in no category the reference saw (categorical)
 * @param bins               the bins' labels, and the reference's and current shares in each, for charts
 */
public record FeatureDrift(String name, String kind, long currentRows, double psi, double ksStatistic, double ksPValue, boolean ksExact,
                           double chi2Statistic, double chi2PValue, double jsDistance, double missingRateReference, double missingRateCurrent,
                           double missingRateChange, double outOfRangeRate, double unseenRate, Severity severity, String reason,
                           List<String> bins, double[] referenceShares, double[] currentShares) {
}
