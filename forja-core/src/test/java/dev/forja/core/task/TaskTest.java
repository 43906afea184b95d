package dev.forja.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forja.core.ForjaException;
import dev.forja.core.frame.CategoricalColumn;
import dev.forja.core.frame.Frame;
import dev.forja.core.frame.NumericColumn;
import dev.forja.core.frame.TextColumn;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskTest {
    private static Frame labels(String... v) {
        CategoricalColumn.Builder b = new CategoricalColumn.Builder();
        for (String s : v) {
            b.add(s);
        }
        return Frame.of(b.build("y"), NumericColumn.of("x", new double[v.length]));
    }

    private static Task infer(Frame f) {
        return Task.infer(f, "y", Task.Overrides.none());
    }

    @Test
    void zeroOneNumbersAreBinaryWithOnePositive() {
        Task t = infer(Frame.of(NumericColumn.of("y", new double[] {0, 1, 1, 0, 0})));
        assertThat(t.kind()).isEqualTo(TaskKind.BINARY);
        assertThat(t.classes()).containsExactly("0", "1");
        assertThat(t.positiveClass()).isEqualTo("1");
        assertThat(t.metric()).isEqualTo("auc");
    }

    @Test
    void yesIsPositiveAndComesLast() {
        Task t = infer(labels("yes", "no", "no"));
        assertThat(t.classes()).containsExactly("no", "yes");
        assertThat(t.positiveIndex()).isEqualTo(1);
    }

    @Test
    void withoutAConventionalWordTheRarerClassIsPositive() {
        Task t = infer(labels("<=50K", "<=50K", "high"));
        assertThat(t.positiveClass()).isEqualTo("high");
        assertThat(infer(labels("<=50K", ">50K", "<=50K")).positiveClass()).isEqualTo(">50K");
    }

    @Test
    void anExplicitPositiveClassWins() {
        Task t = Task.infer(labels("a", "b", "b"), "y", new Task.Overrides(null, "b", null, null));
        assertThat(t.classes()).containsExactly("a", "b");
        assertThatThrownBy(() -> Task.infer(labels("a", "b"), "y", new Task.Overrides(null, "c", null, null)))
                .isInstanceOf(ForjaException.class).hasMessageContaining("'c' is not one of");
    }

    @Test
    void threeLabelsAreMulticlassSortedNumericallyWhenNumbers() {
        Task t = infer(labels("10", "9", "100"));
        assertThat(t.kind()).isEqualTo(TaskKind.MULTICLASS);
        assertThat(t.classes()).containsExactly("9", "10", "100");
        assertThat(t.metric()).isEqualTo("log_loss");
    }

    @Test
    void manyOrFractionalNumbersAreRegression() {
        double[] y = new double[50];
        for (int i = 0; i < y.length; i++) {
            y[i] = i * 1.5;
        }
        Task t = infer(Frame.of(NumericColumn.of("y", y)));
        assertThat(t.kind()).isEqualTo(TaskKind.REGRESSION);
        assertThat(t.metric()).isEqualTo("rmse");
        assertThat(t.outputs()).isEqualTo(1);
    }

    @Test
    void aConstantTargetCannotBeClassified() {
        assertThatThrownBy(() -> infer(labels("a", "a"))).isInstanceOf(ForjaException.class).hasMessageContaining("1 class(es)");
    }

    @Test
    void anAllMissingTargetIsRefused() {
        assertThatThrownBy(() -> infer(Frame.of(NumericColumn.of("y", new double[] {Double.NaN, Double.NaN}))))
                .hasMessageContaining("missing in every row");
    }

    @Test
    void aTextTargetIsRefusedWithAHint() {
        TextColumn.Builder b = new TextColumn.Builder();
        b.add("a long review");
        b.add("another one");
        assertThatThrownBy(() -> infer(Frame.of(b.build("y")))).hasMessageContaining("text").hasMessageContaining("numeric or categorical");
    }

    @Test
    void aMetricMustFitTheTask() {
        assertThatThrownBy(() -> Task.infer(labels("a", "b"), "y", new Task.Overrides(null, null, "rmse", null)))
                .hasMessageContaining("'rmse' does not apply to a binary task");
    }

    @Test
    void encodeGivesClassIndicesInClassOrderAndNaNForMissing() {
        Task t = infer(labels("yes", "no", null, "yes"));
        assertThat(t.encode(labels("yes", "no", null, "yes"))).containsExactly(1.0, 0.0, Double.NaN, 1.0);
    }

    @Test
    void survivesJson() {
        Task t = Task.infer(labels("yes", "no"), "y", new Task.Overrides(null, null, "f1", new CostMatrix(1, 5)));
        assertThat(Task.fromJson(t.toJson())).isEqualTo(t);
    }

    @Test
    void costMatrixParsesAndGivesItsThreshold() {
        CostMatrix c = CostMatrix.parse("fp=1, fn=4");
        assertThat(c.threshold()).isEqualTo(0.2);
        assertThatThrownBy(() -> CostMatrix.parse("fp=1")).hasMessageContaining("needs both fp and fn");
    }

    @Test
    void decideUsesTheThresholdForBinaryAndArgmaxOtherwise() {
        Task binary = new Task(TaskKind.BINARY, "y", List.of("no", "yes"), "yes", "auc", new CostMatrix(1, 4));
        assertThat(binary.decide(new double[] {0.75, 0.25}, 0)).isEqualTo(1);
        Task multi = new Task(TaskKind.MULTICLASS, "y", List.of("a", "b", "c"), null, "log_loss", null);
        assertThat(multi.decide(new double[] {0.2, 0.5, 0.3}, 0)).isEqualTo(1);
    }
}
