package dev.forja.core.ingest;

import dev.forja.core.ForjaException;
import dev.forja.core.ingest.sql.ResultSetFrames;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Reads the result of a SQL query: the source is a {@code jdbc:} URL and {@link ReadOptions#query()}
 * the query. Column types map to kinds as {@link dev.forja.core.ingest.sql.ResultSetFrames} documents
 * (SQL's typing is kept: a {@code VARCHAR} of digits stays categorical); {@code NULL} is missing.
 *
 * <p>Credentials: a user and password written in the URL are used as they are; otherwise the
 * environment variables {@code FORJA_JDBC_USER} and {@code FORJA_JDBC_PASSWORD}, when set, are passed
 * to the driver as the {@code user} and {@code password} properties, which keeps passwords out of
 * command lines and shell history. Messages never show a password: URLs in them are redacted.
 *
 * <p>The connection is made read-only where the driver allows it, and rows are fetched in batches
 * (auto-commit off, fetch size 10,000) so that drivers such as PostgreSQL's stream the result instead
 * of holding all of it twice. Errors in "line" N mean the N-th row of the result.
 */
public final class JdbcReader implements DataReader {
    public static final String USER_ENV = "FORJA_JDBC_USER";
    public static final String PASSWORD_ENV = "FORJA_JDBC_PASSWORD";
    private static final int FETCH_SIZE = 10_000;
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern URL_USERINFO = Pattern.compile("(//[^/:@]*:)[^@/]*@");

    private final Map<String, String> env;

    public JdbcReader() {
        this(System.getenv());
    }

    /** For tests: the environment to take credentials from. */
    JdbcReader(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Dataset read(String url, ReadOptions options) {
        String shown = redact(url);
        String query = options.query();
        if (query == null || query.isBlank()) {
            throw new ForjaException("reading from " + shown + " needs a SQL query", "pass --query \"select ... from ...\"");
        }
        try (Connection connection = connect(url, shown)) {
            prepare(connection);
            String product = connection.getMetaData().getDatabaseProductName();
            boolean dynamic = "SQLite".equalsIgnoreCase(product);
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(FETCH_SIZE);
                ResultSet rs;
                try {
                    rs = statement.executeQuery(query);
                } catch (SQLException e) {
                    throw new ForjaException(product + " refused the query: " + message(e),
                            "check the SQL given with --query; it runs as written on " + product, e);
                }
                try (rs) {
                    return ResultSetFrames.read(rs, shown, DataFormat.JDBC, options, true, dynamic, -1, "reading the query result");
                }
            }
        } catch (SQLException e) {
            throw new ForjaException("reading the query result from " + shown + " failed: " + message(e),
                    "check the query and the database's log", e);
        }
    }

    private Connection connect(String url, String shown) {
        Properties props = new Properties();
        if (!hasParameter(url, "user") && env.get(USER_ENV) != null) {
            props.setProperty("user", env.get(USER_ENV));
        }
        if (!hasParameter(url, "password") && env.get(PASSWORD_ENV) != null) {
            props.setProperty("password", env.get(PASSWORD_ENV));
        }
        try {
            return DriverManager.getConnection(url, props);
        } catch (SQLException e) {
            if (!hasDriver(url)) {
                throw new ForjaException("no JDBC driver for " + prefix(url) + " URLs is on the classpath",
                        "put the database's JDBC driver jar on the classpath, or export the data to Parquet or CSV", e);
            }
            throw new ForjaException("cannot connect to " + shown + ": " + message(e),
                    "check the URL, that the database is up, and the credentials (in the URL, or " + USER_ENV + " / "
                            + PASSWORD_ENV + ")", e);
        }
    }

    /** Read-only and batched fetching where the driver supports them; refusals change nothing that matters. */
    private static void prepare(Connection connection) {
        try {
            connection.setReadOnly(true);
        } catch (SQLException e) {
            // SQLite, for one, cannot switch after connecting; the query is still only read.
        }
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            // Without it some drivers fetch the whole result at once, which still works.
        }
    }

    private static boolean hasDriver(String url) {
        try {
            DriverManager.getDriver(url);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** True if the URL sets {@code name=} as a parameter ({@code ?name=}, {@code &name=} or {@code ;name=}). */
    static boolean hasParameter(String url, String name) {
        return Pattern.compile("(?i)[?&;]" + name + "=").matcher(url).find();
    }

    /** {@code jdbc:postgresql:} of {@code jdbc:postgresql://host/db}. */
    static String prefix(String url) {
        int second = url.indexOf(':', 5);
        return second < 0 ? url : url.substring(0, second + 1).toLowerCase(Locale.ROOT);
    }

    /** The URL with any password replaced by {@code ***}. */
    static String redact(String url) {
        String s = URL_PASSWORD.matcher(url).replaceAll("$1***");
        return URL_USERINFO.matcher(s).replaceAll("$1***@");
    }

    private static String message(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        return redact(m);
    }
}
