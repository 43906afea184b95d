package dev.forja.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AssociationMeasuresTest {
    private static final double NA = Double.NaN;

    @Test
    void pearsonByHand() {
        // dx = -1.5 -0.5 0.5 1.5, dy = -3 -1 0 4: sxy = 11, sxx = 5, syy = 26.
        AssociationMeasures.Measured r = AssociationMeasures.pearson(new double[] {1, 2, 3, 4}, new double[] {2, 4, 5, 9});
        assertThat(r.value()).isCloseTo(11 / Math.sqrt(130), within(1e-15));
        assertThat(r.rows()).isEqualTo(4);
    }

    @Test
    void pearsonOfALineIsOneAndOfAFallingLineMinusOne() {
        double[] x = {1, 2, 3};
        assertThat(AssociationMeasures.pearson(x, new double[] {3, 5, 7}).value()).isEqualTo(1);
        assertThat(AssociationMeasures.pearson(x, new double[] {7, 5, 3}).value()).isEqualTo(-1);
    }

    @Test
    void pearsonSkipsRowsWhereEitherSideIsMissing() {
        AssociationMeasures.Measured r = AssociationMeasures.pearson(new double[] {1, 2, NA, 3, 100},
                new double[] {3, 5, 1, 7, NA});
        assertThat(r.value()).isEqualTo(1);
        assertThat(r.rows()).isEqualTo(3);
    }

    @Test
    void pearsonOfAConstantIsUndefined() {
        assertThat(AssociationMeasures.pearson(new double[] {1, 2, 3}, new double[] {4, 4, 4}).value()).isNaN();
    }

    @Test
    void correlationRatioByHand() {
        // Group means 2 and 8 around 5: between = 3*9 + 3*9 = 54; total = 16+9+4+4+9+16 = 58.
        AssociationMeasures.Measured eta = AssociationMeasures.correlationRatio(new double[] {1, 2, 3, 7, 8, 9},
                new int[] {0, 0, 0, 1, 1, 1}, 2);
        assertThat(eta.value()).isCloseTo(Math.sqrt(54.0 / 58), within(1e-15));
    }

    @Test
    void correlationRatioIsZeroForEqualGroupMeansAndOneForConstantGroups() {
        assertThat(AssociationMeasures.correlationRatio(new double[] {1, 3, 1, 3}, new int[] {0, 0, 1, 1}, 2).value()).isZero();
        assertThat(AssociationMeasures.correlationRatio(new double[] {1, 1, 5, 5}, new int[] {0, 0, 1, 1}, 2).value()).isEqualTo(1);
    }

    @Test
    void correlationRatioSkipsMissingValuesAndMissingGroups() {
        AssociationMeasures.Measured eta = AssociationMeasures.correlationRatio(new double[] {1, 1, 5, 5, NA, 100},
                new int[] {0, 0, 1, 1, 0, -1}, 2);
        assertThat(eta.value()).isEqualTo(1);
        assertThat(eta.rows()).isEqualTo(4);
    }

    @Test
    void cramersVByHand() {
        // Table [[3, 1], [1, 3]]: expected 2 everywhere, chi² = 4 * 1/2 = 2, V = sqrt(2 / (8 * 1)) = 0.5.
        int[] a = {0, 0, 0, 0, 1, 1, 1, 1};
        int[] b = {0, 0, 0, 1, 0, 1, 1, 1};
        assertThat(AssociationMeasures.cramersV(a, 2, b, 2).value()).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void cramersVIsOneForAFunctionAndZeroForIndependence() {
        assertThat(AssociationMeasures.cramersV(new int[] {0, 1, 2, 0}, 3, new int[] {1, 0, 2, 1}, 3).value()).isCloseTo(1, within(1e-15));
        assertThat(AssociationMeasures.cramersV(new int[] {0, 0, 1, 1}, 2, new int[] {0, 1, 0, 1}, 2).value()).isZero();
    }

    @Test
    void cramersVCountsOnlyLevelsThatOccur() {
        // Level 2 of a is declared but never used: k is still 2, not 3.
        int[] a = {0, 0, 0, 0, 1, 1, 1, 1};
        int[] b = {0, 0, 0, 1, 0, 1, 1, 1};
        assertThat(AssociationMeasures.cramersV(a, 3, b, 2).value()).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void cramersVWithOneLevelIsUndefined() {
        assertThat(AssociationMeasures.cramersV(new int[] {0, 0, 0}, 1, new int[] {0, 1, 0}, 2).value()).isNaN();
    }

    @Test
    void cramersVOfASparseTableEqualsTheDenseOne() {
        SplittableRandom random = new SplittableRandom(11);
        int n = 5000;
        int[] a = new int[n];
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = random.nextInt(300);
            b[i] = random.nextDouble() < 0.3 ? a[i] % 7 : random.nextInt(7);
        }
        double dense = AssociationMeasures.cramersV(PairCounts.of(a, 300, b, 7, null, 0, Integer.MAX_VALUE)).value();
        double sparse = AssociationMeasures.cramersV(PairCounts.of(a, 300, b, 7, null, 0, 1)).value();
        assertThat(sparse).isCloseTo(dense, within(1e-12));
    }
}
