package dev.forja.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SummaryTest {
    private static Summary of(double... sortedValues) {
        return Summary.ofSorted(sortedValues, sortedValues.length);
    }

    @Test
    void meanAndSampleStandardDeviation() {
        // Sum 40 over 8 values; squared deviations sum to 32; sample variance 32 / 7.
        Summary s = of(2, 4, 4, 4, 5, 5, 7, 9);
        assertThat(s.mean()).isEqualTo(5);
        assertThat(s.std()).isCloseTo(Math.sqrt(32.0 / 7), within(1e-15));
        assertThat(s.min()).isEqualTo(2);
        assertThat(s.max()).isEqualTo(9);
        assertThat(s.count()).isEqualTo(8);
    }

    @Test
    void skewnessIsPandasAdjustedFisherPearson() {
        // x = 1, 2, 3, 10: mean 4; deviations -3 -2 -1 6; m2 = 50, m3 = 180;
        // G1 = n sqrt(n-1) / (n-2) * m3 / m2^1.5 = 4 * sqrt(3) / 2 * 180 / 50^1.5.
        Summary s = of(1, 2, 3, 10);
        assertThat(s.skewness()).isCloseTo(4 * Math.sqrt(3) / 2 * 180 / Math.pow(50, 1.5), within(1e-12));
    }

    @Test
    void equalValuesHaveZeroSpreadAndZeroSkewness() {
        Summary s = of(3, 3, 3);
        assertThat(s.std()).isZero();
        assertThat(s.skewness()).isZero();
    }

    @Test
    void oneValueHasNoStandardDeviationAndTwoNoSkewness() {
        assertThat(of(3).std()).isNaN();
        assertThat(of(3, 4).skewness()).isNaN();
    }

    @Test
    void noValuesHaveNoStatistics() {
        Summary s = of();
        assertThat(s.count()).isZero();
        assertThat(s.mean()).isNaN();
        assertThat(s.min()).isNaN();
        assertThat(s.histogram()).isNull();
    }

    @Test
    void wholeNumbersAreMarkedIntegral() {
        assertThat(of(1, 2, 3).integral()).isTrue();
        assertThat(of(1, 2.5, 3).integral()).isFalse();
    }

    @Test
    void meanOfAMillionTenthsStaysExact() {
        // 0.1 is not exact in binary; a naive running sum drifts by ~1e-10 relative here, the compensated sum does not.
        double[] v = new double[1_000_000];
        java.util.Arrays.fill(v, 0.1);
        assertThat(of(v).mean()).isEqualTo(0.1);
    }
}
