package dev.forja.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement built piece by piece with its bind values kept next to the text, so search filters
 * are never concatenated into SQL.
 */
final class Sql {
    private final StringBuilder text = new StringBuilder();
    private final List<Object> values = new ArrayList<>();

    Sql append(String sql, Object... binds) {
        text.append(sql);
        values.addAll(java.util.Arrays.asList(binds));
        return this;
    }

    Sql append(Sql other) {
        text.append(other.text);
        values.addAll(other.values);
        return this;
    }

    /** Appends {@code (?, ?, …)} with one placeholder per value. */
    Sql in(List<?> items) {
        text.append('(');
        for (int i = 0; i < items.size(); i++) {
            text.append(i == 0 ? "?" : ", ?");
            values.add(items.get(i));
        }
        text.append(')');
        return this;
    }

    PreparedStatement prepare(Connection c) throws SQLException {
        PreparedStatement ps = c.prepareStatement(text.toString());
        bind(ps, values);
        return ps;
    }

    static void bind(PreparedStatement ps, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v == null) {
                ps.setObject(i + 1, null);
            } else if (v instanceof String s) {
                ps.setString(i + 1, s);
            } else if (v instanceof Double d) {
                ps.setDouble(i + 1, d);
            } else if (v instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (v instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else {
                ps.setObject(i + 1, v);
            }
        }
    }

    /** Runs a one-off update. */
    static int update(Connection c, String sql, Object... binds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, java.util.Arrays.asList(binds));
            return ps.executeUpdate();
        }
    }

    /** The rows of a query mapped one by one. */
    static <T> List<T> list(Connection c, Sql sql, RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
            return out;
        }
    }

    static <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, Object... binds) throws SQLException {
        return list(c, new Sql().append(sql, binds), mapper);
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
