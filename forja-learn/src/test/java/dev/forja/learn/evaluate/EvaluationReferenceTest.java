package dev.forja.learn.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forja.core.task.Task;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * forja evaluate's per-class and weighted metrics, median absolute error and calibration against
 * scikit-learn's values for the same labels and predictions (scripts/reference/evaluation_reference.py).
 */
class EvaluationReferenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<JsonNode> cases() throws IOException {
        try (InputStream in = EvaluationReferenceTest.class.getResourceAsStream("/reference/evaluation/cases.json")) {
            List<JsonNode> out = new ArrayList<>();
            JSON.readTree(in).path("cases").forEach(out::add);
            return out.stream();
        }
    }

    private static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }

    private static Task task(JsonNode c) {
        var n = JSON.createObjectNode();
        n.put("kind", c.path("kind").asText()).put("target", "y");
        if (!c.path("kind").asText().equals("regression")) {
            int k = doubles(c.path("p")).length / c.path("y").size();
            var classes = n.putArray("classes");
            for (int i = 0; i < k; i++) {
                classes.add(Integer.toString(i));
            }
            if (k == 2) {
                n.put("positive_class", "1");
            }
            n.put("metric", "auc");
        } else {
            n.putArray("classes");
            n.put("metric", "rmse");
        }
        return Task.fromJson(n);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void extraMetricsMatchScikitLearn(JsonNode c) {
        Task task = task(c);
        Evaluation e = Evaluator.measure(task, doubles(c.path("y")), doubles(c.path("p")), 0,
                new Evaluator.Options(0, 1, List.of(), null), column -> null);
        if (c.path("kind").asText().equals("regression")) {
            assertThat(e.metrics().get("median_ae")).isCloseTo(c.path("median_ae").asDouble(), within(1e-12));
            return;
        }
        JsonNode ref = c.path("per_class");
        for (int k = 0; k < task.classes().size(); k++) {
            var m = e.perClass().get(Integer.toString(k));
            assertThat(m.get("precision")).as("precision of class %d", k).isCloseTo(ref.path("precision").get(k).asDouble(), within(1e-12));
            assertThat(m.get("recall")).as("recall of class %d", k).isCloseTo(ref.path("recall").get(k).asDouble(), within(1e-12));
            assertThat(m.get("f1")).as("f1 of class %d", k).isCloseTo(ref.path("f1").get(k).asDouble(), within(1e-12));
            assertThat(m.get("support")).isEqualTo(ref.path("support").get(k).asDouble());
        }
        for (String w : List.of("precision_weighted", "recall_weighted", "f1_weighted")) {
            assertThat(e.metrics().get(w)).as(w).isCloseTo(c.path(w).asDouble(), within(1e-12));
        }
        if (c.has("roc")) {
            Evaluation.Curves curves = e.curves();
            assertThat(curves.rocFpr()).containsExactly(doubles(c.path("roc").path("fpr")), within(1e-12));
            assertThat(curves.rocTpr()).containsExactly(doubles(c.path("roc").path("tpr")), within(1e-12));
            assertThat(curves.rocThresholds()).containsExactly(doubles(c.path("roc").path("thresholds")), within(0.0));
            assertThat(curves.prThresholds()).containsExactly(doubles(c.path("pr").path("thresholds")), within(0.0));
            assertThat(curves.precision()).containsExactly(doubles(c.path("pr").path("precision")), within(1e-12));
            assertThat(curves.recall()).containsExactly(doubles(c.path("pr").path("recall")), within(1e-12));
        }
        if (c.has("calibration")) {
            JsonNode cal = c.path("calibration");
            List<Calibration.Bin> filled = e.calibration().bins().stream().filter(b -> b.count() > 0).toList();
            assertThat(filled).hasSize(cal.path("prob_true").size());
            for (int i = 0; i < filled.size(); i++) {
                assertThat(filled.get(i).observed()).isCloseTo(cal.path("prob_true").get(i).asDouble(), within(1e-12));
                assertThat(filled.get(i).meanPredicted()).isCloseTo(cal.path("prob_pred").get(i).asDouble(), within(1e-12));
            }
            assertThat(e.calibration().ece()).isCloseTo(cal.path("ece").asDouble(), within(1e-12));
        }
    }
}
