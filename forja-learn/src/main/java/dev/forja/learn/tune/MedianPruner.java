package dev.forja.learn.tune;

import java.util.Arrays;
import java.util.List;

/**
 * Optuna's {@code MedianPruner} with folds as the steps: after fold f, a trial whose running mean is
 * worse than the median of the completed trials' running means after the same fold stops there. Waits
 * for {@value #STARTUP} completed trials, never prunes after the last fold (nothing left to save).
 */
public final class MedianPruner {
    static final int STARTUP = 5;

    /** What it does, in words, for the report and the run's tags. */
    public String describe() {
        return "median pruning after each fold (once " + STARTUP + " trials completed)";
    }

    /**
     * Whether a trial whose folds so far average {@code runningMean} (in the metric's own direction)
     * should stop after fold {@code fold} of {@code folds}; {@code sign} is 1 when higher is better, else -1.
     */
    public boolean prune(int fold, int folds, double runningMean, List<Trial> history, double sign) {
        if (fold >= folds - 1) {
            return false;
        }
        double[] means = history.stream().filter(t -> t.state() == Trial.State.COMPLETE && t.foldScores().length > fold)
                .mapToDouble(t -> sign * Arrays.stream(t.foldScores(), 0, fold + 1).average().orElse(Double.NaN)).sorted().toArray();
        if (means.length < STARTUP) {
            return false;
        }
        int n = means.length;
        double median = n % 2 == 1 ? means[n / 2] : (means[n / 2 - 1] + means[n / 2]) / 2;
        return sign * runningMean < median;
    }
}
