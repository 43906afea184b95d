package dev.forja.core.profile;

import dev.forja.core.frame.ColumnKind;

/**
 * What profiling found in one column. One record per kind, each with the statistics that apply to it;
 * the common part is here.
 */
public sealed interface ColumnProfile permits NumericProfile, CategoricalProfile, TextProfile, DatetimeProfile {

    String name();

    ColumnKind kind();

    /** Rows in the column, missing ones included. */
    long rows();

    /** Missing values. */
    long missing();

    /** Distinct values, missing excluded. */
    long distinct();

    /** Non-missing values. */
    default long present() {
        return rows() - missing();
    }

    /** Share of rows that are missing; 0 for an empty column. */
    default double missingRate() {
        return rows() == 0 ? 0 : (double) missing() / rows();
    }
}
