package dev.forja.core.profile;

import java.util.Arrays;

/**
 * Predictive power of a single column: how well a model that sees only that column predicts the target
 * on rows it was not fitted on (a "predictive power score"). Unlike a correlation it catches any shape
 * of relation, works alike for numbers and categories, and is honest about columns that merely
 * memorise rows (identifiers, free text), since those score 0 on unseen rows.
 *
 * <p>Procedure, fixed so that results are reproducible (and reproduced by
 * {@code scripts/reference/profile_reference.py}):
 * <ol>
 *   <li>Split the rows into two folds: row {@code r} goes to fold {@code mix64(SEED + (r + 1) * 0x9E3779B97F4A7C15) >>> 63}
 *       ({@code mix64} is SplitMix64's finaliser), so about half the rows fall on each side whatever
 *       the order of the data.</li>
 *   <li>Turn the column into codes. A numeric column with at most {@value #MAX_BINS} distinct values keeps
 *       one code per value; otherwise it is cut into at most {@value #MAX_BINS} quantile bins, with edges at
 *       the sorted values of rank {@code floor(k n / 32)}, {@code k = 1..31} (duplicates merged), a value
 *       going to the bin of the number of edges {@code <=} it. A categorical column's levels are its
 *       codes. A missing value is a code of its own, so missingness that predicts the target counts.</li>
 *   <li>Fit on one fold, score on the other, then the other way round, and average the two scores.
 *       <ul>
 *         <li>Classification: each code predicts the class that is most over-represented in it relative to
 *             the class's share of the fitting fold (the class maximising count in code / count in
 *             fold; ties go to the earlier class). This is the rule that maximises balanced accuracy:
 *             the plain majority class would make every code predict the majority under class
 *             imbalance and hide real signal. Codes not seen when fitting predict the fold's majority
 *             class. Score: balanced accuracy (mean recall over the classes present in the scored fold)
 *             rescaled so that chance, {@code 1/K}, is 0 and perfect is 1, then clipped at 0.</li>
 *         <li>Regression: each code predicts the mean target of its rows; unseen codes the fold's mean.
 *             Score: R² on the scored fold, clipped at 0.</li>
 *       </ul>
 *       A score that is undefined in one direction (a fold with one class, or a constant target) is
 *       left out of the average.</li>
 * </ol>
 * Rows without a target value take no part.
 */
public final class PredictivePower {
    /** Seed of the fold assignment. */
    public static final long SEED = 42;
    /** Most codes a numeric column is cut into. */
    public static final int MAX_BINS = 32;

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private PredictivePower() {
    }

    /** A column as codes {@code 0..levels-1}, every row coded (missing values have a code of their own). */
    record Coded(int[] codes, int levels) {
    }

    /** The fold, 0 or 1, of a row. */
    static int fold(long row) {
        long z = SEED + (row + 1) * GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (int) (z >>> 63);
    }

    /** The folds of rows {@code 0..rows-1}. */
    static byte[] folds(int rows) {
        byte[] f = new byte[rows];
        for (int r = 0; r < rows; r++) {
            f[r] = (byte) fold(r);
        }
        return f;
    }

    /**
     * Codes of a numeric column.
     *
     * @param values   the column in row order ({@code NaN} = missing)
     * @param sorted   its non-missing values ascending, in the first {@code present} slots
     * @param distinct distinct non-missing values
     */
    static Coded numericCodes(double[] values, double[] sorted, int present, long distinct) {
        double[] edges = binEdges(sorted, present, distinct);
        int missingCode = edges.length + 1;
        // At most 31 edges, padded with NaN to 32: "edge <= x" is false for NaN, so a fixed five-step
        // search (binary lifting: 16 + 8 + 4 + 2 + 1 = 31) counts the edges <= x with no bounds checks
        // and no unpredictable branches, in the loop over every row.
        double[] padded = new double[MAX_BINS];
        Arrays.fill(padded, Double.NaN);
        System.arraycopy(edges, 0, padded, 0, edges.length);
        int[] codes = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            double x = values[i];
            if (Double.isNaN(x)) {
                codes[i] = missingCode;
                continue;
            }
            int pos = 0;
            for (int step = MAX_BINS / 2; step > 0; step >>= 1) {
                pos += padded[pos + step - 1] <= x ? step : 0;
            }
            codes[i] = pos;
        }
        return new Coded(codes, edges.length + 2);
    }

    /** Bin edges: every distinct value but the smallest when there are few, else merged quantile edges. */
    static double[] binEdges(double[] sorted, int n, long distinct) {
        if (n == 0) {
            return new double[0];
        }
        double[] edges = new double[MAX_BINS];
        int k = 0;
        if (distinct <= MAX_BINS) {
            for (int i = 1; i < n; i++) {
                if (sorted[i] != sorted[i - 1]) {
                    edges[k++] = sorted[i];
                }
            }
        } else {
            for (int j = 1; j < MAX_BINS; j++) {
                double e = sorted[(int) ((long) j * n / MAX_BINS)];
                if (k == 0 || e != edges[k - 1]) {
                    edges[k++] = e;
                }
            }
        }
        return Arrays.copyOf(edges, k);
    }

    /**
     * Codes of a column already coded with {@code -1} for missing (a categorical column, or the classes of a
     * target): missing becomes code {@code levels}.
     */
    static Coded categoricalCodes(int[] codes, int levels) {
        int[] out = new int[codes.length];
        for (int i = 0; i < codes.length; i++) {
            out[i] = codes[i] < 0 ? levels : codes[i];
        }
        return new Coded(out, levels + 1);
    }

    /** Predictive power for a classification target ({@code classes[r] < 0}: no target). */
    static double classification(Coded feature, int[] classes, int classCount, byte[] folds) {
        return classification(feature, classes, classCount, folds, PairCounts.DENSE_LIMIT);
    }

    static double classification(Coded feature, int[] classes, int classCount, byte[] folds, int denseLimit) {
        double a = classificationFold(feature, classes, classCount, folds, 0, denseLimit);
        double b = classificationFold(feature, classes, classCount, folds, 1, denseLimit);
        return average(a, b);
    }

    private static double classificationFold(Coded feature, int[] classes, int classCount, byte[] folds, int fit,
                                             int denseLimit) {
        PairCounts counts = PairCounts.of(feature.codes(), feature.levels(), classes, classCount, folds, fit, denseLimit);
        if (counts.total() == 0) {
            return Double.NaN;
        }
        int majority = 0;
        for (int c = 1; c < classCount; c++) {
            if (counts.bTotal(c) > counts.bTotal(majority)) {
                majority = c;
            }
        }
        int[] predicted = new int[feature.levels()];
        Arrays.fill(predicted, majority);
        double[] best = new double[feature.levels()];
        Arrays.fill(best, -1);
        counts.forEachCell((code, cls, n) -> {
            double share = (double) n / counts.bTotal(cls);
            if (share > best[code]) {
                best[code] = share;
                predicted[code] = cls;
            }
        }, false);
        long[] right = new long[classCount];
        long[] total = new long[classCount];
        int[] codes = feature.codes();
        for (int i = 0; i < codes.length; i++) {
            int y = classes[i];
            if (y < 0 || folds[i] == fit) {
                continue;
            }
            total[y]++;
            if (predicted[codes[i]] == y) {
                right[y]++;
            }
        }
        double recall = 0;
        int k = 0;
        for (int c = 0; c < classCount; c++) {
            if (total[c] > 0) {
                recall += (double) right[c] / total[c];
                k++;
            }
        }
        if (k < 2) {
            return Double.NaN;
        }
        double balanced = recall / k;
        double chance = 1.0 / k;
        return Math.max(0, (balanced - chance) / (1 - chance));
    }

    /**
     * Predictive power for a regression target ({@code NaN}: no target). Both directions at once: one pass
     * sums the target per code and fold, a second scores each row with the means of the other fold.
     */
    static double regression(Coded feature, double[] y, byte[] folds) {
        int[] codes = feature.codes();
        int levels = feature.levels();
        double[][] sums = new double[2][levels];
        long[][] counts = new long[2][levels];
        double[] total = new double[2];
        long[] n = new long[2];
        for (int i = 0; i < codes.length; i++) {
            double v = y[i];
            if (Double.isNaN(v)) {
                continue;
            }
            int f = folds[i];
            sums[f][codes[i]] += v;
            counts[f][codes[i]]++;
            total[f] += v;
            n[f]++;
        }
        if (n[0] == 0 || n[1] == 0) {
            return Double.NaN;
        }
        double[][] means = new double[2][levels];
        for (int f = 0; f < 2; f++) {
            double fallback = total[f] / n[f]; // codes the fold never saw predict its mean
            for (int c = 0; c < levels; c++) {
                means[f][c] = counts[f][c] > 0 ? sums[f][c] / counts[f][c] : fallback;
            }
        }
        double[] scoredMean = {total[0] / n[0], total[1] / n[1]};
        double[] sse = new double[2];
        double[] sst = new double[2];
        for (int i = 0; i < codes.length; i++) {
            double v = y[i];
            if (Double.isNaN(v)) {
                continue;
            }
            int f = folds[i]; // scored by the model fitted on the other fold
            double e = v - means[1 - f][codes[i]];
            double d = v - scoredMean[f];
            sse[f] += e * e;
            sst[f] += d * d;
        }
        return average(rSquared(sse[1], sst[1]), rSquared(sse[0], sst[0]));
    }

    private static double rSquared(double sse, double sst) {
        if (!(sst > 0) || Double.isInfinite(sst)) {
            return Double.NaN;
        }
        return Math.max(0, 1 - sse / sst);
    }

    private static double average(double a, double b) {
        if (Double.isNaN(a)) {
            return b;
        }
        if (Double.isNaN(b)) {
            return a;
        }
        return (a + b) / 2;
    }
}
