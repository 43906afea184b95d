package dev.forja.learn.linear;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forja.core.ForjaException;
import dev.forja.core.ProgressListener;
import dev.forja.core.split.Rebalance;
import dev.forja.core.task.TaskKind;
import dev.forja.learn.learners.FeatureNeeds;
import dev.forja.learn.learners.Learner;
import dev.forja.learn.learners.ParamSpec;
import dev.forja.learn.learners.Params;
import dev.forja.learn.learners.Predictor;
import dev.forja.learn.learners.TrainingSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Logistic regression, binary and multinomial (softmax), with scikit-learn's objective and parameter
 * names: {@code C * sum loss + penalty}, L2 by default. L2 and no penalty are solved with
 * {@link Lbfgs}; L1 and elastic net with {@link ProximalGradient}. Deterministic: no randomness at all.
 */
public final class LogisticLearner implements Learner {
    @Override
    public String id() {
        return "logistic";
    }

    @Override
    public String description() {
        return "logistic regression (softmax for multiclass) with L2, L1 or elastic-net penalty";
    }

    @Override
    public Set<TaskKind> tasks() {
        return Set.of(TaskKind.BINARY, TaskKind.MULTICLASS);
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.choice("penalty", "l2", List.of("l2", "l1", "elasticnet", "none"), "regularisation, as scikit-learn's penalty"),
                ParamSpec.real("c", 1.0, 1e-12, 1e12, "inverse regularisation strength (scikit-learn's C): smaller means stronger"),
                ParamSpec.real("l1_ratio", 0.5, 0, 1, "elastic net: share of L1 in the penalty"),
                ParamSpec.integer("max_iter", 1000, 1, 1_000_000, "optimiser iterations at most"),
                ParamSpec.real("tol", 1e-6, 1e-15, 1, "stop when the largest gradient component (or coordinate move, for L1) is below this"),
                ParamSpec.flag("fit_intercept", true, "fit an intercept (not penalised)"),
                ParamSpec.choice("class_weight", "none", List.of("none", "balanced"), "balanced: weight rows by n / (k * n_class)"));
    }

    @Override
    public FeatureNeeds needs() {
        return FeatureNeeds.LINEAR;
    }

    @Override
    public Predictor fit(TrainingSet train, TrainingSet valid, Params params, long seed, ProgressListener progress) {
        LinearPredictor.requireComplete(train.x(), id());
        int classes = train.task().outputs();
        double[] weights = train.weights();
        if (params.get("class_weight").equals("balanced")) {
            double[] balanced = Rebalance.balancedWeights(train.y(), classes);
            if (weights != null) {
                for (int r = 0; r < balanced.length; r++) {
                    balanced[r] *= weights[r];
                }
            }
            weights = balanced;
        }
        String penalty = params.get("penalty");
        double c = params.getDouble("c");
        double l1Ratio = penalty.equals("l1") ? 1 : penalty.equals("elasticnet") ? params.getDouble("l1_ratio") : 0;
        double l2 = penalty.equals("none") ? 0 : (1 - l1Ratio) / c;
        boolean intercept = params.getBoolean("fit_intercept");
        LogisticLoss loss = new LogisticLoss(train.x(), train.y(), weights, classes, l2, intercept);
        int p = train.x().width();
        double[] w = new double[loss.outputs() * (p + 1)];
        int maxIter = params.getInt("max_iter");
        double tol = params.getDouble("tol");
        if (l1Ratio > 0) {
            boolean[] penalised = new boolean[w.length];
            for (int i = 0; i < w.length; i++) {
                penalised[i] = i % (p + 1) != p;
            }
            ProximalGradient.minimize(loss, w, penalised, l1Ratio / c, tol, maxIter);
        } else {
            Lbfgs.minimize(loss, w, tol, maxIter);
        }
        double[][] coef = new double[loss.outputs()][p];
        double[] b = new double[loss.outputs()];
        for (int k = 0; k < coef.length; k++) {
            System.arraycopy(w, k * (p + 1), coef[k], 0, p);
            b[k] = w[k * (p + 1) + p];
            for (double v : coef[k]) {
                if (!Double.isFinite(v)) {
                    throw new ForjaException("logistic regression diverged (coefficients are not finite)", "use a smaller c (stronger regularisation) or scale the features");
                }
            }
        }
        return new LinearPredictor(classes == 2 ? LinearPredictor.Link.LOGISTIC : LinearPredictor.Link.SOFTMAX, coef, b);
    }

    @Override
    public Predictor load(JsonNode saved, Path dir) {
        return LinearPredictor.load(saved);
    }
}
