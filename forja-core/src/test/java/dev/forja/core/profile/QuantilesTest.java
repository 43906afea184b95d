package dev.forja.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class QuantilesTest {

    @Test
    void interpolatesLinearlyBetweenTheTwoNearestRanks() {
        // numpy.quantile([1, 2, 3, 4], q): position q * 3 between ranks.
        Quantiles q = Quantiles.ofSorted(new double[] {1, 2, 3, 4}, 4);
        assertThat(q.p05()).isCloseTo(1.15, within(1e-12));
        assertThat(q.p25()).isCloseTo(1.75, within(1e-12));
        assertThat(q.p50()).isEqualTo(2.5);
        assertThat(q.p75()).isCloseTo(3.25, within(1e-12));
        assertThat(q.p95()).isCloseTo(3.85, within(1e-12));
    }

    @Test
    void oneValueIsEveryQuantile() {
        Quantiles q = Quantiles.ofSorted(new double[] {7}, 1);
        assertThat(q.values()).containsExactly(7, 7, 7, 7, 7);
    }

    @Test
    void noValuesHaveNoQuantiles() {
        assertThat(Quantiles.ofSorted(new double[0], 0).values()).containsOnly(Double.NaN);
    }

    @Test
    void onlyTheFirstNValuesCount() {
        // Missing values sort last as NaN and are left out by passing the count of present values.
        Quantiles q = Quantiles.ofSorted(new double[] {10, 20, 30, Double.NaN}, 3);
        assertThat(q.p50()).isEqualTo(20);
    }

    @Test
    void infinitiesAtTheEndsDoNotTurnQuantilesIntoNaN() {
        double inf = Double.POSITIVE_INFINITY;
        Quantiles q = Quantiles.ofSorted(new double[] {1, 2, inf, inf}, 4);
        assertThat(q.p95()).isEqualTo(inf);
        assertThat(q.p25()).isCloseTo(1.75, within(1e-12));
    }
}
