package dev.forja.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forja.core.task.Task;
import dev.forja.core.task.TaskKind;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every metric against scikit-learn 1.2 (scripts/reference/metrics_reference.py), and small hand-computed cases. */
class MetricsTest {
    static Stream<Arguments> cases() throws IOException {
        try (InputStream in = MetricsTest.class.getResourceAsStream("/reference/metrics/cases.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<Arguments> out = new ArrayList<>();
            int i = 0;
            for (JsonNode c : root.path("cases")) {
                out.add(Arguments.of(i++ + ": " + c.path("kind").asText() + (c.path("w").isNull() ? "" : ", weighted"), c));
            }
            return out.stream();
        }
    }

    private static double[] doubles(JsonNode a) {
        if (a.isNull()) {
            return null;
        }
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = a.get(i).asDouble();
        }
        return d;
    }

    private static Task task(JsonNode c) {
        String kind = c.path("kind").asText();
        if (kind.equals("regression")) {
            return new Task(TaskKind.REGRESSION, "y", List.of(), null, "rmse", null);
        }
        List<String> classes = new ArrayList<>();
        for (int k = 0; k < c.path("classes").asInt(); k++) {
            classes.add("c" + k);
        }
        return kind.equals("binary") ? new Task(TaskKind.BINARY, "y", classes, "c1", "auc", null)
                : new Task(TaskKind.MULTICLASS, "y", classes, null, "log_loss", null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void agreesWithScikitLearn(String name, JsonNode c) {
        Map<String, Double> got = Metrics.evaluate(task(c), doubles(c.path("y")), doubles(c.path("p")), doubles(c.path("w")));
        c.path("expected").fields().forEachRemaining(e -> {
            double want = e.getValue().asDouble();
            assertThat(got.get(e.getKey())).as(e.getKey()).isCloseTo(want, within(Math.abs(want) * 1e-12 + 1e-14));
        });
        assertThat(got.keySet()).containsExactlyInAnyOrderElementsOf(() -> c.path("expected").fieldNames());
    }

    @Test
    void handComputedBinaryCase() {
        // scores 0.1 (neg), 0.4 (pos), 0.35 (neg), 0.8 (pos): AUC = 3/4 pairs ordered right... (0.4>0.1, 0.4>0.35, 0.8>both) = 4/4
        Task t = new Task(TaskKind.BINARY, "y", List.of("no", "yes"), "yes", "auc", null);
        double[] y = {0, 1, 0, 1};
        double[] p = {0.9, 0.1, 0.6, 0.4, 0.65, 0.35, 0.2, 0.8};
        Map<String, Double> m = Metrics.evaluate(t, y, p, null);
        assertThat(m.get("auc")).isEqualTo(1.0);
        // decisions at 0.5: 0,0,0,1 → accuracy 3/4, precision 1, recall 1/2, f1 2/3
        assertThat(m.get("accuracy")).isEqualTo(0.75);
        assertThat(m.get("precision")).isEqualTo(1.0);
        assertThat(m.get("recall")).isEqualTo(0.5);
        assertThat(m.get("f1")).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(m.get("brier")).isCloseTo((0.01 + 0.36 + 0.1225 + 0.04) / 4, within(1e-15));
        assertThat(m.keySet().iterator().next()).isEqualTo("auc");
    }

    @Test
    void aCostMatrixMovesTheDecisionThreshold() {
        // fn five times as costly as fp: threshold 1/6, so 0.4 and 0.35 become positive
        Task t = new Task(TaskKind.BINARY, "y", List.of("no", "yes"), "yes", "auc", new dev.forja.core.task.CostMatrix(1, 5));
        double[] y = {0, 1, 0, 1};
        double[] p = {0.9, 0.1, 0.6, 0.4, 0.65, 0.35, 0.2, 0.8};
        Map<String, Double> m = Metrics.evaluate(t, y, p, null);
        assertThat(m.get("recall")).isEqualTo(1.0);
        assertThat(m.get("precision")).isCloseTo(2.0 / 3, within(1e-15));
    }

    @Test
    void aucIsUndefinedWithOneClass() {
        Task t = new Task(TaskKind.BINARY, "y", List.of("no", "yes"), "yes", "auc", null);
        Map<String, Double> m = Metrics.evaluate(t, new double[] {1, 1}, new double[] {0.3, 0.7, 0.6, 0.4}, null);
        assertThat(m.get("auc")).isNaN();
        assertThat(m.get("accuracy")).isEqualTo(0.5);
    }

    @Test
    void directionOfEachMetric() {
        assertThat(Metrics.higherIsBetter("auc")).isTrue();
        assertThat(Metrics.higherIsBetter("r2")).isTrue();
        assertThat(Metrics.higherIsBetter("log_loss")).isFalse();
        assertThat(Metrics.higherIsBetter("rmse")).isFalse();
    }
}
