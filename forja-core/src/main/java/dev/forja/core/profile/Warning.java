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
    /** How much a warning matters: reports colour and order by it. */
    public enum Severity {
        /** The data or a column is unusable, or results would be wrong, as it stands. */
        HIGH,
        /** Needs a decision before training. */
        MEDIUM,
        /** Worth knowing; often handled by the right transform. */
        LOW;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * What a warning is about. The ids are stable (scripts match on them); the order is the order of
     * importance in which reports list them.
     */
    public enum Kind {
        /** One column alone predicts the target almost perfectly on held-out rows. */
        TARGET_LEAKAGE("target_leakage", Severity.HIGH),
        /** One column alone predicts the target very well on held-out rows: check it is known in time. */
        POSSIBLE_LEAKAGE("possible_leakage", Severity.MEDIUM),
        /** No value at all. */
        ALL_MISSING("all_missing", Severity.HIGH),
        /** A single value in every non-missing row. */
        CONSTANT("constant", Severity.HIGH),
        /** Every value distinct: identifies rows instead of describing them. */
        ID_LIKE("id_like", Severity.MEDIUM),
        /** Rows that repeat an earlier row exactly. */
        DUPLICATE_ROWS("duplicate_rows", Severity.MEDIUM),
        /** Rows without a target value. */
        TARGET_MISSING("target_missing", Severity.MEDIUM),
        /** The smallest class is much smaller than the largest. */
        CLASS_IMBALANCE("class_imbalance", Severity.MEDIUM),
        /** More than half the values missing. */
        HIGH_MISSING("high_missing", Severity.MEDIUM),
        /** A categorical column where some levels are numbers and some are not. */
        MIXED_TYPE("mixed_type", Severity.MEDIUM),
        /** A placeholder number (999, -1) standing for "unknown". */
        SENTINEL("sentinel", Severity.MEDIUM),
        /** Infinite numbers. */
        INFINITE("infinite", Severity.MEDIUM),
        /** Too many levels to one-hot encode or learn from. */
        HIGH_CARDINALITY("high_cardinality", Severity.LOW),
        /** A long tail on one side. */
        SKEWED("skewed", Severity.LOW);

        private final String id;
        private final Severity severity;

        Kind(String id, Severity severity) {
            this.id = id;
            this.severity = severity;
        }

        /** Stable lower-case id used in JSON. */
        public String id() {
            return id;
        }

        public Severity severity() {
            return severity;
        }
    }
}
