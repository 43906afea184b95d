package dev.forja.learn.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.forja.core.task.Task;
import dev.forja.core.task.TaskKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class FairnessAndConfidenceTest {
    private static final Task BINARY = new Task(TaskKind.BINARY, "y", List.of("0", "1"), "1", "auc", null);

    /** Rows: group a (4 rows) and b (4 rows); positive probability, truth. */
    private static final double[] Y = {1, 1, 0, 0, 1, 1, 0, 0};
    private static final double[] P1 = {0.9, 0.8, 0.7, 0.2, 0.9, 0.3, 0.1, 0.2};
    private static final String[] GROUP = {"a", "a", "a", "a", "b", "b", "b", "b"};

    private static Evaluation evaluate() {
        double[] p = new double[Y.length * 2];
        for (int r = 0; r < Y.length; r++) {
            p[r * 2] = 1 - P1[r];
            p[r * 2 + 1] = P1[r];
        }
        return Evaluator.measure(BINARY, Y, p, 0, new Evaluator.Options(0, 1, List.of("group"), null), column -> GROUP);
    }

    @Test
    void fairnessGapsAreTheSpreadOfPositiveRatesAndTruePositiveRatesAcrossGroups() {
        // a: predicted positive 3 of 4 (0.75), TPR 2/2 = 1; b: predicted positive 1 of 4 (0.25), TPR 1/2 = 0.5.
        var f = evaluate().fairness().get("group");
        assertThat(f.get("demographic_parity_difference")).isCloseTo(0.5, within(1e-12));
        assertThat(f.get("equal_opportunity_difference")).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void coverageShrinksAndAccuracyRisesAsTheModelAbstainsBelowAConfidence() {
        // Confidence of the predicted class: 0.9 0.8 0.7 0.8 0.9 0.7 0.9 0.8; correct: y y n y y n y y.
        List<double[]> curve = evaluate().confidence();
        double[] at0 = curve.get(0);
        assertThat(at0[1]).isEqualTo(1.0);
        assertThat(at0[2]).isCloseTo(6.0 / 8, within(1e-12));
        double[] at075 = curve.stream().filter(c -> c[0] == 0.75).findFirst().orElseThrow();
        assertThat(at075[1]).isCloseTo(6.0 / 8, within(1e-12));
        assertThat(at075[2]).isEqualTo(1.0);
        double[] at1 = curve.get(curve.size() - 1);
        assertThat(at1[1]).isZero();
        assertThat(at1[2]).isNaN();
    }
}
