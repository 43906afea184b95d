package dev.forja.learn.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forja.core.ProgressListener;
import dev.forja.core.metrics.Metrics;
import dev.forja.core.task.Task;
import dev.forja.core.task.TaskKind;
import dev.forja.learn.features.FeatureMatrix;
import dev.forja.learn.learners.Learner;
import dev.forja.learn.learners.Params;
import dev.forja.learn.learners.TrainingSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Logistic and linear regression against scikit-learn 1.2 fits (scripts/reference/linear_reference.py). */
class LinearModelsReferenceTest {
    private static JsonNode ref;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = LinearModelsReferenceTest.class.getResourceAsStream("/reference/linear/linear_models.json")) {
            ref = new ObjectMapper().readTree(in);
        }
    }

    record Data(FeatureMatrix train, double[] yTrain, FeatureMatrix test, double[] yTest) {
    }

    static Data data(JsonNode block) {
        int n = block.path("x").size();
        int p = block.path("x").get(0).size();
        int train = block.path("train").asInt();
        List<String> names = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            names.add("f" + j);
        }
        double[] a = new double[train * p];
        double[] b = new double[(n - train) * p];
        double[] ya = new double[train];
        double[] yb = new double[n - train];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < p; j++) {
                double v = block.path("x").get(r).get(j).asDouble();
                if (r < train) {
                    a[r * p + j] = v;
                } else {
                    b[(r - train) * p + j] = v;
                }
            }
            if (r < train) {
                ya[r] = block.path("y").get(r).asDouble();
            } else {
                yb[r - train] = block.path("y").get(r).asDouble();
            }
        }
        return new Data(new FeatureMatrix(names, train, a), ya, new FeatureMatrix(names, n - train, b), yb);
    }

    private static LinearPredictor fit(Learner learner, Task task, Data d, Map<String, String> params) {
        return (LinearPredictor) learner.fit(new TrainingSet(d.train(), d.yTrain(), null, task), null, Params.of(learner, params), 1, ProgressListener.NONE);
    }

    private static void sameCoefficients(LinearPredictor p, JsonNode fit, double tolerance) {
        for (int k = 0; k < p.coefficients().length; k++) {
            for (int j = 0; j < p.coefficients()[k].length; j++) {
                double want = fit.path("coefficients").get(k).get(j).asDouble();
                assertThat(p.coefficients()[k][j]).as("coefficient %d,%d", k, j).isCloseTo(want, within(tolerance * Math.max(1, Math.abs(want))));
            }
            double want = fit.path("intercepts").get(k).asDouble();
            assertThat(p.intercepts()[k]).as("intercept %d", k).isCloseTo(want, within(tolerance * Math.max(1, Math.abs(want))));
        }
    }

    static final Task BINARY = new Task(TaskKind.BINARY, "income", List.of("<=50K", ">50K"), ">50K", "auc", null);

    @ParameterizedTest
    @CsvSource({"l2_c1, l2, 1.0, 0.5", "l2_c0.01, l2, 0.01, 0.5", "none, none, 1.0, 0.5", "l1_c0.05, l1, 0.05, 0.5",
        "elasticnet_c0.05, elasticnet, 0.05, 0.5"})
    void binaryLogisticMatchesScikitLearn(String key, String penalty, String c, String l1Ratio) {
        Data d = data(ref.path("binary"));
        LinearPredictor p = fit(new LogisticLearner(), BINARY, d, Map.of("penalty", penalty, "c", c, "l1_ratio", l1Ratio, "tol", "1e-10",
                "max_iter", "100000"));
        JsonNode fit = ref.path("binary").path("fits").path(key);
        sameCoefficients(p, fit, 1e-4);
        double[] out = new double[d.test().rows() * 2];
        p.predict(d.test(), out);
        double auc = Metrics.evaluate(BINARY, d.yTest(), out, null).get("auc");
        assertThat(auc).isCloseTo(fit.path("test_auc").asDouble(), within(0.005));
    }

    @Test
    void balancedClassWeightsMatchScikitLearn() {
        Data d = data(ref.path("binary"));
        LinearPredictor p = fit(new LogisticLearner(), BINARY, d, Map.of("class_weight", "balanced", "tol", "1e-10"));
        sameCoefficients(p, ref.path("binary").path("fits").path("balanced"), 1e-4);
    }

    @Test
    void multinomialLogisticMatchesScikitLearn() {
        Data d = data(ref.path("multiclass"));
        Task task = new Task(TaskKind.MULTICLASS, "origin", List.of("0", "1", "2"), null, "log_loss", null);
        LinearPredictor p = fit(new LogisticLearner(), task, d, Map.of("tol", "1e-10"));
        JsonNode fit = ref.path("multiclass").path("fits").path("l2_c1");
        // scikit-learn's lbfgs also stops on a relative decrease of 2.2e-9 in the objective, which leaves
        // collinear coefficients (displacement, horsepower, weight) about 1e-3 from the exact optimum
        sameCoefficients(p, fit, 2e-3);
        double[] out = new double[3];
        double[] row = new double[d.test().width()];
        for (int r = 0; r < d.test().rows(); r++) {
            d.test().row(r, row);
            p.predict(row, out);
            for (int k = 0; k < 3; k++) {
                assertThat(out[k]).isCloseTo(fit.path("test_proba").get(r).get(k).asDouble(), within(1e-4));
            }
        }
    }

    static final Task REGRESSION = new Task(TaskKind.REGRESSION, "cnt", List.of(), null, "rmse", null);

    @ParameterizedTest
    @CsvSource({"none, none, 1", "l2_alpha10, l2, 10", "l1_alpha20, l1, 20", "elasticnet_alpha1, elasticnet, 1"})
    void linearRegressionMatchesScikitLearn(String key, String penalty, String alpha) {
        Data d = data(ref.path("regression"));
        LinearPredictor p = fit(new LinearLearner(), REGRESSION, d, Map.of("penalty", penalty, "alpha", alpha, "l1_ratio", "0.5", "tol", "1e-13"));
        JsonNode fit = ref.path("regression").path("fits").path(key);
        // lasso on collinear temp / atemp converges slowly in both implementations: 1e-5 relative
        sameCoefficients(p, fit, 1e-5);
        double[] out = new double[d.test().rows()];
        p.predict(d.test(), out);
        double rmse = Metrics.evaluate(REGRESSION, d.yTest(), out, null).get("rmse");
        assertThat(rmse).isCloseTo(fit.path("test_rmse").asDouble(), within(fit.path("test_rmse").asDouble() * 0.01));
    }

    @Test
    void aSavedModelPredictsTheSame() throws IOException {
        Data d = data(ref.path("binary"));
        LinearPredictor p = fit(new LogisticLearner(), BINARY, d, Map.of());
        LinearPredictor back = (LinearPredictor) new LogisticLearner().load(p.save(dir), dir);
        double[] a = new double[d.test().rows() * 2];
        double[] b = new double[a.length];
        p.predict(d.test(), a);
        back.predict(d.test(), b);
        assertThat(b).containsExactly(a);
    }

    @Test
    void missingFeaturesAreRefusedWithTheirName() {
        FeatureMatrix x = new FeatureMatrix(List.of("age", "fare"), 2, new double[] {1, Double.NaN, 2, 3});
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LogisticLearner().fit(new TrainingSet(x, new double[] {0, 1}, null, BINARY), null,
                Params.of(new LogisticLearner(), Map.of()), 1, ProgressListener.NONE)).hasMessageContaining("feature 'fare' has missing values");
    }
}
