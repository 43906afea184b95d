package dev.forja.core.metrics;

import java.util.Arrays;

/**
 * Threshold-free ranking metrics for one positive class: ROC AUC by the Mann–Whitney statistic with
 * average ranks (ties count one half, exactly as scikit-learn's roc_auc_score), and average precision
 * (scikit-learn's average_precision_score: precision at each distinct score threshold weighted by the
 * recall gained there).
 */
final class Ranking {
    private Ranking() {
    }

    /** AUC of {@code score} for {@code positive[i]}; NaN when only one class is present. */
    static double auc(double[] score, boolean[] positive, double[] weight) {
        int n = score.length;
        Integer[] order = order(score);
        double wPos = 0;
        double wNeg = 0;
        double sum = 0; // sum over positives of weighted count of negatives ranked below (+ half ties)
        int i = 0;
        double negBelow = 0;
        while (i < n) {
            int j = i;
            double groupPos = 0;
            double groupNeg = 0;
            while (j < n && score[order[j]] == score[order[i]]) {
                int r = order[j];
                double w = weight == null ? 1 : weight[r];
                if (positive[r]) {
                    groupPos += w;
                } else {
                    groupNeg += w;
                }
                j++;
            }
            sum += groupPos * (negBelow + groupNeg / 2);
            negBelow += groupNeg;
            wPos += groupPos;
            wNeg += groupNeg;
            i = j;
        }
        if (wPos == 0 || wNeg == 0) {
            return Double.NaN;
        }
        return sum / (wPos * wNeg);
    }

    /** Average precision; NaN without positives. */
    static double averagePrecision(double[] score, boolean[] positive, double[] weight) {
        int n = score.length;
        Integer[] order = order(score);
        double totalPos = 0;
        for (int r = 0; r < n; r++) {
            if (positive[r]) {
                totalPos += weight == null ? 1 : weight[r];
            }
        }
        if (totalPos == 0) {
            return Double.NaN;
        }
        double tp = 0;
        double fp = 0;
        double ap = 0;
        double lastRecall = 0;
        int i = n - 1;
        while (i >= 0) {
            int j = i;
            while (j >= 0 && score[order[j]] == score[order[i]]) {
                int r = order[j];
                double w = weight == null ? 1 : weight[r];
                if (positive[r]) {
                    tp += w;
                } else {
                    fp += w;
                }
                j--;
            }
            double recall = tp / totalPos;
            double precision = tp + fp == 0 ? 1 : tp / (tp + fp);
            ap += (recall - lastRecall) * precision;
            lastRecall = recall;
            i = j;
        }
        return ap;
    }

    /** Row numbers by ascending score (stable). */
    private static Integer[] order(double[] score) {
        Integer[] order = new Integer[score.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        return order;
    }
}
