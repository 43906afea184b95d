package dev.forja.store.jdbc;

import dev.forja.store.StoreException;
import dev.forja.store.search.Comparison;
import java.util.List;
import java.util.Set;

/**
 * Turns one parsed filter comparison on one column into SQL with bind values. Which comparators a
 * column takes depends on its kind, as in MLflow: numbers compare, strings match.
 */
final class Conditions {
    static final Set<String> NUMERIC = Set.of("=", "!=", "<", "<=", ">", ">=");
    static final Set<String> STRING = Set.of("=", "!=", "LIKE", "ILIKE", "IN", "NOT IN");

    private Conditions() {
    }

    /** Appends {@code column <op> ?} for a numeric column; the value must be a number. */
    static void numeric(Sql sql, String column, Comparison c, String what) {
        if (!NUMERIC.contains(c.comparator())) {
            throw StoreException.invalid(what + " takes =, !=, <, <=, > or >=, not " + c.comparator());
        }
        if (!(c.value() instanceof Double d)) {
            throw StoreException.invalid(what + " compares with a number, not '" + c.value() + "'");
        }
        sql.append(" AND " + column + " " + c.comparator() + " ?", d);
    }

    /** Same as {@link #numeric} for a whole-number column (times, versions): binds a long. */
    static void integral(Sql sql, String column, Comparison c, String what) {
        if (!NUMERIC.contains(c.comparator())) {
            throw StoreException.invalid(what + " takes =, !=, <, <=, > or >=, not " + c.comparator());
        }
        Object v = c.value();
        double d;
        if (v instanceof Double x) {
            d = x;
        } else {
            try {
                d = Double.parseDouble((String) v);
            } catch (NumberFormatException e) {
                throw StoreException.invalid(what + " compares with a number, not '" + v + "'");
            }
        }
        if (d != Math.rint(d)) {
            throw StoreException.invalid(what + " compares with a whole number, not " + v);
        }
        sql.append(" AND " + column + " " + c.comparator() + " ?", (long) d);
    }

    /** Appends a string match: =, !=, LIKE, ILIKE (case-insensitive), IN, NOT IN; values must be quoted. */
    static void string(Sql sql, String column, Comparison c, String what, Dialect dialect) {
        if (!STRING.contains(c.comparator())) {
            throw StoreException.invalid(what + " takes =, !=, LIKE, ILIKE, IN or NOT IN, not " + c.comparator());
        }
        for (Object v : c.values()) {
            if (!(v instanceof String)) {
                throw StoreException.invalid(what + " compares with a quoted string, not " + v + " (write '" + plain(v) + "')");
            }
        }
        switch (c.comparator()) {
            case "IN", "NOT IN" -> {
                sql.append(" AND " + column + " " + c.comparator() + " ");
                sql.in(c.values());
            }
            case "ILIKE" -> {
                if (dialect == Dialect.POSTGRESQL) {
                    sql.append(" AND " + column + " ILIKE ?", c.value());
                } else {
                    sql.append(" AND LOWER(" + column + ") LIKE LOWER(?)", c.value());
                }
            }
            default -> sql.append(" AND " + column + " " + c.comparator() + " ?", c.value());
        }
    }

    private static String plain(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(v);
    }

    static void requireValues(List<Object> values, String what) {
        if (values.isEmpty()) {
            throw StoreException.invalid(what + " needs a value");
        }
    }
}
