package dev.forja.learn.tune;

import dev.forja.core.ForjaException;
import dev.forja.core.task.Task;
import java.util.List;
import java.util.Map;

/**
 * Each learner's default search space: the hyperparameters that matter most, over ranges that
 * practitioners search (narrower than what is valid), log-scaled where the effect is multiplicative.
 * Ranges follow the usual Optuna / scikit-learn tuning practice; users can replace any of them.
 */
public final class SearchSpaces {
    private SearchSpaces() {
    }

    public static SearchSpace defaultFor(String learner, Task task) {
        List<Dimension> d = switch (learner) {
            case "xgboost" -> List.of(Dimension.integer("n_estimators", 50, 600, true), Dimension.real("learning_rate", 0.01, 0.3, true),
                    Dimension.integer("max_depth", 2, 10, false), Dimension.real("min_child_weight", 0.5, 20, true),
                    Dimension.real("subsample", 0.5, 1.0, false), Dimension.real("colsample_bytree", 0.5, 1.0, false),
                    Dimension.real("reg_lambda", 1e-3, 10, true), Dimension.real("reg_alpha", 1e-3, 10, true));
            case "forest", "extra-trees" -> List.of(Dimension.integer("n_estimators", 50, 400, true),
                    Dimension.integer("min_samples_leaf", 1, 30, true), Dimension.choice("max_features", "sqrt", "log2", "0.5", "1.0"),
                    Dimension.integer("max_depth", 0, 30, false));
            case "tree" -> List.of(Dimension.integer("max_depth", 1, 20, false), Dimension.integer("min_samples_leaf", 1, 50, true),
                    task.isClassification() ? Dimension.choice("criterion", "gini", "entropy") : Dimension.choice("criterion", "squared_error"));
            case "logistic" -> List.of(Dimension.choice("penalty", "l2", "l1", "elasticnet"), Dimension.real("c", 1e-4, 1e4, true),
                    Dimension.real("l1_ratio", 0.05, 0.95, false).when("penalty", "elasticnet"), Dimension.choice("class_weight", "none", "balanced"));
            case "linear" -> List.of(Dimension.choice("penalty", "l2", "l1", "elasticnet"), Dimension.real("alpha", 1e-4, 1e3, true),
                    Dimension.real("l1_ratio", 0.05, 0.95, false).when("penalty", "elasticnet"));
            case "knn" -> List.of(Dimension.integer("k", 1, 100, true), Dimension.choice("weights", "uniform", "distance"),
                    Dimension.choice("metric", "euclidean", "manhattan"));
            case "naive-bayes" -> List.of(Dimension.real("var_smoothing", 1e-12, 1e-2, true));
            default -> throw new ForjaException("'" + learner + "' has nothing to tune", "tune xgboost, forest, extra-trees, tree, logistic, linear, knn "
                    + "or naive-bayes");
        };
        Map<String, String> fixed = switch (learner) {
            // trials run side by side on the cores, each on one thread (the same thread count keeps models reproducible)
            case "xgboost", "forest", "extra-trees" -> Map.of("nthread", "1");
            default -> Map.of();
        };
        return new SearchSpace(d, fixed);
    }
}
