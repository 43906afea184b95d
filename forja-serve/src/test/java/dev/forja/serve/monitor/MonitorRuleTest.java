package dev.forja.serve.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forja.core.ForjaException;
import dev.forja.serve.monitor.drift.DriftReference;
import dev.forja.serve.monitor.drift.DriftReport;
import dev.forja.serve.monitor.drift.DriftThresholds;
import dev.forja.serve.monitor.drift.DriftWindow;
import dev.forja.serve.monitor.drift.NumericReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules and policies as a user writes them, and what they read from a window. */
class MonitorRuleTest {
    private static WindowResult window(double shift, Map<String, Double> metrics) {
        double[] ref = new double[1000];
        for (int i = 0; i < ref.length; i++) {
            ref[i] = i / 1000.0;
        }
        DriftReference reference = new DriftReference(1000, List.of(NumericReference.fromValues("age", ref), NumericReference.fromValues("income", ref)),
                null, List.of());
        DriftWindow w = reference.newWindow();
        for (int i = 0; i < 500; i++) {
            w.input(0).add(i / 500.0 + shift);
            w.input(1).add(i / 500.0);
        }
        DriftReport report = w.report(DriftThresholds.DEFAULT);
        return new WindowResult(0, 1, 5, 500, 100, 0, report, metrics);
    }

    @Test
    void aDriftRuleOnAnyFeatureReadsTheLargestValue() {
        WindowResult w = window(0.5, Map.of());
        MonitorRule any = MonitorRule.parse("psi(any) > 0.25 for 2 windows");
        assertThat(any.windows()).isEqualTo(2);
        assertThat(any.value(w)).isEqualTo(w.drift().feature("age").psi());
        assertThat(any.breaches(any.value(w))).isTrue();
        assertThat(MonitorRule.parse("out_of_range_rate(age) >= 0.4").value(w)).isEqualTo(0.5);
        assertThat(MonitorRule.parse("psi(income) > 0.1").breaches(MonitorRule.parse("psi(income) > 0.1").value(w))).isFalse();
    }

    @Test
    void aMetricRuleReadsTheWindowsLabelledMetricsAndNeverFiresWithoutLabels() {
        MonitorRule auc = MonitorRule.parse("auc < 0.75");
        assertThat(auc.breaches(auc.value(window(0, Map.of("auc", 0.7))))).isTrue();
        assertThat(auc.value(window(0, Map.of()))).isNaN();
        assertThat(auc.breaches(auc.value(window(0, Map.of())))).isFalse();
        assertThat(MonitorRule.parse("rows < 1000").value(window(0, Map.of()))).isEqualTo(500);
    }

    @Test
    void malformedRulesAreRefusedWithTheFormToWrite() {
        assertThatThrownBy(() -> MonitorRule.parse("psi > 0.2")).isInstanceOf(ForjaException.class).hasMessageContaining("needs a feature");
        assertThatThrownBy(() -> MonitorRule.parse("auc(age) < 0.7")).hasMessageContaining("takes no feature");
        assertThatThrownBy(() -> MonitorRule.parse("psi(age) is big")).hasMessageContaining("cannot read the rule");
    }

    @Test
    void aRuleNamingAColumnTheModelLacksIsCaughtBeforeAnyWindow() {
        DriftReference reference = new DriftReference(3, List.of(NumericReference.fromValues("age", new double[] {1, 2, 3})), null, List.of());
        assertThatThrownBy(() -> MonitorRule.parse("psi(agee) > 0.2").checkAgainst(reference)).hasMessageContaining("'agee'")
                .isInstanceOfSatisfying(ForjaException.class, e -> assertThat(e.hint()).contains("age, any or prediction"));
    }

    @Test
    void aPolicyFileReadsWindowThresholdsRulesAndActions(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("monitor.yaml"), String.join("\n",
                "window: 15m",
                "thresholds: {psi: [0.2, 0.4]}",
                "rules:",
                "  - psi(any) > 0.25 for 2 windows",
                "  - auc < 0.75",
                "actions:",
                "  webhook: http://127.0.0.1:9/alerts",
                "  retrain: forja train data.csv --target y --register churn",
                "  gate: {to: production, data: holdout.csv, must_beat: production}", ""));
        MonitorPolicy p = MonitorPolicy.read(f);
        assertThat(p.window()).isEqualTo(java.time.Duration.ofMinutes(15));
        assertThat(p.thresholds().psiAlert()).isEqualTo(0.4);
        assertThat(p.rules()).extracting(MonitorRule::text).containsExactly("psi(any) > 0.25 for 2 windows", "auc < 0.75");
        assertThat(p.retrain()).containsExactly("train", "data.csv", "--target", "y", "--register", "churn");
        assertThat(p.gate()).isEqualTo(new MonitorPolicy.Gate("production", "holdout.csv", null, "production"));
    }

    @Test
    void aBadRuleInAPolicyNamesTheFileAndItsPlace(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("monitor.yaml"), "rules:\n  - auc < 0.75\n  - psi > 1\n");
        assertThatThrownBy(() -> MonitorPolicy.read(f)).hasMessageContaining("monitor.yaml: rules[1]: the rule 'psi > 1' needs a feature");
        Path g = Files.writeString(dir.resolve("gate.yaml"), "actions:\n  gate: {to: production}\n");
        assertThatThrownBy(() -> MonitorPolicy.read(g)).hasMessageContaining("nothing to promote without actions.retrain");
    }
}
