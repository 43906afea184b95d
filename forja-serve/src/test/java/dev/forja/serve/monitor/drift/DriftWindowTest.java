package dev.forja.serve.monitor.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Feature windows against their references: the measures, the edge cases, and the severity they lead to. */
class DriftWindowTest {
    private static double[] normal(SplittableRandom r, int n, double mean) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = mean + r.nextGaussian();
        }
        return v;
    }

    /** A reference as a model's reference.json has it: the summary only, no raw values. */
    private static NumericReference summaryOf(double[] values) {
        NumericReference full = NumericReference.fromValues("x", values);
        return new NumericReference("x", full.edges(), full.shares(), full.missingRate(), full.present(), full.min(), full.max(), full.quantiles(),
                null);
    }

    @Test
    void ksAgainstTheReferencePercentilesIsCloseToTheExactTwoSampleStatistic() {
        SplittableRandom r = new SplittableRandom(3);
        double[] ref = normal(r, 50_000, 0);
        double[] cur = normal(r, 20_000, 0.3);
        NumericWindow exact = NumericReference.fromValues("x", ref).newWindow();
        NumericWindow summary = summaryOf(ref).newWindow();
        for (double v : cur) {
            exact.add(v);
            summary.add(v);
        }
        FeatureDrift e = exact.drift(DriftThresholds.DEFAULT);
        FeatureDrift s = summary.drift(DriftThresholds.DEFAULT);
        assertThat(e.ksExact()).isTrue();
        assertThat(s.ksExact()).isFalse();
        assertThat(s.ksStatistic()).isCloseTo(e.ksStatistic(), within(0.01));
        assertThat(s.psi()).isEqualTo(e.psi());
    }

    @Test
    void theSameDistributionGivesNoDriftAndAHighPValue() {
        SplittableRandom r = new SplittableRandom(5);
        NumericWindow w = summaryOf(normal(r, 20_000, 0)).newWindow();
        Arrays.stream(normal(r, 5_000, 0)).forEach(w::add);
        FeatureDrift d = w.drift(DriftThresholds.DEFAULT);
        assertThat(d.severity()).isEqualTo(Severity.NONE);
        assertThat(d.psi()).isLessThan(0.02);
        assertThat(d.ksPValue()).isGreaterThan(0.01);
    }

    @Test
    void anAllMissingWindowReportsTheMissingRateAndNothingElse() {
        NumericWindow w = NumericReference.fromValues("x", new double[] {1, 2, 3, 4, Double.NaN}).newWindow();
        for (int i = 0; i < 10; i++) {
            w.add(Double.NaN);
        }
        FeatureDrift d = w.drift(DriftThresholds.DEFAULT);
        assertThat(d.missingRateCurrent()).isEqualTo(1.0);
        assertThat(d.missingRateChange()).isCloseTo(0.8, within(1e-12));
        assertThat(d.psi()).isNaN();
        assertThat(d.ksStatistic()).isNaN();
        assertThat(d.outOfRangeRate()).isNaN();
        assertThat(d.severity()).isEqualTo(Severity.ALERT);
        assertThat(d.reason()).contains("missing rate change 0.800");
    }

    @Test
    void aSingleValuedReferenceFlagsEveryOtherValueAsOutOfRange() {
        double[] ref = new double[100];
        Arrays.fill(ref, 7);
        NumericWindow w = NumericReference.fromValues("x", ref).newWindow();
        for (int i = 0; i < 100; i++) {
            w.add(i < 90 ? 7 : 8);
        }
        FeatureDrift d = w.drift(DriftThresholds.DEFAULT);
        assertThat(d.outOfRangeRate()).isCloseTo(0.1, within(1e-12));
        assertThat(d.ksStatistic()).isCloseTo(0.1, within(1e-12));
        assertThat(d.severity()).isEqualTo(Severity.ALERT);
    }

    @Test
    void anEmptyWindowMeasuresNothingAndRaisesNothing() {
        FeatureDrift d = NumericReference.fromValues("x", new double[] {1, 2, 3}).newWindow().drift(DriftThresholds.DEFAULT);
        assertThat(d.currentRows()).isZero();
        assertThat(d.psi()).isNaN();
        assertThat(d.missingRateCurrent()).isNaN();
        assertThat(d.severity()).isEqualTo(Severity.NONE);
    }

    @Test
    void categoriesTrainingNeverSawAreCountedAsUnseenEvenWhenPooledAsOther() {
        Map<String, Double> shares = new java.util.LinkedHashMap<>();
        shares.put("a", 0.6);
        shares.put("b", 0.3);
        shares.put(CategoricalReference.OTHER, 0.1);
        CategoricalReference ref = CategoricalReference.fromShares("c", shares, 0, 1000, Set.of("a", "b", "rare1", "rare2"));
        CategoricalWindow w = ref.newWindow();
        for (String v : List.of("a", "a", "b", "rare1", "new", "new", "a", "b", "a", "b")) {
            w.add(v);
        }
        FeatureDrift d = w.drift(DriftThresholds.DEFAULT);
        assertThat(d.unseenRate()).isCloseTo(0.2, within(1e-12));
        assertThat(d.bins()).containsExactly("a", "b", CategoricalReference.OTHER, CategoricalWindow.UNSEEN);
        assertThat(d.currentShares()).containsExactly(0.4, 0.3, 0.1, 0.2);
        assertThat(d.severity()).isEqualTo(Severity.ALERT);
        assertThat(d.reason()).contains("unseen categories 0.200");
    }

    @Test
    void numbersSentForACategoricalInputReadAsTheirText() {
        CategoricalWindow w = CategoricalReference.fromValues("c", new String[] {"1", "2", "2"}).newWindow();
        w.add(2.0);
        w.add(1.0);
        assertThat(w.drift(DriftThresholds.DEFAULT).unseenRate()).isZero();
    }

    @Test
    void thresholdsFromYamlReplaceOnlyTheMeasuresGiven() throws Exception {
        var n = new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"psi\": [0.2, 0.5]}");
        DriftThresholds t = DriftThresholds.from(n, "monitor.yaml");
        assertThat(t.psiWarn()).isEqualTo(0.2);
        assertThat(t.psiAlert()).isEqualTo(0.5);
        assertThat(t.jsAlert()).isEqualTo(DriftThresholds.DEFAULT.jsAlert());
        var bad = new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"psi\": [0.5, 0.2]}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DriftThresholds.from(bad, "monitor.yaml"))
                .hasMessageContaining("monitor.yaml: threshold 'psi' must be [warn, alert]");
    }

    @Test
    void theVerdictIsDriftWhenOneFeatureAlertsAndFeaturesAreSortedBySeverity() {
        SplittableRandom r = new SplittableRandom(9);
        DriftReference ref = new DriftReference(1000, List.of(NumericReference.fromValues("stable", normal(r, 1000, 0)),
                NumericReference.fromValues("moved", normal(r, 1000, 0))), null, List.of());
        DriftWindow w = ref.newWindow();
        double[] stable = normal(r, 500, 0);
        double[] moved = normal(r, 500, 3);
        for (int i = 0; i < 500; i++) {
            w.input(0).add(stable[i]);
            w.input(1).add(moved[i]);
        }
        DriftReport report = w.report(DriftThresholds.DEFAULT);
        assertThat(report.verdict()).isEqualTo("drift");
        assertThat(report.features()).extracting(FeatureDrift::name).containsExactly("moved", "stable");
        assertThat(report.alerts()).isEqualTo(1);
    }
}
