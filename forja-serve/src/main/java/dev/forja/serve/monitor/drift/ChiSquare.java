package dev.forja.serve.monitor.drift;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Pearson's chi-square test of homogeneity on the 2 × K table of reference and current counts per
 * category (scipy's {@code chi2_contingency(…, correction=False)}): do both come from the same
 * category distribution? Categories empty on both sides are left out; the p-value comes from Commons
 * Statistics' chi-squared distribution.
 *
 * @param statistic   the chi-square statistic
 * @param pValue      its upper-tail probability under the null hypothesis
 * @param freedom     degrees of freedom (categories present − 1)
 */
public record ChiSquare(double statistic, double pValue, int freedom) {
    /** NaN values when either side has no rows or fewer than two categories occur. */
    public static ChiSquare test(double[] reference, double[] current) {
        double nr = 0;
        double nc = 0;
        int present = 0;
        for (int i = 0; i < reference.length; i++) {
            nr += reference[i];
            nc += current[i];
            present += reference[i] + current[i] > 0 ? 1 : 0;
        }
        if (nr == 0 || nc == 0 || present < 2) {
            return new ChiSquare(Double.NaN, Double.NaN, Math.max(0, present - 1));
        }
        double total = nr + nc;
        double chi2 = 0;
        for (int i = 0; i < reference.length; i++) {
            double column = reference[i] + current[i];
            if (column == 0) {
                continue;
            }
            double er = nr * column / total;
            double ec = nc * column / total;
            chi2 += (reference[i] - er) * (reference[i] - er) / er + (current[i] - ec) * (current[i] - ec) / ec;
        }
        int freedom = present - 1;
        return new ChiSquare(chi2, ChiSquaredDistribution.of(freedom).survivalProbability(chi2), freedom);
    }
}
