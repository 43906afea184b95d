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
 * One CART decision tree (scikit-learn's {@code DecisionTreeClassifier}/{@code Regressor}: same
 * parameters, defaults and split rule), exact by default: every midpoint between distinct values is a
 * candidate threshold. Handles missing values itself (see {@link dev.forja.learn.tree.grow.TreeGrower}).
 * The fitted {@link DecisionTreePredictor} prints itself as if/then rules.
 */
public final class DecisionTreeLearner implements Learner {
    @Override
    public String id() {
        return "tree";
    }

    @Override
    public String description() {
        return "a decision tree (CART), readable as if/then rules";
    }

    @Override
    public Set<TaskKind> tasks() {
        return Set.of(TaskKind.BINARY, TaskKind.MULTICLASS, TaskKind.REGRESSION);
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(TreeParams.criterion(), TreeParams.maxDepth(), TreeParams.minSamplesSplit(), TreeParams.minSamplesLeaf(),
                TreeParams.maxFeatures("all"), TreeParams.minImpurityDecrease(), TreeParams.classWeight(), TreeParams.maxBins(0));
    }

    @Override
    public FeatureNeeds needs() {
        return FeatureNeeds.TREES;
    }

    @Override
    public Predictor fit(TrainingSet train, TrainingSet valid, Params params, long seed, ProgressListener progress) {
        return new DecisionTreePredictor(TreeParams.fit(train, params, seed, progress, 1, false, false, 1).ensemble());
    }

    @Override
    public Predictor load(JsonNode saved, Path dir) throws IOException {
        return new DecisionTreePredictor(EnsemblePredictor.loadEnsemble(saved, dir));
    }
}
