package dev.forja.learn.boosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.core.ForjaException;
import dev.forja.core.ProgressListener;
import dev.forja.core.task.Task;
import dev.forja.core.task.TaskKind;
import dev.forja.learn.features.FeatureMatrix;
import dev.forja.learn.learners.Params;
import dev.forja.learn.learners.Predictor;
import dev.forja.learn.learners.TrainingSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XGBoostLearnerTest {
    private static final XGBoostLearner LEARNER = new XGBoostLearner();
    private static final Task BINARY = new Task(TaskKind.BINARY, "y", List.of("no", "yes"), "yes", "auc", null);
    private static final Task MULTI = new Task(TaskKind.MULTICLASS, "y", List.of("a", "b", "c"), null, "log_loss", null);
    private static final Task REGRESSION = new Task(TaskKind.REGRESSION, "y", List.of(), null, "rmse", null);

    @TempDir
    Path tmp;

    static FeatureMatrix features(int rows, long seed) {
        double[] x = XGBoostAgreementTest.rows(rows, seed);
        List<String> names = IntStream.range(0, 8).mapToObj(i -> "f" + i).toList();
        return new FeatureMatrix(names, rows, x);
    }

    static TrainingSet set(Task task, int rows, long seed) {
        FeatureMatrix x = features(rows, seed);
        double[] y = new double[rows];
        SplittableRandom r = new SplittableRandom(seed + 100);
        for (int i = 0; i < rows; i++) {
            double s = XGBoostAgreementTest.signal(x.values(), i) + r.nextGaussian() * 0.7;
            y[i] = switch (task.kind()) {
                case BINARY -> s > 0 ? 1 : 0;
                case MULTICLASS -> s < -0.5 ? 0 : s < 0.7 ? 1 : 2;
                case REGRESSION -> 100 + 30 * s;
            };
        }
        return new TrainingSet(x, y, null, task);
    }

    /**
     * One thread unless a test asks for more: XGBoost's OpenMP threads slow down many times over when
     * a shared build machine is oversubscribed, and the model does not depend on the count.
     */
    static Params params(Map<String, String> given) {
        Map<String, String> p = new HashMap<>(given);
        p.putIfAbsent("nthread", "1");
        return Params.of(LEARNER, p);
    }

    /** XGBoost4J's own prediction of the saved booster.json, row-major, with [1-p, p] for binary. */
    static double[] xgboostPredict(byte[] boosterJson, FeatureMatrix x, int outputs) throws Exception {
        Booster b = XGBoost.loadModel(boosterJson);
        DMatrix d = new DMatrix(XGBoostAgreementTest.toFloat(x.values()), x.rows(), x.width(), Float.NaN);
        float[][] p = b.predict(d);
        d.dispose();
        b.dispose();
        double[] out = new double[x.rows() * outputs];
        for (int i = 0; i < x.rows(); i++) {
            if (outputs == 2 && p[i].length == 1) {
                out[i * 2] = 1 - p[i][0];
                out[i * 2 + 1] = p[i][0];
            } else {
                for (int k = 0; k < outputs; k++) {
                    out[i * outputs + k] = p[i][k];
                }
            }
        }
        return out;
    }

    static double maxDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    @Test
    void predictorAgreesWithXGBoostOnEveryTestRowForEachTask() throws Exception {
        for (Task task : List.of(BINARY, MULTI, REGRESSION)) {
            TrainingSet train = set(task, 3000, 1);
            XGBoostPredictor p = (XGBoostPredictor) LEARNER.fit(train, null, params(Map.of("n_estimators", "50")), 5, ProgressListener.NONE);
            FeatureMatrix test = features(2000, 2);
            double[] ours = new double[test.rows() * p.outputs()];
            p.predict(test, ours);
            double diff = maxDiff(ours, xgboostPredict(p.boosterJson(), test, p.outputs()));
            System.out.printf("%s: max |diff| %.3g over %d rows%n", task.kind().id(), diff, test.rows());
            assertThat(diff).as(task.kind().id()).isLessThanOrEqualTo(1e-6);
        }
    }

    @Test
    void earlyStoppingKeepsTheBestRoundAsXGBoostsOwnEarlyStoppingFindsIt() throws Exception {
        TrainingSet train = set(BINARY, 3000, 3);
        TrainingSet valid = set(BINARY, 1000, 4);
        Map<String, String> given = Map.of("n_estimators", "300", "learning_rate", "0.5", "early_stopping_rounds", "5");
        XGBoostPredictor p = (XGBoostPredictor) LEARNER.fit(train, valid, params(given), 9, ProgressListener.NONE);
        assertThat(p.info().roundsTrained()).isLessThan(300);
        assertThat(p.info().roundsKept()).isEqualTo(p.info().roundsTrained() - 5);
        assertThat(p.ensemble().trees()).isEqualTo(p.info().roundsKept());

        // XGBoost4J's own early stopping on the same matrices and parameters picks the same best round.
        Map<String, Object> raw = new HashMap<>(XGBoostLearner.boosterParams(BINARY, params(given), 9));
        DMatrix dtrain = XGBoostLearner.matrix(train);
        DMatrix dvalid = XGBoostLearner.matrix(valid);
        Map<String, DMatrix> watches = new HashMap<>(Map.of("valid", dvalid));
        Booster own = XGBoost.train(dtrain, raw, 300, watches, new float[1][300], null, null, 5);
        assertThat(Integer.parseInt(own.getAttr("best_iteration"))).isEqualTo(p.info().roundsKept() - 1);

        // And our cut model predicts what XGBoost predicts when limited to the best round.
        FeatureMatrix test = features(1500, 5);
        DMatrix dtest = new DMatrix(XGBoostAgreementTest.toFloat(test.values()), test.rows(), 8, Float.NaN);
        float[][] limited = own.predict(dtest, false, p.info().roundsKept());
        double[] ours = new double[test.rows() * 2];
        p.predict(test, ours);
        double worst = 0;
        for (int i = 0; i < test.rows(); i++) {
            worst = Math.max(worst, Math.abs(ours[i * 2 + 1] - limited[i][0]));
        }
        System.out.printf("early stopping: best round %d, max |diff| %.3g%n", p.info().roundsKept(), worst);
        assertThat(worst).isLessThanOrEqualTo(1e-6);
        dtest.dispose();
        dtrain.dispose();
        dvalid.dispose();
        own.dispose();
    }

    @Test
    void earlyStoppingWithoutAValidationPartIsAnError() {
        assertThatThrownBy(() -> LEARNER.fit(set(BINARY, 200, 1), null, params(Map.of("early_stopping_rounds", "10")), 1, ProgressListener.NONE))
                .isInstanceOf(ForjaException.class)
                .hasMessageContaining("needs a validation part");
    }

    @Test
    void sameSeedGivesByteIdenticalArtifactsAndAnotherSeedDoesNot() throws Exception {
        TrainingSet train = set(MULTI, 2000, 6);
        Map<String, String> given = Map.of("n_estimators", "10", "subsample", "0.7", "colsample_bytree", "0.6", "nthread", "2");
        Path a = saveTo(LEARNER.fit(train, null, params(given), 42, ProgressListener.NONE), "a");
        Path b = saveTo(LEARNER.fit(train, null, params(given), 42, ProgressListener.NONE), "b");
        Path c = saveTo(LEARNER.fit(train, null, params(given), 43, ProgressListener.NONE), "c");
        Map<String, String> oneThread = new HashMap<>(given);
        oneThread.put("nthread", "1");
        Path d = saveTo(LEARNER.fit(train, null, params(oneThread), 42, ProgressListener.NONE), "d");
        for (String f : List.of("booster.json", "trees.bin", "header.json")) {
            assertThat(Files.readAllBytes(a.resolve(f))).as(f).isEqualTo(Files.readAllBytes(b.resolve(f)));
        }
        // XGBoost's hist training does not depend on the thread count either (observed with 3.1.1).
        assertThat(Files.readAllBytes(d.resolve("booster.json"))).isEqualTo(Files.readAllBytes(a.resolve("booster.json")));
        assertThat(Files.readAllBytes(a.resolve("trees.bin"))).isNotEqualTo(Files.readAllBytes(c.resolve("trees.bin")));
    }

    private Path saveTo(Predictor p, String name) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        ObjectNode header = p.save(dir);
        Files.write(dir.resolve("header.json"), XGBoostModelCompiler.JSON.writeValueAsBytes(header));
        return dir;
    }

    @Test
    void aLoadedModelPredictsExactlyWhatTheTrainedOneDid() throws Exception {
        TrainingSet train = set(REGRESSION, 2000, 7);
        Predictor fitted = LEARNER.fit(train, null, params(Map.of("n_estimators", "40")), 1, ProgressListener.NONE);
        Path dir = Files.createDirectories(tmp.resolve("m"));
        JsonNode saved = XGBoostModelCompiler.JSON.readTree(XGBoostModelCompiler.JSON.writeValueAsBytes(fitted.save(dir)));
        Predictor loaded = LEARNER.load(saved, dir);
        FeatureMatrix test = features(1000, 8);
        double[] a = new double[1000];
        double[] b = new double[1000];
        fitted.predict(test, a);
        loaded.predict(test, b);
        assertThat(b).isEqualTo(a);
        assertThat(saved.path("booster").asText()).isEqualTo("booster.json");
        assertThat(saved.path("xgboost_version").asText()).isEqualTo("3.1.1");
    }

    @Test
    void progressIsReportedOncePerRound() {
        List<Long> done = new ArrayList<>();
        LEARNER.fit(set(BINARY, 300, 9), null, params(Map.of("n_estimators", "12")), 1, (stage, d, total) -> {
            assertThat(total).isEqualTo(12);
            done.add(d);
        });
        assertThat(done).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
    }

    @Test
    void rowWeightsReachXGBoost() {
        TrainingSet plain = set(BINARY, 2000, 10);
        double[] w = new double[plain.rows()];
        for (int i = 0; i < w.length; i++) {
            w[i] = plain.y()[i] == 1 ? 5.0 : 1.0;
        }
        TrainingSet weighted = new TrainingSet(plain.x(), plain.y(), w, BINARY);
        Params p = params(Map.of("n_estimators", "20"));
        double mean0 = meanPositive(LEARNER.fit(plain, null, p, 1, ProgressListener.NONE), plain.x());
        double mean1 = meanPositive(LEARNER.fit(weighted, null, p, 1, ProgressListener.NONE), plain.x());
        assertThat(mean1).isGreaterThan(mean0 + 0.03);
    }

    private static double meanPositive(Predictor p, FeatureMatrix x) {
        double[] out = new double[x.rows() * 2];
        p.predict(x, out);
        double s = 0;
        for (int i = 0; i < x.rows(); i++) {
            s += out[i * 2 + 1];
        }
        return s / x.rows();
    }

    @Test
    void aMetricThatDoesNotFitTheTaskIsAnError() {
        assertThatThrownBy(() -> LEARNER.fit(set(REGRESSION, 100, 1), set(REGRESSION, 50, 2),
                params(Map.of("eval_metric", "auc", "early_stopping_rounds", "3")), 1, ProgressListener.NONE))
                .isInstanceOf(ForjaException.class)
                .hasMessageContaining("eval_metric auc does not apply to a regression task");
        assertThatThrownBy(() -> LEARNER.fit(set(REGRESSION, 100, 1), null, params(Map.of("scale_pos_weight", "3")), 1, ProgressListener.NONE))
                .isInstanceOf(ForjaException.class)
                .hasMessageContaining("binary tasks only");
    }

    @Test
    void xgboostsOwnRefusalsBecomeShortForjaErrors() {
        assertThatThrownBy(() -> LEARNER.fit(set(BINARY, 200, 1), null, params(Map.of("max_depth", "0", "tree_method", "exact")), 1,
                ProgressListener.NONE))
                .isInstanceOf(ForjaException.class)
                .hasMessage("XGBoost failed: exact tree method doesn't support unlimited depth.");
    }

    @Test
    void unknownAndOutOfRangeParametersAreRejectedByName() {
        assertThatThrownBy(() -> params(Map.of("eta", "0.1"))).isInstanceOf(ForjaException.class).hasMessageContaining("no parameter 'eta'");
        assertThatThrownBy(() -> params(Map.of("subsample", "0"))).isInstanceOf(ForjaException.class).hasMessageContaining("subsample");
    }
}
