package dev.forja.learn.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forja.core.ProgressListener;
import dev.forja.core.task.Task;
import dev.forja.core.task.TaskKind;
import dev.forja.learn.features.FeatureMatrix;
import dev.forja.learn.learners.Learner;
import dev.forja.learn.learners.Params;
import dev.forja.learn.learners.Predictor;
import dev.forja.learn.learners.TrainingSet;
import dev.forja.learn.neighbors.KnnLearner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Naive Bayes and k-NN probabilities against scikit-learn 1.2 on the same matrices (scripts/reference/linear_reference.py). */
class BayesNeighborsReferenceTest {
    private static JsonNode models;
    private static JsonNode expected;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (InputStream a = BayesNeighborsReferenceTest.class.getResourceAsStream("/reference/linear/linear_models.json");
             InputStream b = BayesNeighborsReferenceTest.class.getResourceAsStream("/reference/linear/bayes_neighbors.json")) {
            models = json.readTree(a);
            expected = json.readTree(b);
        }
    }

    private static FeatureMatrix matrix(JsonNode rows, int from, int to) {
        int p = rows.get(0).size();
        List<String> names = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            names.add("f" + j);
        }
        double[] v = new double[(to - from) * p];
        for (int r = from; r < to; r++) {
            for (int j = 0; j < p; j++) {
                v[(r - from) * p + j] = rows.get(r).get(j).asDouble();
            }
        }
        return new FeatureMatrix(names, to - from, v);
    }

    private static double[] labels(JsonNode y, int from, int to) {
        double[] out = new double[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = y.get(i).asDouble();
        }
        return out;
    }

    private static void check(Learner learner, Map<String, String> params, Task task, JsonNode x, JsonNode y, int train, JsonNode want, double tol) {
        int n = x.size();
        Predictor p = learner.fit(new TrainingSet(matrix(x, 0, train), labels(y, 0, train), null, task), null, Params.of(learner, params), 1,
                ProgressListener.NONE);
        FeatureMatrix test = matrix(x, train, n);
        double[] row = new double[test.width()];
        double[] out = new double[p.outputs()];
        for (int r = 0; r < test.rows(); r++) {
            test.row(r, row);
            p.predict(row, out);
            for (int c = 0; c < out.length; c++) {
                double w = want.get(r).isArray() ? want.get(r).get(c).asDouble() : want.get(r).asDouble();
                assertThat(out[c]).as("row %d output %d", r, c).isCloseTo(w, within(tol * Math.max(1, Math.abs(w))));
            }
        }
    }

    static final Task BINARY = new Task(TaskKind.BINARY, "y", List.of("0", "1"), "1", "auc", null);
    static final Task MULTI = new Task(TaskKind.MULTICLASS, "y", List.of("0", "1", "2"), null, "log_loss", null);
    static final Task REGRESSION = new Task(TaskKind.REGRESSION, "y", List.of(), null, "rmse", null);

    @Test
    void gaussianBinaryMatchesScikitLearn() {
        JsonNode b = models.path("binary");
        check(new NaiveBayesLearner(), Map.of(), BINARY, b.path("x"), b.path("y"), 2400, expected.path("naive_bayes").path("gaussian_binary"), 1e-9);
    }

    @Test
    void gaussianMulticlassMatchesScikitLearn() {
        JsonNode m = models.path("multiclass");
        check(new NaiveBayesLearner(), Map.of(), MULTI, m.path("x"), m.path("y"), 300, expected.path("naive_bayes").path("gaussian_multiclass"), 1e-9);
    }

    @Test
    void multinomialMatchesScikitLearn() {
        JsonNode b = models.path("binary");
        check(new NaiveBayesLearner(), Map.of("kind", "multinomial"), BINARY, expected.path("counts"), b.path("y"), 2400,
                expected.path("naive_bayes").path("multinomial_binary"), 1e-9);
    }

    @Test
    void knnVoteSharesMatchScikitLearn() {
        JsonNode b = models.path("binary");
        check(new KnnLearner(), Map.of("k", "7"), BINARY, b.path("x"), b.path("y"), 2400, expected.path("knn").path("uniform_binary"), 1e-12);
    }

    @Test
    void knnDistanceWeightedRegressionMatchesScikitLearn() {
        JsonNode r = models.path("regression");
        check(new KnnLearner(), Map.of("k", "5", "weights", "distance"), REGRESSION, r.path("x"), r.path("y"), 600,
                expected.path("knn").path("distance_regression"), 1e-9);
    }

    @Test
    void knnManhattanMulticlassMatchesScikitLearn() {
        JsonNode m = models.path("multiclass");
        check(new KnnLearner(), Map.of("k", "9", "metric", "manhattan"), MULTI, m.path("x"), m.path("y"), 300,
                expected.path("knn").path("manhattan_multiclass"), 1e-12);
    }

    @Test
    void savedModelsPredictTheSame() throws IOException {
        JsonNode b = models.path("binary");
        for (Learner l : List.of(new NaiveBayesLearner(), new KnnLearner())) {
            Predictor p = l.fit(new TrainingSet(matrix(b.path("x"), 0, 500), labels(b.path("y"), 0, 500), null, BINARY), null,
                    Params.of(l, Map.of()), 1, ProgressListener.NONE);
            Path d = dir.resolve(l.id());
            java.nio.file.Files.createDirectories(d);
            Predictor back = l.load(p.save(d), d);
            FeatureMatrix test = matrix(b.path("x"), 500, 700);
            double[] a = new double[400];
            double[] c = new double[400];
            p.predict(test, a);
            back.predict(test, c);
            assertThat(c).containsExactly(a);
        }
    }
}
