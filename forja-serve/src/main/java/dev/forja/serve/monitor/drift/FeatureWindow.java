package dev.forja.serve.monitor.drift;

/**
 * Current values of one feature, summarised as they arrive in constant memory (bin counts), so a
 * window of ten million logged rows costs the same as one of ten; then compared with the reference.
 */
public sealed interface FeatureWindow permits NumericWindow, CategoricalWindow {
    /** A number (NaN: missing). Categorical windows read it as its shortest text. */
    void add(double value);

    /** A category (null: missing). Numeric windows count a text they cannot read as missing. */
    void add(String value);

    /** Rows seen, missing ones included. */
    long rows();

    FeatureDrift drift(DriftThresholds thresholds);
}
