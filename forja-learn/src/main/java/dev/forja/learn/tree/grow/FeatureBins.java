package dev.forja.learn.tree.grow;

import java.util.Arrays;

/**
 * Each feature's values replaced by ordered bin codes, so a node's best split is found from per-bin
 * sums instead of a sort. With at most {@code maxBins} distinct values (or {@code maxBins = 0}) every
 * distinct value is its own bin and the split search is exact — the same candidate thresholds as
 * scikit-learn's: midpoints between consecutive distinct values seen in the node. With more, bins are
 * quantiles (each distinct value in one bin, bins of about equal row counts) and a threshold falls
 * between the largest value of one bin and the smallest of the next, as in LightGBM or XGBoost's hist.
 * Missing values (NaN) get code -1.
 */
public final class FeatureBins {
    final int[][] codes;
    final double[][] low;
    final double[][] high;
    final int[] bins;
    final int maxBinCount;

    private FeatureBins(int[][] codes, double[][] low, double[][] high) {
        this.codes = codes;
        this.low = low;
        this.high = high;
        this.bins = new int[codes.length];
        int max = 1;
        for (int f = 0; f < codes.length; f++) {
            bins[f] = low[f].length;
            max = Math.max(max, bins[f]);
        }
        this.maxBinCount = max;
    }

    /** @param maxBins most bins per feature; 0 = one per distinct value (exact splits) */
    public static FeatureBins of(TreeData data, int maxBins) {
        int f = data.features;
        int[][] codes = new int[f][];
        double[][] low = new double[f][];
        double[][] high = new double[f][];
        for (int j = 0; j < f; j++) {
            binFeature(data.columns[j], maxBins, j, codes, low, high);
        }
        return new FeatureBins(codes, low, high);
    }

    private static void binFeature(double[] column, int maxBins, int j, int[][] codes, double[][] low, double[][] high) {
        int n = column.length;
        double[] sorted = new double[n];
        int m = 0;
        for (double v : column) {
            if (!Double.isNaN(v)) {
                sorted[m++] = v == 0.0 ? 0.0 : v; // -0.0 and 0.0 are one value
            }
        }
        Arrays.sort(sorted, 0, m);
        // Distinct values and their counts.
        double[] distinct = new double[m];
        int[] count = new int[m];
        int d = 0;
        for (int i = 0; i < m; i++) {
            if (d > 0 && sorted[i] == distinct[d - 1]) {
                count[d - 1]++;
            } else {
                distinct[d] = sorted[i];
                count[d++] = 1;
            }
        }
        // binOf[i]: bin of distinct value i.
        int[] binOf = new int[d];
        int bins;
        if (maxBins == 0 || d <= maxBins) {
            for (int i = 0; i < d; i++) {
                binOf[i] = i;
            }
            bins = d;
        } else {
            // Close a bin once its rows reach the next 1/maxBins quantile of the non-missing rows.
            bins = 0;
            long cumulative = 0;
            for (int i = 0; i < d; i++) {
                binOf[i] = bins;
                cumulative += count[i];
                boolean last = i == d - 1;
                if (!last && cumulative * maxBins >= (long) (bins + 1) * m && bins < maxBins - 1) {
                    bins++;
                }
            }
            bins++;
        }
        double[] lo = new double[bins];
        double[] hi = new double[bins];
        for (int i = d - 1; i >= 0; i--) {
            lo[binOf[i]] = distinct[i];
        }
        for (int i = 0; i < d; i++) {
            hi[binOf[i]] = distinct[i];
        }
        int[] code = new int[n];
        for (int r = 0; r < n; r++) {
            double v = column[r];
            if (Double.isNaN(v)) {
                code[r] = -1;
            } else {
                int i = Arrays.binarySearch(distinct, 0, d, v == 0.0 ? 0.0 : v);
                code[r] = binOf[i];
            }
        }
        codes[j] = code;
        low[j] = lo;
        high[j] = hi;
    }

    /**
     * The threshold separating bin {@code a} from a higher bin {@code b} of feature {@code f}: above
     * every value of {@code a}, at most the smallest of {@code b} (rows go left when
     * {@code x < threshold}). The midpoint, unless rounding puts it on the lower value.
     */
    double threshold(int f, int a, int b) {
        double x = high[f][a];
        double y = low[f][b];
        double mid = x / 2.0 + y / 2.0;
        return mid > x && mid <= y ? mid : y;
    }
}
