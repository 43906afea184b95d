package dev.forja.learn.automl;

import java.util.Map;

/**
 * One leaderboard row: a learner with its best configuration found, scored on the same folds as every
 * other, with what it costs to serve.
 *
 * @param trials        configurations tried for this learner
 * @param trainSeconds  one fit on a fold's training rows
 * @param latencyMs     median time to score one row through the serving path
 * @param sizeBytes     the saved predictor's size
 * @param interpretable whether a person can read the model (linear models, naive Bayes, a shallow tree, the baseline)
 */
public record Candidate(String model, Map<String, String> params, double cvMetric, double cvStd, double score, int trials, double trainSeconds,
                        double latencyMs, long sizeBytes, boolean interpretable, String stage) {
}
