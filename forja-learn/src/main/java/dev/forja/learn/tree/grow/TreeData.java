package dev.forja.learn.tree.grow;

import dev.forja.core.task.Task;
import dev.forja.learn.learners.TrainingSet;

/**
 * Training data laid out for growing trees, shared read-only by all trees of a forest: features by
 * column (each split scans one feature over a node's rows), the target as class index or value, and
 * each row's weight (the training set's weight times its class weight).
 */
public final class TreeData {
    final int rows;
    final int features;
    final double[][] columns;
    /** Number of classes; 0 for regression. */
    final int classes;
    final int[] label;
    final double[] target;
    final double[] weight;

    private TreeData(int rows, int features, double[][] columns, int classes, int[] label, double[] target, double[] weight) {
        this.rows = rows;
        this.features = features;
        this.columns = columns;
        this.classes = classes;
        this.label = label;
        this.target = target;
        this.weight = weight;
    }

    /**
     * @param balanced weight classes by {@code rows / (classes * rows of the class)} (scikit-learn's
     *                 {@code class_weight="balanced"}), on top of the set's own weights
     */
    public static TreeData of(TrainingSet set, boolean balanced) {
        int n = set.rows();
        int f = set.x().width();
        double[] values = set.x().values();
        double[][] columns = new double[f][n];
        for (int r = 0; r < n; r++) {
            int o = r * f;
            for (int j = 0; j < f; j++) {
                columns[j][r] = values[o + j];
            }
        }
        Task task = set.task();
        double[] weight = new double[n];
        for (int r = 0; r < n; r++) {
            double w = set.weight(r);
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("row " + r + " has weight " + w);
            }
            weight[r] = w;
        }
        if (!task.isClassification()) {
            double[] y = set.y().clone();
            for (int r = 0; r < n; r++) {
                if (!Double.isFinite(y[r])) {
                    throw new IllegalArgumentException("target of row " + r + " is " + y[r]);
                }
            }
            return new TreeData(n, f, columns, 0, null, y, weight);
        }
        int k = task.classes().size();
        int[] label = new int[n];
        int[] count = new int[k];
        for (int r = 0; r < n; r++) {
            double y = set.y()[r];
            int c = (int) y;
            if (c != y || c < 0 || c >= k) {
                throw new IllegalArgumentException("target of row " + r + " is " + y + ", not a class index below " + k);
            }
            label[r] = c;
            count[c]++;
        }
        if (balanced) {
            for (int r = 0; r < n; r++) {
                weight[r] *= (double) n / (k * (double) count[label[r]]);
            }
        }
        return new TreeData(n, f, columns, k, label, null, weight);
    }

    public int rows() {
        return rows;
    }

    public int features() {
        return features;
    }

    public int classes() {
        return classes;
    }

    /** Values per leaf: P(positive) for two classes, one probability per class for more, the mean for regression. */
    public int leafWidth() {
        return classes > 2 ? classes : 1;
    }
}
