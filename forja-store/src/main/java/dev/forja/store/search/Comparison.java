package dev.forja.store.search;

import java.util.List;

/**
 * One condition of a search filter: {@code metrics.auc > 0.8} is (METRIC, "auc", ">", [0.8]). Values
 * are {@link String} or {@link Double}; IN has several, IS NULL none.
 */
public record Comparison(Entity entity, String key, String comparator, List<Object> values) {
    public Comparison {
        values = List.copyOf(values);
    }

    public Object value() {
        return values.get(0);
    }
}
