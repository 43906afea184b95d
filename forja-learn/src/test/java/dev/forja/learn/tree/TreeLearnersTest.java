package dev.forja.learn.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forja.core.ForjaException;
import dev.forja.core.ProgressListener;
import dev.forja.core.task.Task;
import dev.forja.core.task.TaskKind;
import dev.forja.learn.features.FeatureMatrix;
import dev.forja.learn.learners.Learner;
import dev.forja.learn.learners.Params;
import dev.forja.learn.learners.Predictor;
import dev.forja.learn.learners.TrainingSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeLearnersTest {
    private static final Task BINARY = new Task(TaskKind.BINARY, "y", List.of("no", "yes"), "yes", "auc", null);
    private static final Task MULTI = new Task(TaskKind.MULTICLASS, "y", List.of("a", "b", "c"), null, "log_loss", null);
    private static final Task REGRESSION = new Task(TaskKind.REGRESSION, "y", List.of(), null, "rmse", null);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static TrainingSet noisy(Task task, int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int w = 6;
        double[] x = new double[rows * w];
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < w; j++) {
                x[i * w + j] = r.nextDouble() < 0.05 ? Double.NaN : j == 5 ? r.nextInt(4) : r.nextGaussian();
            }
            double a = Double.isNaN(x[i * w]) ? 0 : x[i * w];
            double b = Double.isNaN(x[i * w + 1]) ? 0 : x[i * w + 1];
            double s = a + 0.7 * b * b - 0.5 + r.nextGaussian() * 0.5;
            y[i] = switch (task.kind()) {
                case BINARY -> s > 0 ? 1 : 0;
                case MULTICLASS -> s < -0.5 ? 0 : s < 0.7 ? 1 : 2;
                case REGRESSION -> 20 * s;
            };
        }
        return new TrainingSet(new FeatureMatrix(List.of("a", "b", "c", "d", "e", "k"), rows, x), y, null, task);
    }

    private static Predictor fit(Learner l, TrainingSet s, Map<String, String> params, long seed) {
        return l.fit(s, null, Params.of(l, params), seed, ProgressListener.NONE);
    }

    private byte[] saved(Predictor p, String name) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        JsonNode header = p.save(dir);
        return concat(JSON.writeValueAsBytes(header), Files.readAllBytes(dir.resolve("trees.bin")));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void aTreeReadsAsIfThenRulesWithMissingValuesWhereTheyGo() {
        // x < 5 -> no, x >= 5 -> yes; rows missing x are all "yes", so the split sends missing right.
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int v = 1; v <= 10; v++) {
            for (int rep = 0; rep < 3; rep++) {
                xs.add((double) v);
                ys.add(v >= 5 ? 1.0 : 0.0);
            }
        }
        for (int i = 0; i < 4; i++) {
            xs.add(Double.NaN);
            ys.add(1.0);
        }
        double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
        TrainingSet s = new TrainingSet(new FeatureMatrix(List.of("tenure"), x.length, x), y, null, BINARY);
        DecisionTreePredictor p = (DecisionTreePredictor) fit(new DecisionTreeLearner(), s, Map.of(), 1);
        assertThat(p.rules(List.of("tenure"), BINARY.classes())).isEqualTo("""
                if tenure < 4.5 then no (p = 1, 12 rows)
                if (tenure >= 4.5 or tenure is missing) then yes (p = 1, 22 rows)
                """);
        double[] out = new double[2];
        p.predict(new double[] {Double.NaN}, out);
        assertThat(out[1]).isEqualTo(1.0);
    }

    @Test
    void rulesMergeConditionsOnOneFeatureIntoIntervalsAndShowRegressionValues() {
        double[] x = new double[60];
        double[] y = new double[60];
        for (int i = 0; i < 60; i++) {
            x[i] = i;
            y[i] = i < 20 ? 1 : i < 40 ? 5 : 9;
        }
        TrainingSet s = new TrainingSet(new FeatureMatrix(List.of("age"), 60, x), y, null, REGRESSION);
        DecisionTreePredictor p = (DecisionTreePredictor) fit(new DecisionTreeLearner(), s, Map.of(), 1);
        // No missing values in training: missing ones follow the heavier child, the left one on a tie.
        assertThat(p.rules(List.of("age"), List.of())).isEqualTo("""
                if age < 19.5 then 1 (20 rows)
                if (19.5 <= age < 39.5 or age is missing) then 5 (20 rows)
                if age >= 39.5 then 9 (20 rows)
                """);
    }

    @Test
    void missingValuesLearnTheSideThatFitsThem() {
        // Missing x0 means class 1 although small x0 means class 0: the split must send missing right.
        SplittableRandom r = new SplittableRandom(3);
        int n = 600;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            if (i % 5 == 0) {
                x[i] = Double.NaN;
                y[i] = 1;
            } else {
                x[i] = r.nextDouble();
                y[i] = x[i] > 0.5 ? 1 : 0;
            }
        }
        TrainingSet s = new TrainingSet(new FeatureMatrix(List.of("x"), n, x), y, null, BINARY);
        for (Learner l : List.<Learner>of(new DecisionTreeLearner(), new RandomForestLearner(), new ExtraTreesLearner())) {
            Predictor p = fit(l, s, Map.of(), 5);
            double[] out = new double[2];
            p.predict(new double[] {Double.NaN}, out);
            assertThat(out[1]).as(l.id()).isGreaterThan(0.9);
            p.predict(new double[] {0.1}, out);
            assertThat(out[1]).as(l.id()).isLessThan(0.1);
        }
    }

    @Test
    void forestsAreByteIdenticalWhateverTheThreadCountAndDifferWithTheSeed() throws IOException {
        TrainingSet s = noisy(BINARY, 3000, 1);
        for (Learner l : List.<Learner>of(new RandomForestLearner(), new ExtraTreesLearner())) {
            byte[] one = saved(fit(l, s, Map.of("n_estimators", "20", "nthread", "1"), 7), l.id() + "1");
            byte[] two = saved(fit(l, s, Map.of("n_estimators", "20", "nthread", "2"), 7), l.id() + "2");
            byte[] four = saved(fit(l, s, Map.of("n_estimators", "20", "nthread", "4"), 7), l.id() + "4");
            byte[] other = saved(fit(l, s, Map.of("n_estimators", "20", "nthread", "2"), 8), l.id() + "o");
            assertThat(two).as(l.id()).isEqualTo(one);
            assertThat(four).as(l.id()).isEqualTo(one);
            assertThat(other).as(l.id()).isNotEqualTo(one);
        }
    }

    @Test
    void loadedModelsPredictExactlyWhatTheFittedOnesDid() throws IOException {
        TrainingSet s = noisy(MULTI, 2000, 2);
        TrainingSet test = noisy(MULTI, 500, 3);
        for (Learner l : List.<Learner>of(new DecisionTreeLearner(), new RandomForestLearner(), new ExtraTreesLearner())) {
            Predictor p = fit(l, s, Map.of("n_estimators", "15").entrySet().stream()
                    .filter(e -> Params.of(l, Map.of()).asMap().containsKey(e.getKey()))
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), 4);
            Path dir = Files.createDirectories(tmp.resolve("m-" + l.id()));
            JsonNode header = JSON.readTree(JSON.writeValueAsBytes(p.save(dir)));
            Predictor back = l.load(header, dir);
            double[] a = new double[500 * 3];
            double[] b = new double[500 * 3];
            p.predict(test.x(), a);
            back.predict(test.x(), b);
            assertThat(b).as(l.id()).isEqualTo(a);
            for (int i = 0; i < 500; i++) {
                assertThat(a[i * 3] + a[i * 3 + 1] + a[i * 3 + 2]).isCloseTo(1.0, within(1e-12));
            }
            assertThat(back).isInstanceOf(l instanceof DecisionTreeLearner ? DecisionTreePredictor.class : Predictor.class);
        }
    }

    @Test
    void balancedClassWeightsRaiseTheRareClass() {
        SplittableRandom r = new SplittableRandom(4);
        int n = 2000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
            y[i] = r.nextDouble() < 0.1 + 0.1 * (x[i] > 1 ? 1 : 0) ? 1 : 0;
        }
        TrainingSet s = new TrainingSet(new FeatureMatrix(List.of("x"), n, x), y, null, BINARY);
        Map<String, String> shallow = Map.of("max_depth", "2");
        Predictor plain = fit(new DecisionTreeLearner(), s, shallow, 1);
        Predictor balanced = fit(new DecisionTreeLearner(), s, Map.of("max_depth", "2", "class_weight", "balanced"), 1);
        double[] a = new double[2];
        double[] b = new double[2];
        plain.predict(new double[] {0}, a);
        balanced.predict(new double[] {0}, b);
        assertThat(a[1]).isLessThan(0.2);
        assertThat(b[1]).isGreaterThan(0.3);
    }

    @Test
    void maxFeaturesAcceptsScikitLearnsSpellings() {
        assertThat(TreeParams.maxFeatures("sqrt", 20, TaskKind.BINARY)).isEqualTo(4);
        assertThat(TreeParams.maxFeatures("log2", 20, TaskKind.BINARY)).isEqualTo(4);
        assertThat(TreeParams.maxFeatures("auto", 20, TaskKind.BINARY)).isEqualTo(4);
        assertThat(TreeParams.maxFeatures("auto", 20, TaskKind.REGRESSION)).isEqualTo(20);
        assertThat(TreeParams.maxFeatures("0.5", 20, TaskKind.BINARY)).isEqualTo(10);
        assertThat(TreeParams.maxFeatures("1.0", 20, TaskKind.BINARY)).isEqualTo(20);
        assertThat(TreeParams.maxFeatures("3", 20, TaskKind.BINARY)).isEqualTo(3);
        assertThat(TreeParams.maxFeatures("50", 20, TaskKind.BINARY)).isEqualTo(20);
        assertThat(TreeParams.maxFeatures("all", 1, TaskKind.BINARY)).isEqualTo(1);
        assertThat(TreeParams.maxFeatures("sqrt", 2, TaskKind.BINARY)).isEqualTo(1);
        for (String bad : List.of("many", "0", "1.5", "-2", "0.0")) {
            assertThatThrownBy(() -> TreeParams.maxFeatures(bad, 20, TaskKind.BINARY)).as(bad)
                    .isInstanceOf(ForjaException.class).hasMessageContaining("max_features");
        }
    }

    @Test
    void parametersThatDoNotFitTheTaskAreClearErrors() {
        TrainingSet reg = noisy(REGRESSION, 100, 1);
        assertThatThrownBy(() -> fit(new DecisionTreeLearner(), reg, Map.of("criterion", "gini"), 1))
                .isInstanceOf(ForjaException.class).hasMessageContaining("criterion gini does not apply to a regression task");
        assertThatThrownBy(() -> fit(new RandomForestLearner(), reg, Map.of("class_weight", "balanced"), 1))
                .isInstanceOf(ForjaException.class).hasMessageContaining("class_weight");
        assertThatThrownBy(() -> fit(new DecisionTreeLearner(), noisy(BINARY, 100, 1), Map.of("criterion", "squared_error"), 1))
                .isInstanceOf(ForjaException.class);
        assertThatThrownBy(() -> Params.of(new ExtraTreesLearner(), Map.of("max_bins", "10")))
                .isInstanceOf(ForjaException.class).hasMessageContaining("no parameter 'max_bins'");
    }

    @Test
    void depthAndLeafSizeLimitsHold() {
        TrainingSet s = noisy(REGRESSION, 3000, 5);
        DecisionTreePredictor p = (DecisionTreePredictor) fit(new DecisionTreeLearner(), s,
                Map.of("max_depth", "4", "min_samples_leaf", "30"), 1);
        assertThat(p.ensemble().depth(0)).isLessThanOrEqualTo(4);
        for (int n = 0; n < p.ensemble().nodes(); n++) {
            if (p.ensemble().isLeaf(n)) {
                assertThat(p.ensemble().cover(n)).isGreaterThanOrEqualTo(30);
            }
        }
    }

    @Test
    void progressCountsTrees() {
        List<Long> done = new ArrayList<>();
        new RandomForestLearner().fit(noisy(BINARY, 300, 1), null, Params.of(new RandomForestLearner(), Map.of("n_estimators", "9")), 1,
                (stage, d, total) -> {
                    assertThat(total).isEqualTo(9);
                    synchronized (done) {
                        done.add(d);
                    }
                });
        assertThat(done).hasSize(9).contains(9L);
    }

    @Test
    void aForestFitsItsTrainingDataAndGeneralises() {
        TrainingSet train = noisy(BINARY, 4000, 6);
        TrainingSet test = noisy(BINARY, 2000, 7);
        double[] out = new double[test.rows() * 2];
        fit(new RandomForestLearner(), train, Map.of(), 3).predict(test.x(), out);
        double[] score = new double[test.rows()];
        for (int i = 0; i < score.length; i++) {
            score[i] = out[i * 2 + 1];
        }
        assertThat(ReferenceData.auc(test.y(), score)).isGreaterThan(0.85);
    }
}
