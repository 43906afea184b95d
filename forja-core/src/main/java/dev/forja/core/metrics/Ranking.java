package dev.forja.core.metrics;

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
        return auc(score, positive, weight, order(score));
    }

    /** As {@link #auc(double[], boolean[], double[])} with the rows' ascending {@link #order} given. */
    static double auc(double[] score, boolean[] positive, double[] weight, int[] order) {
        int n = score.length;
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
        return averagePrecision(score, positive, weight, order(score));
    }

    /** As {@link #averagePrecision(double[], boolean[], double[])} with the rows' ascending {@link #order} given. */
    static double averagePrecision(double[] score, boolean[] positive, double[] weight, int[] order) {
        int n = score.length;
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

    /**
     * Row numbers by ascending score, ties in row order: a merge sort of primitive indices, since the
     * JDK sorts indices by a key only when they are boxed (several times slower and a million objects
     * at a million rows).
     */
    static int[] order(double[] score) {
        int n = score.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] buffer = new int[n];
        mergeSort(score, order, buffer, 0, n);
        return order;
    }

    private static void mergeSort(double[] key, int[] a, int[] buffer, int from, int to) {
        if (to - from <= 16) {
            for (int i = from + 1; i < to; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= from && Double.compare(key[a[j]], key[v]) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(key, a, buffer, from, mid);
        mergeSort(key, a, buffer, mid, to);
        if (Double.compare(key[a[mid - 1]], key[a[mid]]) <= 0) {
            return;
        }
        System.arraycopy(a, from, buffer, from, to - from);
        int i = from;
        int j = mid;
        for (int out = from; out < to; out++) {
            if (j >= to || (i < mid && Double.compare(key[buffer[i]], key[buffer[j]]) <= 0)) {
                a[out] = buffer[i++];
            } else {
                a[out] = buffer[j++];
            }
        }
    }
}
