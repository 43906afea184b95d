package dev.forja.store.search;

/** One key of an order-by list: {@code metrics.auc DESC} is (METRIC, "auc", false). */
public record OrderClause(Entity entity, String key, boolean ascending) {
}
