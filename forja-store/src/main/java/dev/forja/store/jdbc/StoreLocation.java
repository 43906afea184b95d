package dev.forja.store.jdbc;

import dev.forja.store.StoreException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Where the store's database is, parsed from a store URI: a path or {@code sqlite:///path/forja.db} for
 * the embedded SQLite database, {@code postgresql://user:password@host:5432/db} (or a
 * {@code jdbc:postgresql:} URL) for a team's PostgreSQL.
 */
public record StoreLocation(Dialect dialect, String jdbcUrl, String user, String password, String display) {

    public static StoreLocation sqlite(Path file) {
        return new StoreLocation(Dialect.SQLITE, "jdbc:sqlite:" + file, null, null, "sqlite " + file);
    }

    public static StoreLocation parse(String uri) {
        String u = uri.trim();
        if (u.startsWith("jdbc:sqlite:")) {
            return sqlite(Path.of(u.substring("jdbc:sqlite:".length())));
        }
        if (u.startsWith("sqlite:")) {
            String rest = u.substring("sqlite:".length());
            // sqlite:///abs/path (SQLAlchemy style, as MLflow writes it) or sqlite:relative/path
            if (rest.startsWith("///")) {
                rest = rest.substring(2);
            } else if (rest.startsWith("//")) {
                rest = rest.substring(2);
            }
            return sqlite(Path.of(rest));
        }
        if (u.startsWith("jdbc:postgresql:")) {
            return new StoreLocation(Dialect.POSTGRESQL, u, null, null, u.replaceAll("password=[^&]*", "password=***"));
        }
        if (u.startsWith("postgresql://") || u.startsWith("postgres://") || u.startsWith("postgresql+psycopg2://")) {
            URI parsed;
            try {
                parsed = URI.create(u.substring(u.indexOf("://")).replaceFirst("^://", "postgresql://"));
            } catch (IllegalArgumentException e) {
                throw StoreException.invalid("store URI '" + redact(u) + "' is not a valid URI: " + e.getMessage());
            }
            String user = null;
            String password = null;
            if (parsed.getRawUserInfo() != null) {
                String[] parts = parsed.getRawUserInfo().split(":", 2);
                user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
                password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
            }
            if (parsed.getHost() == null) {
                throw StoreException.invalid("store URI '" + redact(u) + "' names no host; write postgresql://user:password@host:5432/database");
            }
            String db = parsed.getPath() == null || parsed.getPath().length() <= 1 ? "postgres" : parsed.getPath().substring(1);
            String jdbc = "jdbc:postgresql://" + parsed.getHost() + (parsed.getPort() > 0 ? ":" + parsed.getPort() : "") + "/" + db
                    + (parsed.getRawQuery() != null ? "?" + parsed.getRawQuery() : "");
            return new StoreLocation(Dialect.POSTGRESQL, jdbc, user, password, redact(u));
        }
        if (u.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            throw StoreException.invalid("store URI '" + redact(u) + "' has an unsupported scheme; use a path, sqlite:///path/forja.db or postgresql://user:password@host/db");
        }
        return sqlite(Path.of(u));
    }

    private static String redact(String uri) {
        return uri.replaceAll("(://[^:/@]+):[^@/]*@", "$1:***@");
    }
}
