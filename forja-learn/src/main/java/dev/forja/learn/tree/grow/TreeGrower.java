package dev.forja.learn.tree.grow;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Grows one CART tree (Breiman et al.; scikit-learn's algorithm and parameter meanings) on a sample
 * of a {@link TreeData}. Written by hand because no Apache/MIT/BSD JVM library grows CART trees that
 * compile into our evaluator, handle missing values and weights, and are fast enough; Smile is GPL/
 * commercial.
 *
 * <p>Depth first, left child first. At each node, features are drawn at random without replacement
 * until {@code maxFeatures} non-constant ones have been tried (or all have). For each, either the best
 * threshold is found from per-bin statistics ({@link FeatureBins}: exact when every distinct value is a
 * bin) or, for extra trees, one threshold is drawn uniformly between the node's smallest and largest
 * value. Candidates are ranked by scikit-learn's proxy of the impurity decrease, the first strictly
 * best one wins.
 *
 * <p><b>Missing values</b> (NaN): a split learns where they go. When the node has rows with the feature
 * missing, each candidate is scored with them sent left and with them sent right, and the better side
 * becomes the split's default. When the node has none, missing values at prediction go to the child
 * that received more training weight (the left one on a tie). A node only splits on values seen (never on "missing or not").
 *
 * <p>One grower serves one thread: it keeps its scratch arrays between trees. Every random choice comes
 * from the {@link SplittableRandom} passed in.
 */
public final class TreeGrower {
    private static final double EPSILON = Math.ulp(1.0);

    private final TreeData data;
    private final FeatureBins bins;
    private final GrowParams params;
    private final Criterion criterion;
    private final int classes;
    /** Statistics per bin or node: class weights (classification) or (w, w*y, w*y^2). */
    private final int stride;
    private final int leafWidth;

    // Scratch, reused between nodes and trees.
    private int[] idx = new int[0];
    private long[] sortKeys = new long[0];
    private final double[] hist;
    private final int[] histCount;
    private final int[] occCode;
    private final int[] occCount;
    private final double[] occStats;
    private final int[] featureOrder;
    private final double[] nodeStats;
    private final double[] missStats;
    private final double[] leftStats;
    private final double[] sideL;
    private final double[] sideR;
    private final double[] bestLeft;

    // Best split of the current node.
    private int bestFeature;
    private int bestCode;
    private double bestThreshold;
    private boolean bestMissLeft;
    private boolean bestHasMissing;
    private double bestProxy;

    // The tree under construction.
    private int nodes;
    private int[] left = new int[64];
    private int[] right = new int[64];
    private int[] feature = new int[64];
    private double[] threshold = new double[64];
    private boolean[] defaultLeft = new boolean[64];
    private double[] leafValues;
    private double[] rowsAt = new double[64];
    private double[] impurityAt = new double[64];

    /** @param bins the binned features, for best splits; null when growing extra trees */
    public TreeGrower(TreeData data, FeatureBins bins, GrowParams params) {
        if (params.criterion().forClasses() != (data.classes > 0)) {
            throw new IllegalArgumentException(params.criterion().id() + " does not fit " + (data.classes > 0 ? "classes" : "regression"));
        }
        if (!params.randomThresholds() && bins == null) {
            throw new IllegalArgumentException("best splits need binned features");
        }
        this.data = data;
        this.bins = bins;
        this.params = params;
        this.criterion = params.criterion();
        this.classes = data.classes;
        this.stride = classes > 0 ? classes : 3;
        this.leafWidth = data.leafWidth();
        int maxBins = bins == null ? 1 : bins.maxBinCount;
        this.hist = new double[maxBins * stride];
        this.histCount = new int[maxBins];
        this.occCode = new int[maxBins];
        this.occCount = new int[maxBins];
        this.occStats = new double[maxBins * stride];
        this.featureOrder = new int[data.features];
        this.nodeStats = new double[stride];
        this.missStats = new double[stride];
        this.leftStats = new double[stride];
        this.sideL = new double[stride];
        this.sideR = new double[stride];
        this.bestLeft = new double[stride];
        this.leafValues = new double[64 * leafWidth];
    }

    /**
     * Grows a tree on the rows with positive {@code rowWeight} (a bootstrap gives a row weight
     * {@code weight × times drawn}).
     */
    public GrownTree grow(double[] rowWeight, SplittableRandom rng) {
        int n = 0;
        if (idx.length < data.rows) {
            idx = new int[data.rows];
        }
        for (int r = 0; r < data.rows; r++) {
            if (rowWeight[r] > 0) {
                idx[n++] = r;
            }
        }
        nodes = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += rowWeight[idx[i]];
        }
        // Explicit stack of (start, end, depth, parent, isLeft): trees may be deeper than the call stack likes.
        int[] stack = new int[5 * 64];
        int top = 0;
        stack[top++] = 0;
        stack[top++] = n;
        stack[top++] = 0;
        stack[top++] = -1;
        stack[top++] = 0;
        while (top > 0) {
            boolean isLeft = stack[--top] == 1;
            int parent = stack[--top];
            int depth = stack[--top];
            int end = stack[--top];
            int start = stack[--top];
            int node = newNode();
            if (parent >= 0) {
                if (isLeft) {
                    left[parent] = node;
                } else {
                    right[parent] = node;
                }
            }
            double weight = nodeStatistics(start, end, rowWeight);
            double impurity = criterion.impurity(nodeStats, 0, classes, weight);
            impurityAt[node] = impurity;
            rowsAt[node] = end - start;
            int count = end - start;
            boolean leaf = depth >= params.maxDepth() || count < params.minSamplesSplit() || count < 2 * params.minSamplesLeaf()
                    || impurity <= EPSILON;
            if (!leaf) {
                leaf = !findSplit(start, end, weight, rowWeight, rng);
            }
            if (!leaf) {
                double wl = weightOf(bestLeft);
                double wr = weight - wl;
                double[] rightStats = sideR;
                for (int k = 0; k < stride; k++) {
                    rightStats[k] = nodeStats[k] - bestLeft[k];
                }
                double improvement = (weight / total) * (impurity - wl / weight * criterion.impurity(bestLeft, 0, classes, wl)
                        - wr / weight * criterion.impurity(rightStats, 0, classes, wr));
                leaf = improvement + EPSILON < params.minImpurityDecrease();
                if (!leaf) {
                    int mid = partition(start, end);
                    feature[node] = bestFeature;
                    threshold[node] = bestThreshold;
                    defaultLeft[node] = bestHasMissing ? bestMissLeft : wl >= wr;
                    if (top + 10 > stack.length) {
                        stack = Arrays.copyOf(stack, stack.length * 2);
                    }
                    // Right pushed first so the left child is grown (and numbered) first.
                    stack[top++] = mid;
                    stack[top++] = end;
                    stack[top++] = depth + 1;
                    stack[top++] = node;
                    stack[top++] = 0;
                    stack[top++] = start;
                    stack[top++] = mid;
                    stack[top++] = depth + 1;
                    stack[top++] = node;
                    stack[top++] = 1;
                    continue;
                }
            }
            setLeaf(node, weight);
        }
        return new GrownTree(nodes, leafWidth, left, right, feature, threshold, defaultLeft, leafValues, rowsAt, impurityAt);
    }

    private int newNode() {
        if (nodes == left.length) {
            int cap = nodes * 2;
            left = Arrays.copyOf(left, cap);
            right = Arrays.copyOf(right, cap);
            feature = Arrays.copyOf(feature, cap);
            threshold = Arrays.copyOf(threshold, cap);
            defaultLeft = Arrays.copyOf(defaultLeft, cap);
            rowsAt = Arrays.copyOf(rowsAt, cap);
            impurityAt = Arrays.copyOf(impurityAt, cap);
            leafValues = Arrays.copyOf(leafValues, cap * leafWidth);
        }
        int n = nodes++;
        left[n] = -1;
        right[n] = -1;
        feature[n] = 0;
        threshold[n] = 0;
        defaultLeft[n] = false;
        Arrays.fill(leafValues, n * leafWidth, (n + 1) * leafWidth, 0.0);
        return n;
    }

    private void setLeaf(int node, double weight) {
        left[node] = -1;
        right[node] = -1;
        int o = node * leafWidth;
        if (classes == 0) {
            leafValues[o] = nodeStats[1] / weight;
        } else if (classes == 2) {
            leafValues[o] = nodeStats[1] / weight;
        } else {
            for (int k = 0; k < classes; k++) {
                leafValues[o + k] = nodeStats[k] / weight;
            }
        }
    }

    private double weightOf(double[] s) {
        if (classes == 0) {
            return s[0];
        }
        double w = 0;
        for (int k = 0; k < classes; k++) {
            w += s[k];
        }
        return w;
    }

    /** Fills {@link #nodeStats} for rows {@code idx[start, end)} and returns their total weight. */
    private double nodeStatistics(int start, int end, double[] rowWeight) {
        Arrays.fill(nodeStats, 0.0);
        double total = 0;
        if (classes > 0) {
            int[] label = data.label;
            for (int i = start; i < end; i++) {
                int r = idx[i];
                double w = rowWeight[r];
                nodeStats[label[r]] += w;
                total += w;
            }
        } else {
            double[] y = data.target;
            for (int i = start; i < end; i++) {
                int r = idx[i];
                double w = rowWeight[r];
                double wy = w * y[r];
                nodeStats[0] += w;
                nodeStats[1] += wy;
                nodeStats[2] += wy * y[r];
            }
            total = nodeStats[0];
        }
        return total;
    }

    private void addRow(double[] s, int off, int r, double w) {
        if (classes > 0) {
            s[off + data.label[r]] += w;
        } else {
            double wy = w * data.target[r];
            s[off] += w;
            s[off + 1] += wy;
            s[off + 2] += wy * data.target[r];
        }
    }

    /** Looks for the node's best split; fills the best* fields; false when no valid split exists. */
    private boolean findSplit(int start, int end, double weight, double[] rowWeight, SplittableRandom rng) {
        int f = data.features;
        for (int j = 0; j < f; j++) {
            featureOrder[j] = j;
        }
        bestProxy = Double.NEGATIVE_INFINITY;
        bestFeature = -1;
        int tried = 0;
        for (int drawn = 0; drawn < f && tried < params.maxFeatures(); drawn++) {
            int pick = drawn + rng.nextInt(f - drawn);
            int j = featureOrder[pick];
            featureOrder[pick] = featureOrder[drawn];
            featureOrder[drawn] = j;
            boolean varies = params.randomThresholds() ? tryRandom(j, start, end, rowWeight, rng) : tryBest(j, start, end, rowWeight);
            if (varies) {
                tried++;
            }
        }
        return bestFeature >= 0;
    }

    // ---- best split on binned features -------------------------------------------------------------

    /** Scores every threshold of feature {@code f}; false if the feature is constant in the node. */
    private boolean tryBest(int f, int start, int end, double[] rowWeight) {
        int m = occupiedBins(f, start, end, rowWeight);
        if (m < 2) {
            return false;
        }
        int missCount = missingCount;
        int count = end - start;
        int nonMissing = count - missCount;
        Arrays.fill(leftStats, 0.0);
        int leftCount = 0;
        int minLeaf = params.minSamplesLeaf();
        for (int i = 0; i < m - 1; i++) {
            int o = i * stride;
            for (int k = 0; k < stride; k++) {
                leftStats[k] += occStats[o + k];
            }
            leftCount += occCount[i];
            int rightCount = nonMissing - leftCount;
            if (missCount == 0) {
                if (leftCount >= minLeaf && rightCount >= minLeaf) {
                    score(f, occCode[i], occCode[i + 1], Double.NaN, false, false);
                }
            } else {
                if (leftCount + missCount >= minLeaf && rightCount >= minLeaf) {
                    score(f, occCode[i], occCode[i + 1], Double.NaN, true, true);
                }
                if (leftCount >= minLeaf && rightCount + missCount >= minLeaf) {
                    score(f, occCode[i], occCode[i + 1], Double.NaN, true, false);
                }
            }
        }
        return true;
    }

    private int missingCount;

    /**
     * Collects the node's non-empty bins of feature {@code f}, in order, into occCode/occCount/occStats
     * (and the missing rows into missStats/missingCount). Returns how many bins are occupied. Large
     * nodes add into a histogram; nodes much smaller than the number of bins sort their codes instead,
     * so that a deep node does not walk thousands of empty bins.
     */
    private int occupiedBins(int f, int start, int end, double[] rowWeight) {
        int[] code = bins.codes[f];
        int nb = bins.bins[f];
        int count = end - start;
        Arrays.fill(missStats, 0.0);
        missingCount = 0;
        int m = 0;
        if (nb <= 4 * count) {
            if (classes > 0) {
                int[] label = data.label;
                for (int i = start; i < end; i++) {
                    int r = idx[i];
                    int c = code[r];
                    if (c < 0) {
                        missStats[label[r]] += rowWeight[r];
                        missingCount++;
                    } else {
                        hist[c * stride + label[r]] += rowWeight[r];
                        histCount[c]++;
                    }
                }
            } else {
                double[] y = data.target;
                for (int i = start; i < end; i++) {
                    int r = idx[i];
                    int c = code[r];
                    double w = rowWeight[r];
                    double wy = w * y[r];
                    if (c < 0) {
                        missStats[0] += w;
                        missStats[1] += wy;
                        missStats[2] += wy * y[r];
                        missingCount++;
                    } else {
                        int o = c * 3;
                        hist[o] += w;
                        hist[o + 1] += wy;
                        hist[o + 2] += wy * y[r];
                        histCount[c]++;
                    }
                }
            }
            for (int c = 0; c < nb; c++) {
                int k = histCount[c];
                if (k == 0) {
                    continue;
                }
                occCode[m] = c;
                occCount[m] = k;
                System.arraycopy(hist, c * stride, occStats, m * stride, stride);
                Arrays.fill(hist, c * stride, (c + 1) * stride, 0.0);
                histCount[c] = 0;
                m++;
            }
            return m;
        }
        if (sortKeys.length < count) {
            sortKeys = new long[Math.max(count, 1024)];
        }
        int s = 0;
        for (int i = start; i < end; i++) {
            int r = idx[i];
            int c = code[r];
            if (c < 0) {
                addRow(missStats, 0, r, rowWeight[r]);
                missingCount++;
            } else {
                sortKeys[s++] = ((long) c << 32) | r;
            }
        }
        Arrays.sort(sortKeys, 0, s);
        int last = -1;
        for (int i = 0; i < s; i++) {
            int c = (int) (sortKeys[i] >>> 32);
            int r = (int) sortKeys[i];
            if (c != last) {
                occCode[m] = c;
                occCount[m] = 0;
                Arrays.fill(occStats, m * stride, (m + 1) * stride, 0.0);
                m++;
                last = c;
            }
            occCount[m - 1]++;
            addRow(occStats, (m - 1) * stride, r, rowWeight[r]);
        }
        return m;
    }

    /**
     * Scores the candidate whose non-missing left side is {@link #leftStats} (the node's non-missing
     * rest on the right), with missing rows on the left or right when {@code hasMissing}.
     */
    private void score(int f, int codeLow, int codeHigh, double randomThreshold, boolean hasMissing, boolean missLeft) {
        for (int k = 0; k < stride; k++) {
            double l = leftStats[k];
            double r = nodeStats[k] - missStats[k] - l;
            if (hasMissing) {
                if (missLeft) {
                    l += missStats[k];
                } else {
                    r += missStats[k];
                }
            }
            sideL[k] = l;
            sideR[k] = r;
        }
        double wl = weightOf(sideL);
        double wr = weightOf(sideR);
        if (!(wl > 0) || !(wr > 0)) {
            return;
        }
        double proxy = criterion.proxy(sideL, sideR, classes, wl, wr);
        if (proxy > bestProxy) {
            bestProxy = proxy;
            bestFeature = f;
            bestCode = codeLow;
            bestThreshold = Double.isNaN(randomThreshold) ? bins.threshold(f, codeLow, codeHigh) : randomThreshold;
            bestHasMissing = hasMissing;
            bestMissLeft = missLeft;
            System.arraycopy(sideL, 0, bestLeft, 0, stride);
        }
    }

    // ---- extra trees: one random threshold per feature -----------------------------------------------

    /** Scores one uniformly drawn threshold of feature {@code f}; false if constant in the node. */
    private boolean tryRandom(int f, int start, int end, double[] rowWeight, SplittableRandom rng) {
        double[] col = data.columns[f];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = start; i < end; i++) {
            double v = col[idx[i]];
            if (v < min) {
                min = v;
            }
            if (v > max) {
                max = v;
            }
        }
        if (!(max > min)) {
            return false;
        }
        double u = rng.nextDouble();
        double t = min + u * (max - min);
        if (!Double.isFinite(t)) {
            t = (1 - u) * min + u * max;
        }
        if (!(t > min)) {
            t = Math.nextUp(min);
        }
        Arrays.fill(leftStats, 0.0);
        Arrays.fill(missStats, 0.0);
        int leftCount = 0;
        int missCount = 0;
        for (int i = start; i < end; i++) {
            int r = idx[i];
            double v = col[r];
            if (v < t) {
                addRow(leftStats, 0, r, rowWeight[r]);
                leftCount++;
            } else if (Double.isNaN(v)) {
                addRow(missStats, 0, r, rowWeight[r]);
                missCount++;
            }
        }
        int rightCount = end - start - missCount - leftCount;
        int minLeaf = params.minSamplesLeaf();
        if (missCount == 0) {
            if (leftCount >= minLeaf && rightCount >= minLeaf) {
                score(f, -1, -1, t, false, false);
            }
        } else {
            if (leftCount + missCount >= minLeaf && rightCount >= minLeaf) {
                score(f, -1, -1, t, true, true);
            }
            if (leftCount >= minLeaf && rightCount + missCount >= minLeaf) {
                score(f, -1, -1, t, true, false);
            }
        }
        return true;
    }

    /** Moves the best split's left rows to the front of {@code idx[start, end)}; returns the boundary. */
    private int partition(int start, int end) {
        int i = start;
        int j = end - 1;
        if (params.randomThresholds()) {
            double[] col = data.columns[bestFeature];
            double t = bestThreshold;
            boolean missLeft = bestMissLeft;
            while (i <= j) {
                double v = col[idx[i]];
                if (v < t || (missLeft && Double.isNaN(v))) {
                    i++;
                } else {
                    int tmp = idx[i];
                    idx[i] = idx[j];
                    idx[j--] = tmp;
                }
            }
        } else {
            int[] code = bins.codes[bestFeature];
            int cut = bestCode;
            boolean missLeft = bestMissLeft;
            while (i <= j) {
                int c = code[idx[i]];
                if (c >= 0 ? c <= cut : missLeft) {
                    i++;
                } else {
                    int tmp = idx[i];
                    idx[i] = idx[j];
                    idx[j--] = tmp;
                }
            }
        }
        return i;
    }
}
