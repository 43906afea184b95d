package dev.forja.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HistogramTest {
    private static Histogram of(boolean integral, double... sorted) {
        return Histogram.ofSorted(sorted, sorted.length, integral);
    }

    @Test
    void wholeNumbersOverASmallRangeGetOneBinEach() {
        Histogram h = of(true, 0, 1, 1, 2, 2, 2);
        assertThat(h.edges()).containsExactly(-0.5, 0.5, 1.5, 2.5);
        assertThat(h.counts()).containsExactly(1, 2, 3);
    }

    @Test
    void otherDataGetsRiceRuleEqualWidthBins() {
        // 8 values: ceil(2 * 8^(1/3)) = 4 bins over [0, 8], width 2; the last bin includes its right edge.
        Histogram h = of(false, 0, 0.5, 2, 3.9, 4, 6, 7.5, 8);
        assertThat(h.edges()).containsExactly(0, 2, 4, 6, 8);
        assertThat(h.counts()).containsExactly(2, 2, 1, 3);
    }

    @Test
    void binCountIsCappedAtForty() {
        double[] v = new double[100_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = i * 0.5;
        }
        Histogram h = of(false, v);
        assertThat(h.bins()).isEqualTo(Histogram.MAX_BINS);
        assertThat(java.util.Arrays.stream(h.counts()).sum()).isEqualTo(v.length);
    }

    @Test
    void wholeNumbersOverAWideRangeGetBinsOfWholeValues() {
        // 0..999, 1000 values: Rice says 20 bins, so each bin is 50 values wide: [-0.5, 49.5), [49.5, 99.5)...
        Histogram h = of(true, Columns.range(0, 1000));
        assertThat(h.bins()).isEqualTo(20);
        assertThat(h.edge(0)).isEqualTo(-0.5);
        assertThat(h.edge(1)).isEqualTo(49.5);
        assertThat(h.edge(20)).isEqualTo(999.5);
        assertThat(h.counts()).containsOnly(50);
    }

    @Test
    void wholeNumberBinsRoundTheirWidthUp() {
        // Ages 17..90: 74 values, 40 bins wanted (n = 10,000), so bins 2 values wide, 37 of them.
        double[] v = new double[10_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = 17 + i % 74;
        }
        java.util.Arrays.sort(v);
        Histogram h = of(true, v);
        assertThat(h.bins()).isEqualTo(37);
        assertThat(h.edge(0)).isEqualTo(16.5);
        assertThat(h.edge(37)).isEqualTo(90.5);
    }

    @Test
    void oneDistinctValueGetsOneBinAroundIt() {
        Histogram h = of(false, 5, 5, 5);
        assertThat(h.edges()).containsExactly(4.5, 5.5);
        assertThat(h.counts()).containsExactly(3);
    }

    @Test
    void infinitiesAreLeftOut() {
        Histogram h = of(true, Double.NEGATIVE_INFINITY, 1, 2, Double.POSITIVE_INFINITY);
        assertThat(h.counts()).containsExactly(1, 1);
    }

    @Test
    void nothingFiniteGivesNoHistogram() {
        assertThat(of(false, Double.POSITIVE_INFINITY)).isNull();
        assertThat(of(false)).isNull();
    }
}
