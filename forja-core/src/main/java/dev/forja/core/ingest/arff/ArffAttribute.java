package dev.forja.core.ingest.arff;

import dev.forja.core.frame.ColumnKind;
import java.util.List;

/**
 * One {@code @attribute} declaration.
 *
 * @param name       the attribute's name (the column name)
 * @param type       its ARFF type
 * @param levels     the declared values of a nominal attribute, in declared order; empty otherwise
 * @param dateFormat the format of a date attribute; {@code null} otherwise
 * @param line       the 1-based line of the declaration
 */
public record ArffAttribute(String name, Type type, List<String> levels, ArffDateFormat dateFormat, long line) {
    public ArffAttribute {
        levels = List.copyOf(levels);
    }

    /** The ARFF attribute types Forja reads ({@code relational} is refused when the header is read). */
    public enum Type {
        /** {@code numeric}, {@code real} or {@code integer}. */
        NUMERIC(ColumnKind.NUMERIC),
        /** {@code {a,b,c}}. */
        NOMINAL(ColumnKind.CATEGORICAL),
        /** {@code string}. */
        STRING(ColumnKind.TEXT),
        /** {@code date [format]}. */
        DATE(ColumnKind.DATETIME);

        private final ColumnKind kind;

        Type(ColumnKind kind) {
            this.kind = kind;
        }

        /** The column kind this type reads as, unless overridden. */
        public ColumnKind kind() {
            return kind;
        }
    }

    /** How the type reads in messages: {@code numeric}, {@code nominal}, {@code string}, {@code date 'fmt'}. */
    String describeType() {
        switch (type) {
            case NOMINAL:
                return "nominal";
            case DATE:
                return "date '" + dateFormat.pattern() + "'";
            default:
                return type.name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
