package dev.forja.learn.tree.eval;

import java.util.Arrays;

/**
 * Collects trees, in any node numbering, into the flat layout of a {@link TreeEnsemble}: each tree
 * breadth-first from its root, the two children of a split side by side (right = left + 1), and each
 * leaf pointing at itself with a threshold of +infinity so that a descent may run on past it.
 *
 * <p>A tree is given as parallel arrays indexed by node, root = node 0: {@code left[n] < 0} marks a
 * leaf; splits send a row left when {@code x[feature[n]] < threshold[n]}, and rows missing that
 * feature (NaN) left when {@code defaultLeft[n]}. A leaf's values are
 * {@code leafValues[n * leafWidth ...]}; {@code cover[n]} is the training weight that reached the node
 * (shown in rules; may be null).
 */
public final class TreeEnsembleBuilder {
    private final int features;
    private final int margins;
    private final int leafWidth;
    private final OutputTransform transform;
    private final double[] base;
    private final double scale;
    private final boolean float32;

    private int trees;
    private int[] treeRoot = new int[16];
    private int[] treeGroup = new int[16];
    private int[] treeDepth = new int[16];

    private int nodes;
    private int[] feature = new int[256];
    private double[] threshold = new double[256];
    private int[] left = new int[256];
    private boolean[] defaultLeft = new boolean[256];
    private double[] cover = new double[256];
    private double[] leafValues;

    /**
     * @param features  the row width the trees read
     * @param margins   values summed per row (e.g. classes of a multiclass booster)
     * @param leafWidth values per leaf, added to margins {@code group ... group + leafWidth - 1}
     * @param transform margins to outputs
     * @param base      per margin, added before the trees (XGBoost's base score in margin space)
     * @param scale     multiplies the sum of the trees (1 / trees for an average); must be 1 when
     *                  {@code float32}
     * @param float32   sum and transform in single precision, as XGBoost does
     */
    public TreeEnsembleBuilder(int features, int margins, int leafWidth, OutputTransform transform, double[] base,
                               double scale, boolean float32) {
        if (features < 0 || margins < 1 || leafWidth < 1 || leafWidth > margins || base.length != margins) {
            throw new IllegalArgumentException("bad ensemble shape: " + features + " features, " + margins + " margins, leaf width "
                    + leafWidth + ", " + base.length + " base values");
        }
        if (!transform.accepts(margins)) {
            throw new IllegalArgumentException(transform.id() + " does not take " + margins + " margins");
        }
        if (float32 && scale != 1.0) {
            throw new IllegalArgumentException("single-precision sums take no scale");
        }
        this.features = features;
        this.margins = margins;
        this.leafWidth = leafWidth;
        this.transform = transform;
        this.base = base.clone();
        this.scale = scale;
        this.float32 = float32;
        this.leafValues = new double[256 * leafWidth];
    }

    public int trees() {
        return trees;
    }

    /**
     * Adds one tree whose leaves add into margins {@code group ... group + leafWidth - 1}.
     *
     * @throws IllegalArgumentException if the arrays do not describe a tree reachable from node 0
     */
    public TreeEnsembleBuilder addTree(int group, int[] leftChild, int[] rightChild, int[] splitFeature, double[] splitThreshold,
                                       boolean[] missingLeft, double[] leaf, double[] nodeCover) {
        int n = leftChild.length;
        if (n == 0 || rightChild.length != n || splitFeature.length != n || splitThreshold.length != n || missingLeft.length != n
                || leaf.length < n * leafWidth || (nodeCover != null && nodeCover.length != n)) {
            throw new IllegalArgumentException("tree arrays differ in length");
        }
        if (group < 0 || group + leafWidth > margins) {
            throw new IllegalArgumentException("group " + group + " outside the " + margins + " margins");
        }
        ensureTrees(trees + 1);
        ensureNodes(nodes + n);
        int root = nodes;
        // Breadth-first: queue holds source node ids; position in queue = new id - root.
        int[] queue = new int[n];
        int[] depthOf = new int[n];
        boolean[] seen = new boolean[n];
        int head = 0;
        int tail = 0;
        queue[tail++] = 0;
        seen[0] = true;
        int maxDepth = 0;
        while (head < tail) {
            int src = queue[head];
            int dst = root + head;
            head++;
            maxDepth = Math.max(maxDepth, depthOf[src]);
            cover[dst] = nodeCover == null ? 0 : nodeCover[src];
            if (leftChild[src] < 0) {
                feature[dst] = 0;
                threshold[dst] = Double.POSITIVE_INFINITY;
                left[dst] = dst;
                defaultLeft[dst] = true;
                System.arraycopy(leaf, src * leafWidth, leafValues, dst * leafWidth, leafWidth);
                continue;
            }
            int l = leftChild[src];
            int r = rightChild[src];
            if (l >= n || r < 0 || r >= n || seen[l] || seen[r] || l == r) {
                throw new IllegalArgumentException("node " + src + " has bad children " + l + ", " + r);
            }
            int f = splitFeature[src];
            if (f < 0 || f >= features) {
                throw new IllegalArgumentException("node " + src + " splits on feature " + f + " of " + features);
            }
            if (Double.isNaN(splitThreshold[src])) {
                throw new IllegalArgumentException("node " + src + " has a NaN threshold");
            }
            feature[dst] = f;
            threshold[dst] = splitThreshold[src];
            defaultLeft[dst] = missingLeft[src];
            left[dst] = root + tail;
            seen[l] = true;
            seen[r] = true;
            depthOf[l] = depthOf[src] + 1;
            depthOf[r] = depthOf[src] + 1;
            queue[tail++] = l;
            queue[tail++] = r;
        }
        if (tail != n) {
            throw new IllegalArgumentException("tree has " + (n - tail) + " node(s) unreachable from its root");
        }
        nodes += n;
        treeRoot[trees] = root;
        treeGroup[trees] = group;
        treeDepth[trees] = maxDepth;
        trees++;
        return this;
    }

    public TreeEnsemble build() {
        return new TreeEnsemble(features, margins, leafWidth, transform, base, scale, float32,
                Arrays.copyOf(treeRoot, trees), Arrays.copyOf(treeGroup, trees), Arrays.copyOf(treeDepth, trees),
                Arrays.copyOf(feature, nodes), Arrays.copyOf(threshold, nodes), Arrays.copyOf(left, nodes),
                Arrays.copyOf(defaultLeft, nodes), Arrays.copyOf(leafValues, nodes * leafWidth), Arrays.copyOf(cover, nodes));
    }

    private void ensureTrees(int want) {
        if (want > treeRoot.length) {
            int cap = Math.max(want, treeRoot.length * 2);
            treeRoot = Arrays.copyOf(treeRoot, cap);
            treeGroup = Arrays.copyOf(treeGroup, cap);
            treeDepth = Arrays.copyOf(treeDepth, cap);
        }
    }

    private void ensureNodes(int want) {
        if (want > feature.length) {
            int cap = Math.max(want, feature.length * 2);
            feature = Arrays.copyOf(feature, cap);
            threshold = Arrays.copyOf(threshold, cap);
            left = Arrays.copyOf(left, cap);
            defaultLeft = Arrays.copyOf(defaultLeft, cap);
            cover = Arrays.copyOf(cover, cap);
            leafValues = Arrays.copyOf(leafValues, cap * leafWidth);
        }
    }
}
