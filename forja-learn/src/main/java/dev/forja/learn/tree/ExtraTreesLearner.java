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
 * Extremely randomized trees (Geurts, Ernst and Wehenkel 2006; scikit-learn's {@code ExtraTrees*}
 * parameters and defaults): each split tries one uniformly drawn threshold per candidate feature and
 * keeps the best of those; no bootstrap by default. Parallel and reproducible like the forest.
 */
public final class ExtraTreesLearner implements Learner {
    /** The trees: fewer of them is the same model, trained for less. */
    @Override
    public String budgetParam() {
        return "n_estimators";
    }

    @Override
    public String id() {
        return "extra-trees";
    }

    @Override
    public String description() {
        return "extra trees: CART trees with random thresholds, averaged";
    }

    @Override
    public Set<TaskKind> tasks() {
        return Set.of(TaskKind.BINARY, TaskKind.MULTICLASS, TaskKind.REGRESSION);
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(TreeParams.nEstimators(), TreeParams.criterion(), TreeParams.maxDepth(), TreeParams.minSamplesSplit(),
                TreeParams.minSamplesLeaf(), TreeParams.maxFeatures("auto"), TreeParams.minImpurityDecrease(),
                TreeParams.bootstrap(false), TreeParams.classWeight(), TreeParams.nthread());
    }

    @Override
    public FeatureNeeds needs() {
        return FeatureNeeds.TREES;
    }

    @Override
    public Predictor fit(TrainingSet train, TrainingSet valid, Params params, long seed, ProgressListener progress) {
        return new EnsemblePredictor(TreeParams.fit(train, params, seed, progress, params.getInt("n_estimators"),
                params.getBoolean("bootstrap"), true, TreeParams.threads(params)).ensemble());
    }

    @Override
    public Predictor load(JsonNode saved, Path dir) throws IOException {
        return new EnsemblePredictor(EnsemblePredictor.loadEnsemble(saved, dir));
    }
}
