package dev.forja.learn.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forja.core.ProgressListener;
import dev.forja.core.task.Task;
import dev.forja.core.task.TaskKind;
import dev.forja.learn.features.FeatureMatrix;
import dev.forja.learn.learners.Params;
import dev.forja.learn.learners.TrainingSet;
import dev.forja.learn.tree.eval.TreeEnsemble;
import dev.forja.learn.tree.grow.GrownTree;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our exact CART tree grows the same tree as scikit-learn's DecisionTreeClassifier/Regressor on the
 * same data (cart_structure.json, made by scripts/reference/trees_reference.py): node for node the
 * same splits, thresholds, leaf values and row counts, and the same test-set predictions.
 */
class CartReferenceTest {
    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : ReferenceData.fixture("cart_structure.json").path("cases")) {
            out.add(Arguments.of(c.path("name").asText(), c));
        }
        return out.stream();
    }

    private static FeatureMatrix matrix(JsonNode rows) {
        int n = rows.size();
        int w = rows.get(0).size();
        double[] v = new double[n * w];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < w; j++) {
                v[i * w + j] = rows.get(i).get(j).asDouble();
            }
        }
        return new FeatureMatrix(IntStream.range(0, w).mapToObj(j -> "x" + j).toList(), n, v);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void growsScikitLearnsTree(String name, JsonNode c) {
        int classes = c.path("classes").asInt();
        Task task = classes == 0 ? new Task(TaskKind.REGRESSION, "y", List.of(), null, "rmse", null)
                : new Task(classes == 2 ? TaskKind.BINARY : TaskKind.MULTICLASS, "y",
                        IntStream.range(0, classes).mapToObj(Integer::toString).toList(), classes == 2 ? "1" : null,
                        classes == 2 ? "auc" : "log_loss", null);
        FeatureMatrix x = matrix(c.path("x_train"));
        double[] y = new double[x.rows()];
        for (int i = 0; i < y.length; i++) {
            y[i] = c.path("y_train").get(i).asDouble();
        }
        Map<String, String> given = new HashMap<>();
        c.path("params").fields().forEachRemaining(e -> given.put(e.getKey(), e.getValue().asText()));
        DecisionTreeLearner learner = new DecisionTreeLearner();
        TreeParams.Fitted fitted = TreeParams.fit(new TrainingSet(x, y, null, task), Params.of(learner, given), 1,
                ProgressListener.NONE, 1, false, false, 1);
        GrownTree ours = fitted.trees().get(0);
        JsonNode ref = c.path("tree");

        assertThat(ours.nodes()).as("nodes").isEqualTo(ref.path("left").size());
        for (int n = 0; n < ours.nodes(); n++) {
            assertThat(ours.left(n)).as("left child of %d", n).isEqualTo(ref.path("left").get(n).asInt());
            assertThat(ours.right(n)).as("right child of %d", n).isEqualTo(ref.path("right").get(n).asInt());
            assertThat(ours.rows(n)).as("rows at %d", n).isEqualTo(ref.path("samples").get(n).asDouble());
            if (!ours.isLeaf(n)) {
                assertThat(ours.feature(n)).as("feature of %d", n).isEqualTo(ref.path("feature").get(n).asInt());
                assertThat(ours.threshold(n)).as("threshold of %d", n).isEqualTo(ref.path("threshold").get(n).asDouble());
            } else {
                JsonNode value = ref.path("value").get(n);
                if (classes == 2) {
                    assertThat(ours.value(n, 0)).isCloseTo(value.get(1).asDouble(), within(1e-12));
                } else {
                    for (int k = 0; k < value.size(); k++) {
                        assertThat(ours.value(n, k)).as("value %d of leaf %d", k, n).isCloseTo(value.get(k).asDouble(), within(1e-9));
                    }
                }
            }
        }

        TreeEnsemble e = fitted.ensemble();
        FeatureMatrix test = matrix(c.path("x_test"));
        double[] out = new double[test.rows() * e.outputs()];
        e.predict(test.values(), test.rows(), out);
        JsonNode want = c.path("predictions");
        for (int i = 0; i < test.rows(); i++) {
            for (int k = 0; k < e.outputs(); k++) {
                assertThat(out[i * e.outputs() + k]).as("row %d output %d", i, k).isCloseTo(want.get(i).get(k).asDouble(), within(1e-9));
            }
        }
    }
}
