package dev.forja.learn.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forja.core.ForjaException;
import dev.forja.core.ProgressListener;
import dev.forja.core.task.Task;
import dev.forja.core.task.TaskKind;
import dev.forja.learn.features.FeatureMatrix;
import dev.forja.learn.learners.Learner;
import dev.forja.learn.learners.Params;
import dev.forja.learn.learners.Predictor;
import dev.forja.learn.learners.TrainingSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaselinesTest {
    static final Task BINARY = new Task(TaskKind.BINARY, "churn", List.of("no", "yes"), "yes", "auc", null);
    static final Task REGRESSION = new Task(TaskKind.REGRESSION, "y", List.of(), null, "rmse", null);
    // features: tenure, contract=monthly, contract=yearly
    static final FeatureMatrix X = new FeatureMatrix(List.of("tenure", "contract=monthly", "contract=yearly"), 6,
            new double[] {1, 1, 0, 2, 1, 0, 10, 0, 1, 20, 0, 1, Double.NaN, 1, 0, 5, 1, 0});
    static final double[] Y = {1, 1, 0, 0, 0, 1};

    private static Predictor fit(Learner l, Task task, double[] y, Map<String, String> params) {
        return l.fit(new TrainingSet(X, y, null, task), null, Params.of(l, params), 1, ProgressListener.NONE);
    }

    private static double[] predict(Predictor p, double... features) {
        double[] out = new double[p.outputs()];
        p.predict(features, out);
        return out;
    }

    @Test
    void priorBaselinePredictsTheTrainingClassShares() {
        assertThat(predict(fit(new BaselineLearner(), BINARY, Y, Map.of()), 0, 0, 0)).containsExactly(0.5, 0.5);
        double[] y = {1, 0, 0, 0, 0, 0};
        assertThat(predict(fit(new BaselineLearner(), BINARY, y, Map.of()), 0, 0, 0)).containsExactly(5.0 / 6, 1.0 / 6);
    }

    @Test
    void regressionBaselinePredictsTheMeanOrMedian() {
        double[] y = {1, 2, 3, 4, 100, 6};
        assertThat(predict(fit(new BaselineLearner(), REGRESSION, y, Map.of()), 0, 0, 0)).containsExactly(116.0 / 6);
        assertThat(predict(fit(new BaselineLearner(), REGRESSION, y, Map.of("strategy", "median")), 0, 0, 0)).containsExactly(3.5);
    }

    @Test
    void ruleSplitsRowsAndShadesProbabilitiesWithTheTrainingRows() {
        Predictor p = fit(new RuleLearner(), BINARY, Y, Map.of("rule", "tenure < 3 and contract == monthly -> yes else no"));
        // rows 0,1 satisfy (both yes): (2+1)/(2+2) = 0.75 for yes; the other 4 rows (1 yes, 3 no): no = 4/6
        assertThat(predict(p, 2, 1, 0)).containsExactly(0.25, 0.75);
        assertThat(predict(p, 2, 0, 1)).containsExactly(4.0 / 6, 2.0 / 6);
        assertThat(predict(p, Double.NaN, 1, 0)).as("missing never satisfies a condition").containsExactly(4.0 / 6, 2.0 / 6);
    }

    @Test
    void ruleForRegressionPredictsItsNumbers() {
        Predictor p = fit(new RuleLearner(), REGRESSION, new double[] {1, 2, 3, 4, 5, 6}, Map.of("rule", "tenure >= 10 -> 50"));
        assertThat(predict(p, 12, 0, 1)).containsExactly(50.0);
        assertThat(predict(p, 1, 0, 1)).as("else: the mean of the uncovered rows 1,2,5,6").containsExactly(3.5);
    }

    @Test
    void ruleErrorsNameWhatIsWrong() {
        assertThatThrownBy(() -> fit(new RuleLearner(), BINARY, Y, Map.of("rule", "tenure < 3"))).isInstanceOf(ForjaException.class).hasMessageContaining("no '->'");
        assertThatThrownBy(() -> fit(new RuleLearner(), BINARY, Y, Map.of("rule", "age < 3 -> yes"))).hasMessageContaining("no column 'age'");
        assertThatThrownBy(() -> fit(new RuleLearner(), BINARY, Y, Map.of("rule", "contract == weekly -> yes"))).hasMessageContaining("no level 'weekly'");
        assertThatThrownBy(() -> fit(new RuleLearner(), BINARY, Y, Map.of("rule", "tenure < 3 -> maybe"))).hasMessageContaining("'maybe' is not a class");
        assertThatThrownBy(() -> fit(new RuleLearner(), BINARY, Y, Map.of())).hasMessageContaining("needs a rule");
    }
}
