package dev.forja.learn.tree;

import dev.forja.core.ForjaException;
import dev.forja.core.ProgressListener;
import dev.forja.core.task.Task;
import dev.forja.core.task.TaskKind;
import dev.forja.learn.learners.ParamSpec;
import dev.forja.learn.learners.Params;
import dev.forja.learn.learners.TrainingSet;
import dev.forja.learn.tree.eval.TreeEnsemble;
import dev.forja.learn.tree.grow.Criterion;
import dev.forja.learn.tree.grow.FeatureBins;
import dev.forja.learn.tree.grow.ForestGrower;
import dev.forja.learn.tree.grow.GrowParams;
import dev.forja.learn.tree.grow.GrownTree;
import dev.forja.learn.tree.grow.TreeData;
import java.util.List;
import java.util.Locale;

/**
 * The hyperparameters our CART learners share (scikit-learn's names, meanings and defaults), and the
 * one fitting routine behind {@code tree}, {@code forest} and {@code extra-trees}.
 */
final class TreeParams {
    private TreeParams() {
    }

    static ParamSpec nEstimators() {
        return ParamSpec.integer("n_estimators", 100, 1, 100_000, "number of trees");
    }

    static ParamSpec criterion() {
        return ParamSpec.choice("criterion", "auto", List.of("auto", "gini", "entropy", "squared_error"),
                "split quality: gini or entropy for classes, squared_error for regression; auto = gini or squared_error");
    }

    static ParamSpec maxDepth() {
        return ParamSpec.integer("max_depth", 0, 0, 10_000, "deepest level of splits; 0 = no limit (grow until leaves are pure or small)");
    }

    static ParamSpec minSamplesSplit() {
        return ParamSpec.integer("min_samples_split", 2, 2, Integer.MAX_VALUE, "a node with fewer training rows is not split");
    }

    static ParamSpec minSamplesLeaf() {
        return ParamSpec.integer("min_samples_leaf", 1, 1, Integer.MAX_VALUE, "each side of a split keeps at least this many rows");
    }

    static ParamSpec maxFeatures(String defaultValue) {
        return ParamSpec.text("max_features", defaultValue,
                "features tried per split: all, sqrt, log2, a fraction in (0, 1], or a count; "
                        + "auto = sqrt for classification and all for regression");
    }

    static ParamSpec minImpurityDecrease() {
        return ParamSpec.real("min_impurity_decrease", 0.0, 0.0, 1e12,
                "a split must lower the weighted impurity by at least this much");
    }

    static ParamSpec classWeight() {
        return ParamSpec.choice("class_weight", "none", List.of("none", "balanced"),
                "balanced = weight rows by rows / (classes * rows of their class); on top of the training weights");
    }

    static ParamSpec maxBins(int defaultValue) {
        return ParamSpec.integer("max_bins", defaultValue, 0, 1_000_000,
                "candidate thresholds per feature: 0 = every midpoint between distinct values (exact, as scikit-learn); "
                        + "n = n quantile bins (faster on large data)");
    }

    static ParamSpec bootstrap(boolean defaultValue) {
        return ParamSpec.flag("bootstrap", defaultValue, "grow each tree on a bootstrap sample (rows drawn with replacement)");
    }

    static ParamSpec nthread() {
        return ParamSpec.integer("nthread", 0, 0, 1024, "threads growing trees; 0 = all cores (results do not depend on it)");
    }

    /**
     * Fits trees as the parameters say and compiles them into one ensemble. {@code forest} learners
     * pass their tree count and bootstrap flag; the decision tree passes 1 and false.
     */
    static Fitted fit(TrainingSet train, Params p, long seed, ProgressListener progress, int trees, boolean bootstrap,
                      boolean randomThresholds, int threads) {
        Task task = train.task();
        if (train.rows() == 0) {
            throw new ForjaException("no training rows", "check the split sizes");
        }
        if (train.x().width() == 0) {
            throw new ForjaException("no features to split on", "keep at least one input column besides the target");
        }
        Criterion criterion = criterion(p.get("criterion"), task);
        int maxDepth = p.getInt("max_depth");
        GrowParams gp = new GrowParams(criterion, maxDepth == 0 ? Integer.MAX_VALUE : maxDepth, p.getInt("min_samples_split"),
                p.getInt("min_samples_leaf"), maxFeatures(p.get("max_features"), train.x().width(), task.kind()),
                p.getDouble("min_impurity_decrease"), randomThresholds);
        boolean balanced = p.get("class_weight").equals("balanced");
        if (balanced && !task.isClassification()) {
            throw new ForjaException("class_weight=balanced applies to classification, not regression", "drop class_weight");
        }
        TreeData data = TreeData.of(train, balanced);
        FeatureBins bins = randomThresholds ? null : FeatureBins.of(data, p.getInt("max_bins"));
        List<GrownTree> grown = ForestGrower.grow(data, bins, gp, trees, bootstrap, seed, threads, progress);
        return new Fitted(ForestGrower.compile(grown, data, task.kind()), grown);
    }

    /** The compiled ensemble and the trees as grown (with impurities, for tests and inspection). */
    record Fitted(TreeEnsemble ensemble, List<GrownTree> trees) {
    }

    static int threads(Params p) {
        int t = p.getInt("nthread");
        return t > 0 ? t : Runtime.getRuntime().availableProcessors();
    }

    static Criterion criterion(String name, Task task) {
        if (name.equals("auto")) {
            return task.isClassification() ? Criterion.GINI : Criterion.SQUARED_ERROR;
        }
        Criterion c = Criterion.parse(name);
        if (c.forClasses() != task.isClassification()) {
            throw new ForjaException("criterion " + name + " does not apply to a " + task.kind().id() + " task",
                    task.isClassification() ? "use gini or entropy" : "use squared_error");
        }
        return c;
    }

    /** Resolves max_features text to a count in [1, features]. */
    static int maxFeatures(String text, int features, TaskKind kind) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int n;
        switch (t) {
            case "all" -> n = features;
            case "sqrt" -> n = (int) Math.sqrt(features);
            case "log2" -> n = (int) (Math.log(features) / Math.log(2));
            case "auto" -> n = kind.isClassification() ? (int) Math.sqrt(features) : features;
            default -> {
                double v;
                try {
                    v = Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    throw badMaxFeatures(text);
                }
                if (t.contains(".") || t.contains("e")) {
                    if (!(v > 0 && v <= 1)) {
                        throw badMaxFeatures(text);
                    }
                    n = (int) (v * features);
                } else {
                    if (v < 1) {
                        throw badMaxFeatures(text);
                    }
                    n = (int) Math.min(v, features);
                }
            }
        }
        return Math.max(1, Math.min(n, features));
    }

    private static ForjaException badMaxFeatures(String text) {
        return new ForjaException("max_features '" + text + "' is not a valid choice",
                "use all, sqrt, log2, auto, a fraction such as 0.5, or a whole number such as 3");
    }
}
