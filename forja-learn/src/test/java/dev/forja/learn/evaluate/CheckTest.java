package dev.forja.learn.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forja.core.ForjaException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckTest {
    private static final Evaluation E = new Evaluation(10, 0, Map.of("auc", 0.82, "log_loss", 0.4), Map.of(), List.of("0", "1"),
            new double[2][2], Map.of(), new Calibration(0.03, 0.1, List.of()), null, List.of(),
            Map.of("sex", List.of(new Evaluation.Slice("female", 4, Map.of("auc", 0.9)), new Evaluation.Slice("male", 6, Map.of("auc", 0.7)))),
            Map.of(), new Behaviour.Result(0.04, 0.01, Map.of("sex", 0.0), Map.of("+age", 0.1), List.of(), List.of()), null);

    @Test
    void aMetricThresholdPassesOrFailsWithTheMeasuredValue() {
        assertThat(Check.parse("auc >= 0.80").evaluate(E)).extracting(Check.Result::passed, Check.Result::value).containsExactly(true, 0.82);
        assertThat(Check.parse("log_loss < 0.3").evaluate(E).passed()).isFalse();
        assertThat(Check.parse("ece <= 0.05").evaluate(E).value()).isEqualTo(0.03);
    }

    @Test
    void sliceMinTakesTheWorstSlice() {
        Check.Result r = Check.parse("slice_min(auc, by: sex) >= 0.75").evaluate(E);
        assertThat(r.passed()).isFalse();
        assertThat(r.value()).isEqualTo(0.7);
        assertThat(Check.parse("slice_max(auc, by: sex) >= 0.85").evaluate(E).passed()).isTrue();
    }

    @Test
    void aMissingMetricOrSliceFailsSayingWhy() {
        assertThat(Check.parse("rmse <= 1").evaluate(E).note()).contains("no metric 'rmse'");
        assertThat(Check.parse("slice_min(auc, by: age) >= 0.5").evaluate(E).note()).contains("--slices age");
    }

    @Test
    void behaviouralChecksReadTheirMeasurements() {
        assertThat(Check.parse("invariance(sex) <= 0.01").evaluate(E).passed()).isTrue();
        assertThat(Check.parse("direction(+age) <= 0.02").evaluate(E)).extracting(Check.Result::passed, Check.Result::value)
                .containsExactly(false, 0.1);
        assertThat(Check.parse("perturbation_flip_rate <= 0.05").evaluate(E).value()).isEqualTo(0.04);
        assertThat(Check.parse("invariance(race) <= 0.01").evaluate(E).note()).contains("--invariant race");
    }

    @Test
    void aCheckThisForjaCannotEvaluateIsRefusedWithTheGrammar() {
        assertThatThrownBy(() -> Check.parse("latency_p99_ms <= 2 and more")).isInstanceOf(ForjaException.class)
                .hasMessageContaining("not a check");
    }
}
