package dev.forja.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PredictivePowerTest {
    private static final int N = 4000;
    private static final byte[] FOLDS = PredictivePower.folds(N);

    private static PredictivePower.Coded numeric(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        while (n > 0 && Double.isNaN(sorted[n - 1])) {
            n--;
        }
        long distinct = Arrays.stream(sorted, 0, n).distinct().count();
        return PredictivePower.numericCodes(values, sorted, n, distinct);
    }

    @Test
    void foldsSplitRowsIntoRoughlyEqualHalvesTheSameWayEveryTime() {
        long ones = 0;
        for (byte f : FOLDS) {
            ones += f;
        }
        assertThat(ones).isBetween(N / 2 - 150L, N / 2 + 150L);
        assertThat(PredictivePower.folds(N)).isEqualTo(FOLDS);
    }

    @Test
    void foldOfTheFirstRowsIsFixed() {
        // Pinned so that the Python reference (scripts/reference/profile_reference.py) keeps agreeing.
        int[] first = new int[12];
        for (int r = 0; r < first.length; r++) {
            first[r] = PredictivePower.fold(r);
        }
        assertThat(first).containsExactly(foldsFromTheFormula(first.length));
    }

    /** The documented formula, written out with unsigned arithmetic. */
    private static int[] foldsFromTheFormula(int n) {
        int[] out = new int[n];
        for (int r = 0; r < n; r++) {
            java.math.BigInteger mask = java.math.BigInteger.ONE.shiftLeft(64).subtract(java.math.BigInteger.ONE);
            java.math.BigInteger z = java.math.BigInteger.valueOf(42)
                    .add(java.math.BigInteger.valueOf(r + 1).multiply(new java.math.BigInteger("9E3779B97F4A7C15", 16))).and(mask);
            z = z.xor(z.shiftRight(30)).multiply(new java.math.BigInteger("BF58476D1CE4E5B9", 16)).and(mask);
            z = z.xor(z.shiftRight(27)).multiply(new java.math.BigInteger("94D049BB133111EB", 16)).and(mask);
            z = z.xor(z.shiftRight(31));
            out[r] = z.shiftRight(63).intValue();
        }
        return out;
    }

    @Test
    void fewDistinctValuesKeepOneCodeEach() {
        PredictivePower.Coded c = numeric(new double[] {5, 1, 3, 1, Double.NaN});
        assertThat(c.codes()).containsExactly(2, 0, 1, 0, 3); // missing gets the code after the last bin
        assertThat(c.levels()).isEqualTo(4);
    }

    @Test
    void manyDistinctValuesAreCutIntoAtMost32QuantileBins() {
        PredictivePower.Coded c = numeric(Columns.range(0, 3200));
        // Edges at ranks k * 3200 / 32 = 100 k: bin b holds 100 b .. 100 b + 99.
        assertThat(c.codes()[0]).isZero();
        assertThat(c.codes()[99]).isZero();
        assertThat(c.codes()[100]).isEqualTo(1);
        assertThat(c.codes()[3199]).isEqualTo(31);
        assertThat(c.levels()).isEqualTo(33);
    }

    @Test
    void aFeatureThatDeterminesTheClassScoresOne() {
        int[] classes = new int[N];
        int[] levels = new int[N];
        for (int i = 0; i < N; i++) {
            levels[i] = i % 5;
            classes[i] = levels[i] % 2;
        }
        double p = PredictivePower.classification(PredictivePower.categoricalCodes(levels, 5), classes, 2, FOLDS);
        assertThat(p).isEqualTo(1);
    }

    @Test
    void anIndependentFeatureScoresNearZero() {
        SplittableRandom random = new SplittableRandom(3);
        int[] classes = new int[N];
        int[] levels = new int[N];
        for (int i = 0; i < N; i++) {
            levels[i] = random.nextInt(4);
            classes[i] = random.nextInt(2);
        }
        double p = PredictivePower.classification(PredictivePower.categoricalCodes(levels, 4), classes, 2, FOLDS);
        assertThat(p).isLessThan(0.05);
    }

    @Test
    void aMinorityClassOverRepresentedInALevelIsPredictedThere() {
        // Class 1 is 10 % of rows, but 40 % of level B (and 0 % of level A). The majority class of every level is 0,
        // so a plain-majority rule would score 0; predicting the most over-represented class finds the signal.
        int[] classes = new int[N];
        int[] levels = new int[N];
        for (int i = 0; i < N; i++) {
            levels[i] = i % 4 == 0 ? 1 : 0;
            classes[i] = levels[i] == 1 && (i / 4) % 5 < 2 ? 1 : 0;
        }
        double p = PredictivePower.classification(PredictivePower.categoricalCodes(levels, 2), classes, 2, FOLDS);
        // Recall of class 1 is 1, of class 0 is 3000/3600 = 5/6 (its 600 rows in B are missed); balanced (1 + 5/6) / 2.
        assertThat(p).isCloseTo(2 * ((1 + 5.0 / 6) / 2) - 1, within(0.02));
    }

    @Test
    void missingValuesAreACodeOfTheirOwn() {
        // The target is 1 exactly where the feature is missing.
        double[] x = new double[N];
        int[] classes = new int[N];
        for (int i = 0; i < N; i++) {
            boolean missing = i % 3 == 0;
            x[i] = missing ? Double.NaN : i % 7;
            classes[i] = missing ? 1 : 0;
        }
        assertThat(PredictivePower.classification(numeric(x), classes, 2, FOLDS)).isEqualTo(1);
    }

    @Test
    void levelsUnseenWhenFittingFallBackToTheMajorityClass() {
        // Every level occurs once, so the scored fold only has unseen levels: all predicted as the majority.
        int[] levels = new int[N];
        int[] classes = new int[N];
        for (int i = 0; i < N; i++) {
            levels[i] = i;
            classes[i] = i % 3 == 0 ? 1 : 0;
        }
        assertThat(PredictivePower.classification(PredictivePower.categoricalCodes(levels, N), classes, 2, FOLDS)).isZero();
    }

    @Test
    void rowsWithoutATargetTakeNoPart() {
        int[] classes = new int[N];
        int[] levels = new int[N];
        for (int i = 0; i < N; i++) {
            levels[i] = i % 2;
            classes[i] = i % 10 == 0 ? -1 : levels[i];
        }
        assertThat(PredictivePower.classification(PredictivePower.categoricalCodes(levels, 2), classes, 2, FOLDS)).isEqualTo(1);
    }

    @Test
    void sparseCountingGivesTheSameScoreAsDense() {
        SplittableRandom random = new SplittableRandom(5);
        int[] levels = new int[N];
        int[] classes = new int[N];
        for (int i = 0; i < N; i++) {
            levels[i] = random.nextInt(50);
            classes[i] = random.nextDouble() < 0.5 ? levels[i] % 3 : random.nextInt(3);
        }
        PredictivePower.Coded coded = PredictivePower.categoricalCodes(levels, 50);
        double dense = PredictivePower.classification(coded, classes, 3, FOLDS, Integer.MAX_VALUE);
        double sparse = PredictivePower.classification(coded, classes, 3, FOLDS, 1);
        assertThat(sparse).isEqualTo(dense).isGreaterThan(0.3);
    }

    @Test
    void aCopyOfARegressionTargetScoresNearlyOne() {
        SplittableRandom random = new SplittableRandom(9);
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            y[i] = random.nextGaussian();
        }
        assertThat(PredictivePower.regression(numeric(y), y, FOLDS)).isGreaterThan(0.97);
    }

    @Test
    void regressionScoreIsRSquaredOfBinMeans() {
        // y = code exactly for a 4-valued feature: bin means are exact, R² = 1.
        double[] x = new double[N];
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = i % 4;
            y[i] = 10 * (i % 4);
        }
        assertThat(PredictivePower.regression(numeric(x), y, FOLDS)).isEqualTo(1);
    }

    @Test
    void noiseDoesNotPredictARegressionTarget() {
        SplittableRandom random = new SplittableRandom(10);
        double[] x = new double[N];
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = random.nextDouble();
            y[i] = random.nextDouble();
        }
        assertThat(PredictivePower.regression(numeric(x), y, FOLDS)).isLessThan(0.02);
    }

    @Test
    void aConstantRegressionTargetHasNoScore() {
        double[] y = new double[N];
        Arrays.fill(y, 3);
        assertThat(PredictivePower.regression(numeric(Columns.range(0, N)), y, FOLDS)).isNaN();
    }
}
