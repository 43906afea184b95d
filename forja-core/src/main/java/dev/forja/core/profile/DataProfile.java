package dev.forja.core.profile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The result of profiling a dataset ({@link Profiler}). Immutable.
 *
 * @param source        where the data came from
 * @param fingerprint   the data's content hash, or {@code null} if unknown
 * @param rows          rows in the data
 * @param columns       one profile per column, in column order
 * @param target        the target's profile, or {@code null} when profiled without a target
 * @param associations  each other column's association with the target, strongest first (empty without
 *                      a target)
 * @param duplicateRows rows that repeat an earlier row exactly
 * @param warnings      what needs attention, most important first
 */
public record DataProfile(String source, String fingerprint, long rows, List<ColumnProfile> columns,
                          TargetProfile target, List<Association> associations, long duplicateRows,
                          List<Warning> warnings) {

    public DataProfile {
        columns = List.copyOf(columns);
        associations = List.copyOf(associations);
        warnings = List.copyOf(warnings);
    }

    /** The profile of a column, or {@code null} if there is none of that name. */
    public ColumnProfile column(String name) {
        for (ColumnProfile c : columns) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** The association of a column with the target, or {@code null}. */
    public Association association(String column) {
        for (Association a : associations) {
            if (a.column().equals(column)) {
                return a;
            }
        }
        return null;
    }

    /** The warnings about a column ({@code null}: dataset-wide warnings). */
    public List<Warning> warningsFor(String column) {
        return warnings.stream().filter(w -> java.util.Objects.equals(w.column(), column)).toList();
    }

    /** Missing cells over all columns. */
    public long missingCells() {
        long n = 0;
        for (ColumnProfile c : columns) {
            n += c.missing();
        }
        return n;
    }

    /**
     * The profile as JSON (the {@code forja profile --json} document, less what the CLI adds). Statistics
     * that do not apply or do not exist are JSON {@code null}, never {@code NaN}.
     */
    public ObjectNode toJson() {
        return ProfileJson.of(this);
    }
}
