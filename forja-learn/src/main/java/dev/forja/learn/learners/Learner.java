package dev.forja.learn.learners;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forja.core.ProgressListener;
import dev.forja.core.task.TaskKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A learning algorithm (an estimator, in scikit-learn's and Spark ML's words): fits a {@link Predictor}
 * on a {@link TrainingSet}. Implementations are stateless; every random choice comes from {@code seed},
 * so the same data, parameters and seed give the same predictor and the same saved bytes.
 */
public interface Learner {
    /** The name on the command line ({@code --model logistic}). */
    String id();

    /** One line for {@code forja train --help} and the model card. */
    String description();

    Set<TaskKind> tasks();

    /** The documented hyperparameters with their defaults. */
    List<ParamSpec> params();

    /** What the automatic feature pipeline must give this learner. */
    FeatureNeeds needs();

    /**
     * The whole-number hyperparameter that is this learner's natural training budget (boosting rounds,
     * trees in a forest), or null when it has none. Successive halving gives a trial a fraction of it
     * first; a model fitted with less of it must be an earlier, cheaper version of the full one.
     */
    default String budgetParam() {
        return null;
    }

    /**
     * Fits on {@code train}. {@code valid} (may be null) is for early stopping and must not be fitted on.
     *
     * @throws dev.forja.core.ForjaException for problems the user can fix (e.g. too few rows for k)
     */
    Predictor fit(TrainingSet train, TrainingSet valid, Params params, long seed, ProgressListener progress);

    /** Rebuilds a predictor from what {@link Predictor#save} wrote. */
    Predictor load(JsonNode saved, Path dir) throws IOException;
}
