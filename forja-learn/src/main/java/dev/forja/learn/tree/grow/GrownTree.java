package dev.forja.learn.tree.grow;

import dev.forja.learn.tree.eval.TreeEnsembleBuilder;
import java.util.Arrays;

/**
 * One grown tree in growth order (depth first, left child first, as scikit-learn numbers nodes):
 * {@code left[n] < 0} for leaves. {@code rows[n]} counts the distinct training rows that reached node
 * {@code n} (it becomes the evaluator's cover, shown in rules).
 */
public final class GrownTree {
    final int nodes;
    final int leafWidth;
    final int[] left;
    final int[] right;
    final int[] feature;
    final double[] threshold;
    final boolean[] defaultLeft;
    final double[] leafValues;
    final double[] rows;
    final double[] impurity;

    GrownTree(int nodes, int leafWidth, int[] left, int[] right, int[] feature, double[] threshold, boolean[] defaultLeft,
              double[] leafValues, double[] rows, double[] impurity) {
        this.nodes = nodes;
        this.leafWidth = leafWidth;
        this.left = Arrays.copyOf(left, nodes);
        this.right = Arrays.copyOf(right, nodes);
        this.feature = Arrays.copyOf(feature, nodes);
        this.threshold = Arrays.copyOf(threshold, nodes);
        this.defaultLeft = Arrays.copyOf(defaultLeft, nodes);
        this.leafValues = Arrays.copyOf(leafValues, nodes * leafWidth);
        this.rows = Arrays.copyOf(rows, nodes);
        this.impurity = Arrays.copyOf(impurity, nodes);
    }

    public int nodes() {
        return nodes;
    }

    public boolean isLeaf(int n) {
        return left[n] < 0;
    }

    public int left(int n) {
        return left[n];
    }

    public int right(int n) {
        return right[n];
    }

    public int feature(int n) {
        return feature[n];
    }

    public double threshold(int n) {
        return threshold[n];
    }

    public boolean defaultLeft(int n) {
        return defaultLeft[n];
    }

    /** Leaf value {@code k} (class probability, P(positive) for two classes, or the mean). */
    public double value(int n, int k) {
        return leafValues[n * leafWidth + k];
    }

    public double rows(int n) {
        return rows[n];
    }

    public double impurity(int n) {
        return impurity[n];
    }

    /** Adds this tree to an ensemble under construction. */
    public void addTo(TreeEnsembleBuilder b) {
        b.addTree(0, left, right, feature, threshold, defaultLeft, leafValues, rows);
    }
}
