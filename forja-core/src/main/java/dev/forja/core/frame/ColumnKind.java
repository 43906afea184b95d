package dev.forja.core.frame;

import java.util.Locale;

/** The four physical kinds of column. Booleans are categorical columns with two levels. */
public enum ColumnKind {
    NUMERIC,
    CATEGORICAL,
    TEXT,
    DATETIME;

    /** Lower-case name used in JSON, schema files and the CLI ({@code numeric}, {@code categorical}, ...). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a kind as a user writes it. Accepts the {@link #id()} names and a few common synonyms
     * ({@code boolean}/{@code bool} and {@code nominal} are categorical, {@code string} is text,
     * {@code date}/{@code timestamp} are datetime, {@code number}/{@code double}/{@code int} are numeric).
     *
     * @throws IllegalArgumentException naming the accepted words when the word is unknown
     */
    public static ColumnKind parse(String word) {
        String w = word.trim().toLowerCase(Locale.ROOT);
        switch (w) {
            case "numeric": case "number": case "double": case "float": case "int": case "integer": case "real":
                return NUMERIC;
            case "categorical": case "category": case "nominal": case "boolean": case "bool":
                return CATEGORICAL;
            case "text": case "string":
                return TEXT;
            case "datetime": case "date": case "timestamp": case "time":
                return DATETIME;
            default:
                throw new IllegalArgumentException("unknown column kind '" + word
                        + "'; use one of numeric, categorical, text, datetime (boolean is categorical)");
        }
    }
}
