package dev.forja.core.ingest.sql;

import dev.forja.core.frame.ColumnKind;
import dev.forja.core.ingest.DataFormatException;
import java.sql.JDBCType;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;
import java.util.Set;

/**
 * Maps a result-set column's SQL type to the reader for it:
 * <ul>
 *   <li>{@code TINYINT SMALLINT INTEGER REAL FLOAT DOUBLE} → numeric; {@code BIGINT} → numeric, with a
 *       note when values beyond 2^53 lose digits; {@code DECIMAL NUMERIC} → numeric (doubles), with a
 *       note when the declared precision exceeds what a double keeps; DuckDB's unsigned and 128-bit
 *       integers → numeric;</li>
 *   <li>{@code BOOLEAN BIT} → categorical {@code true}/{@code false};</li>
 *   <li>{@code DATE} → datetime at midnight UTC; {@code TIMESTAMP} → datetime, the wall-clock time
 *       read as UTC; {@code TIMESTAMP WITH TIME ZONE} → datetime, the instant;</li>
 *   <li>{@code CHAR VARCHAR TEXT CLOB} and the like → categorical or text ({@link SqlColumn.Texts});</li>
 *   <li>anything else (binary, {@code TIME}, intervals, arrays, structs, JSON, UUID...) → an error naming
 *       the column and its type, unless a {@code --column name:kind} override asks to read it as text
 *       converted to that kind.</li>
 * </ul>
 * SQLite is dynamically typed (a column declared {@code REAL} can hold text), so its numbers, booleans
 * and dates are checked value by value instead of trusting the driver's silent conversions.
 */
final class SqlTypes {
    /** Where the result came from, which decides the advice for an unsupported type. */
    enum Origin {
        /** The user's own SQL query: CAST the column there. */
        QUERY,
        /** A file read through DuckDB (Parquet): no SQL to change. */
        FILE
    }

    private static final int DOUBLE_DIGITS = 15;
    private static final Set<String> BIG_INTEGERS = Set.of("UBIGINT", "HUGEINT", "UHUGEINT", "USMALLINT", "UTINYINT", "UINTEGER");

    private SqlTypes() {
    }

    private enum Category {
        DOUBLE, LONG, DECIMAL, BIG_INTEGER, BOOLEAN, DATE, TIMESTAMP, TIMESTAMP_TZ, TEXT, UNSUPPORTED
    }

    private static Category category(int type, String typeName) {
        switch (type) {
            case Types.TINYINT: case Types.SMALLINT: case Types.INTEGER: case Types.REAL: case Types.FLOAT: case Types.DOUBLE:
            case Types.NULL:
                return Category.DOUBLE;
            case Types.BIGINT:
                return Category.LONG;
            case Types.DECIMAL: case Types.NUMERIC:
                return Category.DECIMAL;
            case Types.BOOLEAN: case Types.BIT:
                return Category.BOOLEAN;
            case Types.DATE:
                return Category.DATE;
            case Types.TIMESTAMP: {
                String t = typeName.toLowerCase(Locale.ROOT);
                // PostgreSQL reports timestamptz as TIMESTAMP; its name tells them apart.
                return t.contains("tz") || t.contains("time zone") ? Category.TIMESTAMP_TZ : Category.TIMESTAMP;
            }
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return Category.TIMESTAMP_TZ;
            case Types.CHAR: case Types.VARCHAR: case Types.LONGVARCHAR: case Types.NCHAR: case Types.NVARCHAR:
            case Types.LONGNVARCHAR: case Types.CLOB: case Types.NCLOB:
                return Category.TEXT;
            case Types.OTHER: case Types.JAVA_OBJECT:
                return BIG_INTEGERS.contains(typeName.toUpperCase(Locale.ROOT)) ? Category.BIG_INTEGER : Category.UNSUPPORTED;
            default:
                return Category.UNSUPPORTED;
        }
    }

    private static ColumnKind naturalKind(Category c) {
        switch (c) {
            case DOUBLE: case LONG: case DECIMAL: case BIG_INTEGER:
                return ColumnKind.NUMERIC;
            case BOOLEAN:
                return ColumnKind.CATEGORICAL;
            case DATE: case TIMESTAMP: case TIMESTAMP_TZ:
                return ColumnKind.DATETIME;
            default:
                return null;
        }
    }

    /**
     * The reader for column {@code i} (1-based).
     *
     * @param override the user's kind for it, or {@code null}
     * @param dynamic  whether the database is dynamically typed (SQLite)
     * @param capacity rows expected, to size the column builders
     * @throws DataFormatException for a type Forja does not read
     */
    static SqlColumn choose(ResultSetMetaData md, int i, ColumnKind override, boolean dynamic, String source, Origin origin,
                            int capacity)
            throws SQLException {
        String name = md.getColumnLabel(i);
        int type = md.getColumnType(i);
        String typeName = md.getColumnTypeName(i) == null ? jdbcName(type) : md.getColumnTypeName(i);
        Category c = category(type, typeName);
        SqlColumn.Spec spec = new SqlColumn.Spec(name, i, typeName, capacity);
        if (c == Category.TEXT) {
            return new SqlColumn.Texts(spec, override);
        }
        if (override != null && override != naturalKind(c)) {
            return new SqlColumn.Texts(spec, override);
        }
        if (dynamic) {
            switch (c) {
                case DOUBLE: case LONG: case DECIMAL: case BIG_INTEGER:
                    return new SqlColumn.Objects(spec);
                case BOOLEAN:
                    return new SqlColumn.Booleans(spec, true);
                case DATE: case TIMESTAMP: case TIMESTAMP_TZ:
                    return new SqlColumn.DynamicDatetimes(spec);
                default:
                    break;
            }
        }
        switch (c) {
            case DOUBLE:
                return new SqlColumn.Doubles(spec, null);
            case LONG:
                return new SqlColumn.Longs(spec);
            case DECIMAL: {
                int precision = md.getPrecision(i);
                String note = precision > 0 && precision <= DOUBLE_DIGITS ? null
                        : "values are read as doubles, which keep 15 to 17 significant digits; "
                        + (origin == Origin.QUERY ? "CAST it in the query if exact decimals matter" : "more precise values are rounded");
                return new SqlColumn.Doubles(spec, note);
            }
            case BIG_INTEGER:
                return new SqlColumn.Objects(spec);
            case BOOLEAN:
                return new SqlColumn.Booleans(spec, false);
            case DATE:
                return new SqlColumn.Dates(spec);
            case TIMESTAMP:
                return new SqlColumn.Timestamps(spec);
            case TIMESTAMP_TZ:
                return new SqlColumn.ZonedTimestamps(spec);
            default:
                throw unsupported(name, typeName, type, source, origin);
        }
    }

    private static DataFormatException unsupported(String name, String typeName, int type, String source, Origin origin) {
        String supported = "numbers, booleans, DATE, TIMESTAMP [WITH TIME ZONE] and text";
        String upper = typeName.toUpperCase(Locale.ROOT);
        boolean nested = type == Types.ARRAY || type == Types.STRUCT || upper.contains("[") || upper.startsWith("STRUCT")
                || upper.startsWith("MAP") || upper.startsWith("LIST") || upper.startsWith("UNION");
        String hint;
        if (origin == Origin.QUERY) {
            hint = "CAST it in the query to a type Forja reads (" + supported + "), e.g. CAST(" + name + " AS VARCHAR), or pass --column '"
                    + name + ":text' to read the driver's text form of it";
        } else {
            hint = "pass --column '" + name + ":text' to read its text form" + (nested
                    ? ", or flatten it first, e.g. with DuckDB: COPY (SELECT ..., unnest(" + name + ") FROM '<file>') TO 'flat.parquet'"
                    : "");
        }
        return new DataFormatException(source, 0, "'" + name + "'", 0,
                "its type " + typeName + " (JDBC " + jdbcName(type) + ") is not supported; Forja reads " + supported, hint);
    }

    private static String jdbcName(int type) {
        try {
            return JDBCType.valueOf(type).getName();
        } catch (IllegalArgumentException e) {
            return "type " + type;
        }
    }
}
