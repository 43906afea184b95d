package dev.forja.learn.evaluate;

import java.util.List;
import java.util.Map;

/**
 * What {@code forja evaluate} measured on labelled data the model scored: every metric with a bootstrap
 * confidence interval, the confusion matrix, calibration, the decision threshold (binary), and the
 * metrics per slice of the data.
 *
 * @param intervals metric → [low, high], the 2.5% and 97.5% percentiles over bootstrap resamples
 * @param threshold null unless the task is binary
 */
public record Evaluation(int rows, int skippedRows, Map<String, Double> metrics, Map<String, double[]> intervals, List<String> labels,
                        double[][] confusion, Calibration calibration, Threshold threshold, Map<String, List<Slice>> slices) {

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
