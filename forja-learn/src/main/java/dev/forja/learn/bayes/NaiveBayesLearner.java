package dev.forja.learn.bayes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/**
 * Naive Bayes as scikit-learn defines it. {@code gaussian}: per class and feature a normal density,
 * variances increased by {@code var_smoothing} times the largest feature variance (GaussianNB);
 * {@code multinomial}: per class smoothed feature frequencies with additive {@code alpha}
 * (MultinomialNB; features must be non-negative counts or frequencies). Class priors are the
 * (weighted) training frequencies. Posteriors are computed in log space and normalised.
 */
public final class NaiveBayesLearner implements Learner {
    @Override
    public String id() {
        return "naive-bayes";
    }

    @Override
    public String description() {
        return "naive Bayes: gaussian (continuous features) or multinomial (counts)";
    }

    @Override
    public Set<TaskKind> tasks() {
        return Set.of(TaskKind.BINARY, TaskKind.MULTICLASS);
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(ParamSpec.choice("kind", "gaussian", List.of("gaussian", "multinomial"), "the per-class feature model"),
                ParamSpec.real("var_smoothing", 1e-9, 0, 1, "gaussian: share of the largest variance added to every variance"),
                ParamSpec.real("alpha", 1.0, 0, 1e6, "multinomial: additive (Laplace) smoothing"));
    }

    @Override
    public FeatureNeeds needs() {
        // one-hot keeps categories non-negative for the multinomial kind; no scaling (it would make values negative)
        return new FeatureNeeds(false, false, true, false);
    }

    @Override
    public Predictor fit(TrainingSet train, TrainingSet valid, Params params, long seed, ProgressListener progress) {
        FeatureMatrix x = train.x();
        int k = train.task().outputs();
        int p = x.width();
        double[] v = x.values();
        double[] classWeight = new double[k];
        double[][] sum = new double[k][p];
        for (int r = 0; r < x.rows(); r++) {
            int c = (int) train.y()[r];
            double w = train.weight(r);
            classWeight[c] += w;
            for (int j = 0; j < p; j++) {
                double value = v[r * p + j];
                if (Double.isNaN(value)) {
                    throw new ForjaException("feature '" + x.names().get(j) + "' has missing values, which naive Bayes cannot take", "impute them: --impute median");
                }
                sum[c][j] += w * value;
            }
        }
        double total = 0;
        for (double w : classWeight) {
            total += w;
        }
        double[] logPrior = new double[k];
        for (int c = 0; c < k; c++) {
            logPrior[c] = Math.log(classWeight[c] / total);
        }
        if (params.get("kind").equals("multinomial")) {
            double alpha = params.getDouble("alpha");
            double[][] logProb = new double[k][p];
            for (int c = 0; c < k; c++) {
                double s = 0;
                for (int j = 0; j < p; j++) {
                    s += sum[c][j];
                }
                for (int j = 0; j < p; j++) {
                    logProb[c][j] = Math.log((sum[c][j] + alpha) / (s + alpha * p));
                }
            }
            for (double value : v) {
                if (value < 0) {
                    throw new ForjaException("multinomial naive Bayes needs non-negative features (counts or frequencies)",
                            "use --param kind=gaussian, or --scale none");
                }
            }
            return new Model("multinomial", logPrior, logProb, null);
        }
        double[][] mean = new double[k][p];
        double[][] var = new double[k][p];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < p; j++) {
                mean[c][j] = sum[c][j] / classWeight[c];
            }
        }
        double[] overallMean = new double[p];
        for (int r = 0; r < x.rows(); r++) {
            int c = (int) train.y()[r];
            double w = train.weight(r);
            for (int j = 0; j < p; j++) {
                double d = v[r * p + j] - mean[c][j];
                var[c][j] += w * d * d;
                overallMean[j] += v[r * p + j] / x.rows();
            }
        }
        double maxVar = 0;
        for (int j = 0; j < p; j++) {
            double s = 0;
            for (int r = 0; r < x.rows(); r++) {
                double d = v[r * p + j] - overallMean[j];
                s += d * d;
            }
            maxVar = Math.max(maxVar, s / x.rows());
        }
        double epsilon = params.getDouble("var_smoothing") * maxVar;
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < p; j++) {
                var[c][j] = var[c][j] / classWeight[c] + epsilon;
                if (var[c][j] <= 0) {
                    var[c][j] = Double.MIN_NORMAL;
                }
            }
        }
        return new Model("gaussian", logPrior, mean, var);
    }

    @Override
    public Predictor load(JsonNode saved, Path dir) {
        double[] prior = vector(saved.path("log_prior"));
        double[][] a = matrix(saved.path("a"));
        double[][] b = saved.has("b") ? matrix(saved.path("b")) : null;
        return new Model(saved.path("kind").asText(), prior, a, b);
    }

    private static double[] vector(JsonNode n) {
        double[] d = new double[n.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = n.get(i).asDouble();
        }
        return d;
    }

    private static double[][] matrix(JsonNode n) {
        double[][] m = new double[n.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = vector(n.get(i));
        }
        return m;
    }

    /** Gaussian: a = means, b = variances; multinomial: a = log feature probabilities. */
    static final class Model implements Predictor {
        private final String kind;
        private final double[] logPrior;
        private final double[][] a;
        private final double[][] b;

        Model(String kind, double[] logPrior, double[][] a, double[][] b) {
            this.kind = kind;
            this.logPrior = logPrior;
            this.a = a;
            this.b = b;
        }

        @Override
        public int outputs() {
            return logPrior.length;
        }

        @Override
        public void predict(double[] x, double[] out) {
            int k = logPrior.length;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double s = logPrior[c];
                if (b == null) {
                    for (int j = 0; j < x.length; j++) {
                        s += x[j] * a[c][j];
                    }
                } else {
                    for (int j = 0; j < x.length; j++) {
                        double d = x[j] - a[c][j];
                        s -= 0.5 * Math.log(2 * Math.PI * b[c][j]) + d * d / (2 * b[c][j]);
                    }
                }
                out[c] = s;
                max = Math.max(max, s);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                out[c] = Math.exp(out[c] - max);
                sum += out[c];
            }
            for (int c = 0; c < k; c++) {
                out[c] /= sum;
            }
        }

        @Override
        public ObjectNode save(Path dir) {
            ObjectNode n = JsonNodeFactory.instance.objectNode();
            n.put("kind", kind);
            var pr = n.putArray("log_prior");
            for (double d : logPrior) {
                pr.add(d);
            }
            put(n.putArray("a"), a);
            if (b != null) {
                put(n.putArray("b"), b);
            }
            return n;
        }

        private static void put(com.fasterxml.jackson.databind.node.ArrayNode arr, double[][] m) {
            for (double[] row : m) {
                var r = arr.addArray();
                for (double d : row) {
                    r.add(d);
                }
            }
        }
    }
}
