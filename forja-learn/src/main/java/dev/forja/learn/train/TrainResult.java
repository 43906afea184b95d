package dev.forja.learn.train;

import dev.forja.learn.model.Model;
import java.util.List;
import java.util.Map;

/**
 * What a training run produced: the model, its test metrics next to the baseline's, cross-validation
 * scores when asked, the sizes of each part, the test rows and their predictions (so a reloaded model
 * can be checked to reproduce them), and notes on anything dropped or changed.
 *
 * @param testRows        row numbers of the test part in the data as read
 * @param testPredictions the model's outputs on those rows, row-major
 * @param cvScores        the optimised metric per fold (empty without --cv)
 * @param overfit         null unless --check-overfit
 */
public record TrainResult(Model model, Map<String, Double> metrics, Map<String, Double> baselineMetrics, int trainRows,
                          int validRows, int[] testRows, double[] testPredictions, double[] cvScores, double trainSeconds,
                          List<String> notes, OverfitCheck overfit) {
    /** The tiny-subset check: can the model fit a few rows almost perfectly? */
    public record OverfitCheck(int rows, String metric, double score, double target, boolean passed, String message) {
    }
}
