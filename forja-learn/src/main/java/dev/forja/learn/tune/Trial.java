package dev.forja.learn.tune;

import java.util.Map;

/**
 * One evaluated configuration.
 *
 * @param params    the sampled values (fixed ones not included)
 * @param score     the mean cross-validation metric over the folds run, oriented so that higher is better
 * @param metric    the same mean in the metric's own direction (what users read)
 * @param foldScores the metric per fold run (fewer than the folds when pruned)
 */
public record Trial(int number, Map<String, String> params, State state, double score, double metric, double std, double[] foldScores,
                    double seconds, String error) {
    public enum State { COMPLETE, PRUNED, FAILED }
}
