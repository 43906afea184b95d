package dev.forja.serve.monitor.drift;

/** What the reference (training data, or a reference dataset) looked like for one feature or the prediction. */
public sealed interface FeatureReference permits NumericReference, CategoricalReference {
    String name();

    /** An empty window of current values to compare with this reference. */
    FeatureWindow newWindow();
}
