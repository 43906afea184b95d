package dev.forja.core.profile;

/**
 * Something in the data a person should look at before training on it.
 *
 * @param column  the column concerned, or {@code null} for the whole dataset
 * @param kind    what was found
 * @param message what, with the numbers, for people
 */
public record Warning(String column, Kind kind, String message) {

    /**
     * What a warning is about. The ids are stable (scripts match on them); the order is the order of
     * importance in which reports list them.
     */
    public enum Kind {
        /** One column alone predicts the target almost perfectly on held-out rows. */
        TARGET_LEAKAGE("target_leakage"),
        /** One column alone predicts the target very well on held-out rows: check it is known in time. */
        POSSIBLE_LEAKAGE("possible_leakage"),
        ALL_MISSING("all_missing"),
        CONSTANT("constant"),
        /** Every value distinct: identifies rows instead of describing them. */
        ID_LIKE("id_like"),
        DUPLICATE_ROWS("duplicate_rows"),
        TARGET_MISSING("target_missing"),
        CLASS_IMBALANCE("class_imbalance"),
        HIGH_MISSING("high_missing"),
        MIXED_TYPE("mixed_type"),
        SENTINEL("sentinel"),
        INFINITE("infinite"),
        HIGH_CARDINALITY("high_cardinality"),
        SKEWED("skewed");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** Stable lower-case id used in JSON. */
        public String id() {
            return id;
        }
    }
}
