package dev.forja.learn.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CalibrationTest {
    @Test
    void eceIsTheRowWeightedGapBetweenMeanProbabilityAndFrequencyPerBin() {
        // Bin (0.1, 0.2]: p = 0.11, 0.15, outcomes 0, 1 -> mean 0.13, observed 0.5, gap 0.37, weight 2/5.
        // Bin (0.8, 0.9]: p = 0.85, 0.85, 0.9, outcomes 1, 1, 1 -> mean 0.8666…, observed 1, gap 0.1333…, weight 3/5.
        Calibration c = Calibration.of(new double[] {0.11, 0.15, 0.85, 0.85, 0.9}, new double[] {0, 1, 1, 1, 1}, 0.1);
        assertThat(c.ece()).isCloseTo(2.0 / 5 * 0.37 + 3.0 / 5 * (1 - 2.6 / 3), within(1e-12));
        assertThat(c.bins()).hasSize(10);
        assertThat(c.bins().get(1).count()).isEqualTo(2);
        assertThat(c.bins().get(1).meanPredicted()).isCloseTo(0.13, within(1e-12));
        assertThat(c.bins().get(8).observed()).isEqualTo(1.0);
        assertThat(c.bins().get(0).count()).isZero();
    }

    @Test
    void aProbabilityOnAnEdgeBelongsToTheLowerBinAsInScikitLearn() {
        Calibration c = Calibration.of(new double[] {0.1, 0.0, 0.2}, new double[] {1, 0, 1}, 0);
        assertThat(c.bins().get(0).count()).isEqualTo(2);
        assertThat(c.bins().get(1).count()).isEqualTo(1);
    }

    @Test
    void aProbabilityOfOneFallsInTheLastBin() {
        Calibration c = Calibration.of(new double[] {1.0, 0.95}, new double[] {1, 1}, 0);
        assertThat(c.bins().get(9).count()).isEqualTo(2);
        assertThat(c.ece()).isCloseTo(0.025, within(1e-12));
    }

    @Test
    void percentilesInterpolateAsNumpyDoes() {
        // numpy.percentile([1, 2, 3, 4, 5], [2.5, 97.5]) == [1.1, 4.9]
        assertThat(Evaluator.percentiles(new double[] {5, 3, 1, 4, 2, Double.NaN})).containsExactly(1.1, 4.9);
    }
}
