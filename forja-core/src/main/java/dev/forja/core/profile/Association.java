package dev.forja.core.profile;

import dev.forja.core.frame.ColumnKind;

/**
 * How strongly one column goes with the target, by a classical measure and by its predictive power.
 *
 * <p>Classical measure (rows where both are present):
 * <ul>
 *   <li>numeric column, regression target: Pearson's r (−1..1);</li>
 *   <li>categorical column, regression target: the correlation ratio η of the target by level (0..1);</li>
 *   <li>numeric column, classification target: η of the column by class (0..1);</li>
 *   <li>categorical column, classification target: Cramér's V without bias correction (0..1), as
 *       {@code scipy.stats.contingency.association(method='cramer')}.</li>
 * </ul>
 * Datetime columns count as numeric (their epoch milliseconds: a trend over time), text columns through
 * their length in characters ({@link #via()} says so).
 *
 * <p>Predictive power ({@link PredictivePower}): how well the column alone predicts the target on rows
 * it was not fitted on, 0 (no better than the majority class / the mean) to 1 (perfectly).
 *
 * @param column     the column
 * @param kind       its kind
 * @param via        {@code null}, or what was measured instead of the raw values: {@code "length"} for
 *                   text, {@code "time"} for datetimes
 * @param measure    the classical measure's name
 * @param value      its value, {@code NaN} when undefined (a constant column, fewer than 2 rows)
 * @param rows       rows that entered the classical measure
 * @param power      predictive power 0..1, {@code NaN} when undefined
 * @param powerMetric what the power is normalised from
 */
public record Association(String column, ColumnKind kind, String via, Measure measure, double value, long rows,
                          double power, PowerMetric powerMetric) {

    public enum Measure {
        PEARSON("pearson", "Pearson r"),
        CORRELATION_RATIO("eta", "η"),
        CRAMERS_V("cramers_v", "Cramér's V");

        private final String id;
        private final String symbol;

        Measure(String id, String symbol) {
            this.id = id;
            this.symbol = symbol;
        }

        /** Name in JSON. */
        public String id() {
            return id;
        }

        /** Name for people. */
        public String symbol() {
            return symbol;
        }
    }

    public enum PowerMetric {
        /** Balanced accuracy rescaled so the majority-class baseline scores 0 and a perfect model 1. */
        BALANCED_ACCURACY("balanced_accuracy"),
        /** Coefficient of determination (negative values clipped to 0). */
        R2("r2");

        private final String id;

        PowerMetric(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }
}
