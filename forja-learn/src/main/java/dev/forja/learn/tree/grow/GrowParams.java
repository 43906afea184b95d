package dev.forja.learn.tree.grow;

/**
 * How one tree grows (scikit-learn's meanings).
 *
 * @param criterion            impurity measure
 * @param maxDepth             deepest split level; {@link Integer#MAX_VALUE} for no limit
 * @param minSamplesSplit      a node with fewer training rows is a leaf
 * @param minSamplesLeaf       each child of a split keeps at least this many rows
 * @param maxFeatures          features tried per split (drawn at random without replacement; constant
 *                             features do not count)
 * @param minImpurityDecrease  a split must lower the weighted impurity by at least this much
 *                             ({@code N_t / N * (impurity - N_l / N_t * left - N_r / N_t * right)})
 * @param randomThresholds     extra trees: one uniformly drawn threshold per feature tried, instead of
 *                             the best one
 */
public record GrowParams(Criterion criterion, int maxDepth, int minSamplesSplit, int minSamplesLeaf, int maxFeatures,
                         double minImpurityDecrease, boolean randomThresholds) {
    public GrowParams {
        if (maxDepth < 0 || minSamplesSplit < 2 || minSamplesLeaf < 1 || maxFeatures < 1 || !(minImpurityDecrease >= 0)) {
            throw new IllegalArgumentException("bad tree growth parameters");
        }
    }
}
