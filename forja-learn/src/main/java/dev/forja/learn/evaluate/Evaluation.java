package dev.forja.learn.evaluate;

import java.util.List;
import java.util.Map;

/**
 * What {@code forja evaluate} measured on labelled data the model scored: every metric with a bootstrap
 * confidence interval, the confusion matrix, calibration, the decision threshold (binary), and the
 * metrics per slice of the data.
 *
 * @param intervals  metric → [low, high], the 2.5% and 97.5% percentiles over bootstrap resamples
 * @param perClass   class label → precision, recall, f1, support (classification)
 * @param threshold  null unless the task is binary
 * @param confidence coverage and accuracy when the model abstains below a confidence (classification)
 * @param fairness   slice column → demographic parity and equal opportunity differences across its slices (binary)
 * @param behaviour  perturbation, invariance, directional expectations and permutation importance; null when not measured
 * @param curves     ROC and precision-recall curves; null unless the task is binary
 */
public record Evaluation(int rows, int skippedRows, Map<String, Double> metrics, Map<String, double[]> intervals, List<String> labels,
                        double[][] confusion, Map<String, Map<String, Double>> perClass, Calibration calibration, Threshold threshold,
                        List<double[]> confidence, Map<String, List<Slice>> slices, Map<String, Map<String, Double>> fairness,
                        Behaviour.Result behaviour, Curves curves) {

    /**
     * The ROC and precision-recall curves of a binary model, in scikit-learn's layout: ROC points from
     * (0, 0) through one point per distinct score, thresholds descending ({@code roc_curve} with
     * {@code drop_intermediate=False}, without its sentinel first threshold); precision and recall per
     * distinct score, thresholds ascending ({@code precision_recall_curve} without its final (1, 0) point).
     */
    public record Curves(double[] rocFpr, double[] rocTpr, double[] rocThresholds, double[] precision, double[] recall, double[] prThresholds) {
    }


    /** Columns of {@link #confidence}: the confidence threshold, the share of rows at or above it, their accuracy. */
    public static final List<String> CONFIDENCE_COLUMNS = List.of("threshold", "coverage", "accuracy");

    /** One slice of a column: a category, or a quantile bin of a number ("[20, 28)"), with its metrics. */
    public record Slice(String value, int count, Map<String, Double> metrics) {
    }

    /**
     * The binary decision threshold: the curve of precision, recall and false-positive rate over
     * thresholds, and, with costs, the threshold that minimises the expected cost per row and the
     * confusion matrix it gives.
     */
    public record Threshold(double current, List<double[]> curve, Double falsePositiveCost, Double falseNegativeCost, Double best,
                            Double bestCost, double[][] bestConfusion) {
        /** Columns of {@link #curve}: threshold, precision, recall, false-positive rate, expected cost per row (NaN without costs). */
        public static final List<String> CURVE_COLUMNS = List.of("threshold", "precision", "recall", "fpr", "cost");
    }
}
