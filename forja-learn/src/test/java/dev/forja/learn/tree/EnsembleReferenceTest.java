package dev.forja.learn.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forja.core.ProgressListener;
import dev.forja.learn.learners.Learner;
import dev.forja.learn.learners.Params;
import dev.forja.learn.learners.Predictor;
import dev.forja.learn.learners.TrainingSet;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On real data, our tree learners score what scikit-learn's do with the same parameters and split
 * (ensembles_*.json, from scripts/reference/trees_reference.py, averaged over three seeds): forests
 * are random, so AUC within 0.01 and RMSE within 3 % of scikit-learn's mean.
 */
class EnsembleReferenceTest {
    private static ReferenceData.Split adult;
    private static ReferenceData.Split bike;
    private static JsonNode adultRef;
    private static JsonNode bikeRef;

    @BeforeAll
    static void load() throws IOException {
        adult = ReferenceData.adult(false);
        bike = ReferenceData.bike();
        adultRef = ReferenceData.fixture("ensembles_adult.json").path("models");
        bikeRef = ReferenceData.fixture("ensembles_bike.json").path("models");
    }

    private static double auc(Learner learner, Map<String, String> params) {
        Predictor p = learner.fit(adult.train(), null, Params.of(learner, params), 11, ProgressListener.NONE);
        TrainingSet test = adult.test();
        double[] out = new double[test.rows() * 2];
        p.predict(test.x(), out);
        double[] score = new double[test.rows()];
        for (int i = 0; i < score.length; i++) {
            score[i] = out[i * 2 + 1];
        }
        return ReferenceData.auc(test.y(), score);
    }

    private static double rmse(Learner learner, Map<String, String> params) {
        Predictor p = learner.fit(bike.train(), null, Params.of(learner, params), 11, ProgressListener.NONE);
        double[] out = new double[bike.test().rows()];
        p.predict(bike.test().x(), out);
        return ReferenceData.rmse(bike.test().y(), out);
    }

    private static void report(String what, double ours, double theirs) {
        System.out.printf("%s: ours %.4f, scikit-learn %.4f%n", what, ours, theirs);
    }

    @Test
    void randomForestAucMatchesScikitLearnOnAdult() {
        double ours = auc(new RandomForestLearner(), Map.of());
        double ref = adultRef.path("forest").path("auc_mean").asDouble();
        report("adult forest AUC", ours, ref);
        assertThat(ours).isCloseTo(ref, within(0.01));
    }

    @Test
    void exactRandomForestAucMatchesScikitLearnOnAdult() {
        double ours = auc(new RandomForestLearner(), Map.of("max_bins", "0", "n_estimators", "50"));
        double ref = adultRef.path("forest").path("auc_mean").asDouble();
        report("adult forest (exact) AUC", ours, ref);
        assertThat(ours).isCloseTo(ref, within(0.01));
    }

    @Test
    void extraTreesAucMatchesScikitLearnOnAdult() {
        double ours = auc(new ExtraTreesLearner(), Map.of());
        double ref = adultRef.path("extra_trees").path("auc_mean").asDouble();
        report("adult extra trees AUC", ours, ref);
        assertThat(ours).isCloseTo(ref, within(0.01));
        double ours5 = auc(new ExtraTreesLearner(), Map.of("min_samples_leaf", "5"));
        double ref5 = adultRef.path("extra_trees_min_leaf_5").path("auc_mean").asDouble();
        report("adult extra trees (min_samples_leaf=5) AUC", ours5, ref5);
        assertThat(ours5).isCloseTo(ref5, within(0.01));
    }

    @Test
    void decisionTreeAucMatchesScikitLearnOnAdult() {
        double ours = auc(new DecisionTreeLearner(), Map.of("max_depth", "8"));
        double ref = adultRef.path("tree_depth_8").path("auc_mean").asDouble();
        report("adult tree depth 8 AUC", ours, ref);
        assertThat(ours).isCloseTo(ref, within(0.01));
    }

    @Test
    void regressionErrorsMatchScikitLearnOnBikeSharing() {
        double forest = rmse(new RandomForestLearner(), Map.of());
        double extra = rmse(new ExtraTreesLearner(), Map.of());
        double tree = rmse(new DecisionTreeLearner(), Map.of("max_depth", "6"));
        report("bike forest RMSE", forest, bikeRef.path("forest").path("rmse_mean").asDouble());
        report("bike extra trees RMSE", extra, bikeRef.path("extra_trees").path("rmse_mean").asDouble());
        report("bike tree depth 6 RMSE", tree, bikeRef.path("tree_depth_6").path("rmse_mean").asDouble());
        assertThat(forest).isCloseTo(bikeRef.path("forest").path("rmse_mean").asDouble(), within(0.03 * forest));
        assertThat(extra).isCloseTo(bikeRef.path("extra_trees").path("rmse_mean").asDouble(), within(0.03 * extra));
        assertThat(tree).isCloseTo(bikeRef.path("tree_depth_6").path("rmse_mean").asDouble(), within(0.03 * tree));
    }
}
