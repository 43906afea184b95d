package dev.forja.learn.tree;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forja.core.ProgressListener;
import dev.forja.core.task.TaskKind;
import dev.forja.learn.learners.FeatureNeeds;
import dev.forja.learn.learners.Learner;
import dev.forja.learn.learners.ParamSpec;
import dev.forja.learn.learners.Params;
import dev.forja.learn.learners.Predictor;
import dev.forja.learn.learners.TrainingSet;
import dev.forja.learn.tree.eval.EnsemblePredictor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Random forest (Breiman 2001; scikit-learn's {@code RandomForestClassifier}/{@code Regressor}
 * parameters and defaults): CART trees on bootstrap samples, {@code sqrt} of the features tried per
 * split for classification and all of them for regression, probabilities (or values) averaged. Trees
 * grow in parallel, each from its own seed derived from the model's, so results do not depend on the
 * thread count. Split search uses 255 quantile bins by default ({@code max_bins=0} for exact splits).
 */
public final class RandomForestLearner implements Learner {
    /** The trees: fewer of them is the same model, trained for less. */
    @Override
    public String budgetParam() {
        return "n_estimators";
    }

    @Override
    public String id() {
        return "forest";
    }

    @Override
    public String description() {
        return "random forest: bagged CART trees with random feature subsets";
    }

    @Override
    public Set<TaskKind> tasks() {
        return Set.of(TaskKind.BINARY, TaskKind.MULTICLASS, TaskKind.REGRESSION);
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(TreeParams.nEstimators(), TreeParams.criterion(), TreeParams.maxDepth(), TreeParams.minSamplesSplit(),
                TreeParams.minSamplesLeaf(), TreeParams.maxFeatures("auto"), TreeParams.minImpurityDecrease(),
                TreeParams.bootstrap(true), TreeParams.classWeight(), TreeParams.maxBins(255), TreeParams.nthread());
    }

    @Override
    public FeatureNeeds needs() {
        return FeatureNeeds.TREES;
    }

    @Override
    public Predictor fit(TrainingSet train, TrainingSet valid, Params params, long seed, ProgressListener progress) {
        return new EnsemblePredictor(TreeParams.fit(train, params, seed, progress, params.getInt("n_estimators"),
                params.getBoolean("bootstrap"), false, TreeParams.threads(params)).ensemble());
    }

    @Override
    public Predictor load(JsonNode saved, Path dir) throws IOException {
        return new EnsemblePredictor(EnsemblePredictor.loadEnsemble(saved, dir));
    }
}
