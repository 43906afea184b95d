package dev.forja.store.search;

import java.util.Locale;

/** What a filter or order-by key refers to, from the prefix before the dot ({@code metrics.auc}). */
public enum Entity {
    METRIC, PARAM, TAG, ATTRIBUTE, DATASET;

    /** MLflow's accepted prefixes; a key without one is an attribute. */
    static Entity ofPrefix(String prefix) {
        return switch (prefix.toLowerCase(Locale.ROOT)) {
            case "metric", "metrics" -> METRIC;
            case "param", "params", "parameter", "parameters" -> PARAM;
            case "tag", "tags" -> TAG;
            case "attribute", "attributes", "attr", "run" -> ATTRIBUTE;
            case "dataset", "datasets" -> DATASET;
            default -> null;
        };
    }
}
