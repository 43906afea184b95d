package dev.forja.learn.learners;

/**
 * What a learner needs from the feature pipeline, so that {@code forja train} can build a sensible one
 * automatically: trees need no scaling and can take missing values and ordinal codes; linear models
 * and k-NN need imputation, scaling and one-hot encoding.
 *
 * @param scaling        features should be standardised
 * @param missingValues  the learner handles NaN itself (no imputation needed)
 * @param oneHot         categorical columns should be one-hot encoded (else ordinal codes)
 * @param nonNegative    features must be non-negative (multinomial naive Bayes)
 */
public record FeatureNeeds(boolean scaling, boolean missingValues, boolean oneHot, boolean nonNegative) {
    public static final FeatureNeeds TREES = new FeatureNeeds(false, true, false, false);
    public static final FeatureNeeds LINEAR = new FeatureNeeds(true, false, true, false);
    public static final FeatureNeeds ANY = new FeatureNeeds(false, false, false, false);
}
