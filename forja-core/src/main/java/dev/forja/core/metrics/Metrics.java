package dev.forja.core.metrics;

import dev.forja.core.task.Task;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every metric that applies to a task, under the names used everywhere in Forja (JSON, store, reports):
 * classification {@code auc, pr_auc, accuracy, balanced_accuracy, f1, precision, recall, log_loss,
 * brier, mcc}; regression {@code rmse, mse, mae, r2, mape}. Definitions follow scikit-learn's so that
 * numbers can be compared with it:
 * <ul>
 *   <li>binary {@code f1, precision, recall} are for the positive class; multiclass ones are macro
 *       averages over the classes present in the labels or the predictions (a class never predicted has
 *       precision 0, as with {@code zero_division=0});</li>
 *   <li>multiclass {@code auc} and {@code pr_auc} are macro one-vs-rest over the classes present in the
 *       labels;</li>
 *   <li>{@code log_loss} clips probabilities to [ε, 1−ε] with ε the double's machine epsilon;</li>
 *   <li>binary {@code brier} is the mean squared error of the positive-class probability; multiclass
 *       {@code brier} is the mean over rows of the summed squared error over classes (Brier's original
 *       definition, 0 to 2);</li>
 *   <li>{@code mape} divides by {@code max(|y|, ε)}, as scikit-learn does.</li>
 * </ul>
 * Decisions (for accuracy, F1...) come from {@link Task#decide}: the cost-matrix threshold for binary
 * tasks, else the most probable class. Metrics that are undefined on the data (AUC with one class
 * present) are {@code NaN}.
 */
public final class Metrics {
    static final double EPS = Math.ulp(1.0);
    public static final List<String> CLASSIFICATION = List.of("auc", "pr_auc", "accuracy", "balanced_accuracy", "f1", "precision",
            "recall", "log_loss", "brier", "mcc");
    public static final List<String> REGRESSION = List.of("rmse", "mse", "mae", "r2", "mape");
    private static final Set<String> LOWER_IS_BETTER = Set.of("log_loss", "brier", "rmse", "mse", "mae", "mape");

    private Metrics() {
    }

    public static boolean higherIsBetter(String metric) {
        return !LOWER_IS_BETTER.contains(metric);
    }

    /**
     * @param y           encoded targets ({@link Task#encode}: class index or value), no NaN
     * @param predictions row-major model outputs, {@code task.outputs()} per row
     * @param weights     row weights, or null
     * @return every applicable metric, the task's own metric first
     */
    public static Map<String, Double> evaluate(Task task, double[] y, double[] predictions, double[] weights) {
        return prepare(task, y, predictions).evaluate(weights);
    }

    /**
     * The labels and predictions made ready to be measured many times under different row weights:
     * decisions taken and every score column sorted once. A bootstrap resample drawn with replacement
     * is the same rows weighted by how often each was drawn, so each resample costs a pass over the
     * rows instead of a copy and a sort (about 40 times faster at a million rows), and gives exactly
     * the metrics of the materialised resample.
     */
    public static Prepared prepare(Task task, double[] y, double[] predictions) {
        return new Prepared(task, y, predictions);
    }

    /** See {@link #prepare}. Immutable; {@link #evaluate} may be called from several threads. */
    public static final class Prepared {
        private final Task task;
        private final double[] y;
        private final double[] p;
        private final int[] truth;
        private final int[] decided;
        /** Per scored column (the positive class for binary, every class for multiclass): scores, positives, ascending order. */
        private final double[][] scores;
        private final boolean[][] positives;
        private final int[][] orders;
        /** Per row: its log loss and Brier terms, which weights only sum. */
        private final double[] rowLogLoss;
        private final double[] rowBrier;

        private Prepared(Task task, double[] y, double[] p) {
            this.task = task;
            this.y = y;
            this.p = p;
            int n = y.length;
            if (!task.isClassification()) {
                truth = null;
                decided = null;
                scores = null;
                positives = null;
                orders = null;
                rowLogLoss = null;
                rowBrier = null;
                return;
            }
            int k = task.outputs();
            truth = new int[n];
            decided = new int[n];
            for (int r = 0; r < n; r++) {
                truth[r] = (int) y[r];
                decided[r] = task.decide(p, r);
            }
            int columns = k == 2 ? 1 : k;
            scores = new double[columns][];
            positives = new boolean[columns][];
            orders = new int[columns][];
            for (int c = 0; c < columns; c++) {
                int cls = k == 2 ? 1 : c;
                scores[c] = column(p, k, cls, n);
                positives[c] = isClass(truth, cls);
                orders[c] = Ranking.order(scores[c]);
            }
            rowLogLoss = new double[n];
            rowBrier = new double[n];
            for (int r = 0; r < n; r++) {
                rowLogLoss[r] = -Math.log(Math.min(1 - EPS, Math.max(EPS, p[r * k + truth[r]])));
                if (k == 2) {
                    double d = p[r * 2 + 1] - (truth[r] == 1 ? 1 : 0);
                    rowBrier[r] = d * d;
                } else {
                    double s = 0;
                    for (int c = 0; c < k; c++) {
                        double d = p[r * k + c] - (truth[r] == c ? 1 : 0);
                        s += d * d;
                    }
                    rowBrier[r] = s;
                }
            }
        }

        /** Every applicable metric, the task's own first, with row weights (null for all 1). */
        public Map<String, Double> evaluate(double[] weights) {
            Map<String, Double> all = task.isClassification() ? classification(weights) : regression(y, p, weights);
            Map<String, Double> ordered = new LinkedHashMap<>();
            ordered.put(task.metric(), all.get(task.metric()));
            ordered.putAll(all);
            return ordered;
        }

        private Map<String, Double> classification(double[] w) {
            int n = y.length;
            int k = task.outputs();
            Confusion cm = Confusion.of(truth, decided, k, w);
            Map<String, Double> m = new LinkedHashMap<>();
            if (k == 2) {
                m.put("auc", Ranking.auc(scores[0], positives[0], w, orders[0]));
                m.put("pr_auc", Ranking.averagePrecision(scores[0], positives[0], w, orders[0]));
            } else {
                double auc = 0;
                double ap = 0;
                int counted = 0;
                for (int c = 0; c < k; c++) {
                    double a = Ranking.auc(scores[c], positives[c], w, orders[c]);
                    if (!Double.isNaN(a)) {
                        auc += a;
                        ap += Ranking.averagePrecision(scores[c], positives[c], w, orders[c]);
                        counted++;
                    }
                }
                m.put("auc", counted == 0 ? Double.NaN : auc / counted);
                m.put("pr_auc", counted == 0 ? Double.NaN : ap / counted);
            }
            m.put("accuracy", cm.accuracy());
            m.put("balanced_accuracy", cm.balancedAccuracy());
            if (k == 2) {
                m.put("f1", cm.f1(1));
                m.put("precision", cm.precision(1));
                m.put("recall", cm.recall(1));
            } else {
                m.put("f1", cm.macro(cm::f1));
                m.put("precision", cm.macro(cm::precision));
                m.put("recall", cm.macro(cm::recall));
            }
            double logLoss = 0;
            double brier = 0;
            double total = 0;
            for (int r = 0; r < n; r++) {
                double wr = w == null ? 1 : w[r];
                logLoss += wr * rowLogLoss[r];
                brier += wr * rowBrier[r];
                total += wr;
            }
            m.put("log_loss", logLoss / total);
            m.put("brier", brier / total);
            m.put("mcc", cm.mcc());
            return m;
        }
    }

    private static Map<String, Double> regression(double[] y, double[] p, double[] w) {
        int n = y.length;
        double total = 0;
        double mean = 0;
        for (int r = 0; r < n; r++) {
            double wr = w == null ? 1 : w[r];
            total += wr;
            mean += wr * y[r];
        }
        mean /= total;
        double se = 0;
        double ae = 0;
        double ape = 0;
        double ss = 0;
        for (int r = 0; r < n; r++) {
            double wr = w == null ? 1 : w[r];
            double d = y[r] - p[r];
            se += wr * d * d;
            ae += wr * Math.abs(d);
            ape += wr * Math.abs(d) / Math.max(Math.abs(y[r]), EPS);
            ss += wr * (y[r] - mean) * (y[r] - mean);
        }
        Map<String, Double> m = new LinkedHashMap<>();
        double mse = se / total;
        m.put("rmse", Math.sqrt(mse));
        m.put("mse", mse);
        m.put("mae", ae / total);
        m.put("r2", ss == 0 ? (se == 0 ? 1.0 : 0.0) : 1 - se / ss);
        m.put("mape", ape / total);
        return m;
    }

    private static double[] column(double[] p, int k, int c, int n) {
        double[] out = new double[n];
        for (int r = 0; r < n; r++) {
            out[r] = p[r * k + c];
        }
        return out;
    }

    private static boolean[] isClass(int[] truth, int c) {
        boolean[] out = new boolean[truth.length];
        for (int r = 0; r < truth.length; r++) {
            out[r] = truth[r] == c;
        }
        return out;
    }
}
