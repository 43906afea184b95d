package dev.forja.learn.linear;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forja.core.ForjaException;
import dev.forja.core.ProgressListener;
import dev.forja.core.task.TaskKind;
import dev.forja.learn.features.FeatureMatrix;
import dev.forja.learn.learners.FeatureNeeds;
import dev.forja.learn.learners.Learner;
import dev.forja.learn.learners.ParamSpec;
import dev.forja.learn.learners.Params;
import dev.forja.learn.learners.Predictor;
import dev.forja.learn.learners.TrainingSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Linear regression with scikit-learn's objectives: ordinary least squares ({@code none}), ridge
 * ({@code l2}: {@code ||y - Xb||^2 + alpha ||b||^2}, solved exactly from the normal equations with
 * EJML), lasso and elastic net ({@code l1}, {@code elasticnet}:
 * {@code 1/(2n) ||y - Xb||^2 + alpha * l1_ratio * ||b||_1 + alpha * (1 - l1_ratio) / 2 * ||b||^2},
 * solved by cyclic coordinate descent, deterministic). The intercept is fitted on centred data and
 * never penalised. Row weights are honoured.
 */
public final class LinearLearner implements Learner {
    @Override
    public String id() {
        return "linear";
    }

    @Override
    public String description() {
        return "linear regression: least squares, ridge (L2), lasso (L1) or elastic net";
    }

    @Override
    public Set<TaskKind> tasks() {
        return Set.of(TaskKind.REGRESSION);
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.choice("penalty", "l2", List.of("none", "l2", "l1", "elasticnet"), "none = least squares, l2 = ridge, l1 = lasso"),
                ParamSpec.real("alpha", 1.0, 0, 1e12, "regularisation strength (scikit-learn's alpha)"),
                ParamSpec.real("l1_ratio", 0.5, 0, 1, "elastic net: share of L1 in the penalty"),
                ParamSpec.integer("max_iter", 10_000, 1, 10_000_000, "coordinate-descent sweeps at most (l1, elasticnet)"),
                ParamSpec.real("tol", 1e-8, 1e-15, 1, "coordinate descent stops when no coefficient moves more than this (relative)"),
                ParamSpec.flag("fit_intercept", true, "fit an intercept (not penalised)"));
    }

    @Override
    public FeatureNeeds needs() {
        return FeatureNeeds.LINEAR;
    }

    @Override
    public Predictor fit(TrainingSet train, TrainingSet valid, Params params, long seed, ProgressListener progress) {
        FeatureMatrix x = train.x();
        LinearPredictor.requireComplete(x, id());
        int n = x.rows();
        int p = x.width();
        double[] v = x.values();
        double[] y = train.y();
        boolean intercept = params.getBoolean("fit_intercept");
        double total = 0;
        double[] mean = new double[p];
        double yMean = 0;
        for (int r = 0; r < n; r++) {
            double w = train.weight(r);
            total += w;
            if (intercept) {
                yMean += w * y[r];
                for (int j = 0; j < p; j++) {
                    mean[j] += w * v[r * p + j];
                }
            }
        }
        if (intercept) {
            yMean /= total;
            for (int j = 0; j < p; j++) {
                mean[j] /= total;
            }
        }
        String penalty = params.get("penalty");
        double alpha = penalty.equals("none") ? 0 : params.getDouble("alpha");
        double[] beta = penalty.equals("l1") || penalty.equals("elasticnet")
                ? coordinateDescent(train, mean, yMean, alpha, penalty.equals("l1") ? 1 : params.getDouble("l1_ratio"),
                        params.getInt("max_iter"), params.getDouble("tol"))
                : normalEquations(train, mean, yMean, alpha);
        double b = yMean;
        for (int j = 0; j < p; j++) {
            b -= mean[j] * beta[j];
        }
        return new LinearPredictor(LinearPredictor.Link.IDENTITY, new double[][] {beta}, new double[] {intercept ? b : 0});
    }

    private static double[] normalEquations(TrainingSet t, double[] mean, double yMean, double alpha) {
        int n = t.rows();
        int p = t.x().width();
        double[] v = t.x().values();
        DMatrixRMaj a = new DMatrixRMaj(p, p);
        DMatrixRMaj rhs = new DMatrixRMaj(p, 1);
        double[] row = new double[p];
        for (int r = 0; r < n; r++) {
            double w = t.weight(r);
            for (int j = 0; j < p; j++) {
                row[j] = v[r * p + j] - mean[j];
            }
            double yc = t.y()[r] - yMean;
            for (int i = 0; i < p; i++) {
                double wi = w * row[i];
                rhs.add(i, 0, wi * yc);
                for (int j = i; j < p; j++) {
                    a.add(i, j, wi * row[j]);
                }
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                a.set(i, j, a.get(j, i));
            }
            a.add(i, i, alpha);
        }
        LinearSolverDense<DMatrixRMaj> solver = alpha > 0 ? LinearSolverFactory_DDRM.symmPosDef(p) : LinearSolverFactory_DDRM.pseudoInverse(true);
        if (!solver.setA(a)) {
            solver = LinearSolverFactory_DDRM.pseudoInverse(true);
            if (!solver.setA(a)) {
                throw new ForjaException("the least-squares system could not be solved", "use --param penalty=l2 with some alpha");
            }
        }
        DMatrixRMaj beta = new DMatrixRMaj(p, 1);
        solver.solve(rhs, beta);
        return beta.data.clone();
    }

    private static double[] coordinateDescent(TrainingSet t, double[] mean, double yMean, double alpha, double l1Ratio, int maxIter, double tol) {
        int n = t.rows();
        int p = t.x().width();
        double[] v = t.x().values();
        double total = 0;
        for (int r = 0; r < n; r++) {
            total += t.weight(r);
        }
        // centred columns and residuals; weights normalised so that sum w = n (scikit-learn's convention)
        double[][] col = new double[p][n];
        double[] w = new double[n];
        double[] resid = new double[n];
        for (int r = 0; r < n; r++) {
            w[r] = t.weight(r) * n / total;
            resid[r] = t.y()[r] - yMean;
            for (int j = 0; j < p; j++) {
                col[j][r] = v[r * p + j] - mean[j];
            }
        }
        double[] norm = new double[p];
        for (int j = 0; j < p; j++) {
            double s = 0;
            for (int r = 0; r < n; r++) {
                s += w[r] * col[j][r] * col[j][r];
            }
            norm[j] = s / n;
        }
        double l1 = alpha * l1Ratio;
        double l2 = alpha * (1 - l1Ratio);
        double[] beta = new double[p];
        for (int iter = 0; iter < maxIter; iter++) {
            double moved = 0;
            double largest = 0;
            for (int j = 0; j < p; j++) {
                if (norm[j] == 0) {
                    continue;
                }
                double old = beta[j];
                double rho = 0;
                for (int r = 0; r < n; r++) {
                    rho += w[r] * col[j][r] * (resid[r] + old * col[j][r]);
                }
                rho /= n;
                double next = Math.signum(rho) * Math.max(0, Math.abs(rho) - l1) / (norm[j] + l2);
                if (next != old) {
                    double d = next - old;
                    for (int r = 0; r < n; r++) {
                        resid[r] -= d * col[j][r];
                    }
                    beta[j] = next;
                }
                moved = Math.max(moved, Math.abs(next - old));
                largest = Math.max(largest, Math.abs(next));
            }
            if (moved <= tol * Math.max(largest, 1e-12)) {
                break;
            }
        }
        return beta;
    }

    @Override
    public Predictor load(JsonNode saved, Path dir) {
        return LinearPredictor.load(saved);
    }
}
