package dev.forja.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.forja.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The store's connection pool, schema migrations and transactions. SQLite runs in WAL mode with
 * {@code synchronous=NORMAL} (a killed process loses nothing committed; an OS crash may lose the last
 * transactions but never consistency) and takes the write lock when a transaction begins, so two
 * writers queue instead of failing half-way.
 */
public final class Database implements AutoCloseable {
    private final Dialect dialect;
    private final HikariDataSource pool;
    private final String display;
    /**
     * SQLite has one writer at a time; when two connections of this process race for it, the loser
     * sleeps in SQLite's busy handler (up to 100 ms a time). Queuing writers here first keeps them
     * running back to back; other processes still wait on the busy timeout.
     */
    private final java.util.concurrent.locks.ReentrantLock sqliteWriter = new java.util.concurrent.locks.ReentrantLock(true);

    private Database(Dialect dialect, HikariDataSource pool, String display) {
        this.dialect = dialect;
        this.pool = pool;
        this.display = display;
    }

    public static Database open(StoreLocation location) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("forja-store");
        config.setAutoCommit(true);
        if (location.dialect() == Dialect.SQLITE) {
            Path file = Path.of(location.jdbcUrl().substring("jdbc:sqlite:".length())).toAbsolutePath();
            try {
                Files.createDirectories(file.getParent());
            } catch (java.io.IOException e) {
                throw new StoreException(StoreException.ErrorCode.INTERNAL_ERROR, "cannot create " + file.getParent() + ": " + e.getMessage());
            }
            SQLiteConfig sqlite = new SQLiteConfig();
            sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
            sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            sqlite.setBusyTimeout(30_000);
            sqlite.enforceForeignKeys(true);
            sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            // Searches over many runs hop between index and table pages; a larger page cache and
            // memory-mapped reads keep those hops off system calls (measured: 350 ms to 110 ms over 100k runs).
            sqlite.setCacheSize(-32_768);
            sqlite.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, Long.toString(256L << 20));
            SQLiteDataSource ds = new SQLiteDataSource(sqlite);
            ds.setUrl("jdbc:sqlite:" + file);
            config.setDataSource(ds);
            // MLflow's LIKE is case-sensitive (ILIKE is not); SQLite's is not unless told.
            config.setConnectionInitSql("PRAGMA case_sensitive_like = true");
            config.setMaximumPoolSize(4);
        } else {
            config.setJdbcUrl(location.jdbcUrl());
            if (location.user() != null) {
                config.setUsername(location.user());
            }
            if (location.password() != null) {
                config.setPassword(location.password());
            }
            config.setMaximumPoolSize(8);
        }
        config.setMinimumIdle(1);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException(StoreException.ErrorCode.INTERNAL_ERROR, "cannot open the store " + location.display() + ": "
                    + rootMessage(e), "check the store URI, that the database is running and that the credentials are right");
        }
        try {
            if (!schemaIsCurrent(pool)) {
                Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
            }
        } catch (FlywayException e) {
            pool.close();
            throw new StoreException(StoreException.ErrorCode.INTERNAL_ERROR, "cannot bring the store schema of " + location.display()
                    + " up to date: " + rootMessage(e), "a newer Forja may have written it; upgrade Forja");
        }
        return new Database(location.dialect(), pool, location.display());
    }

    /** The newest migration under {@code db/migration}; a test keeps it in step with the files. */
    static final int SCHEMA_VERSION = 3;

    /**
     * Whether the schema already has every migration: one query instead of Flyway's classpath scan and
     * validation, which costs half a second on every command that opens the store.
     */
    private static boolean schemaIsCurrent(HikariDataSource pool) {
        try (Connection c = pool.getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT version FROM flyway_schema_history WHERE success")) {
            int newest = 0;
            while (rs.next()) {
                String v = rs.getString(1);
                if (v != null && v.matches("\\d+")) {
                    newest = Math.max(newest, Integer.parseInt(v));
                }
            }
            return newest == SCHEMA_VERSION;
        } catch (SQLException e) {
            return false; // a new database: no history table yet
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    public String display() {
        return display;
    }

    /** Work that talks to the database. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs the work in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T write(Work<T> work) {
        if (dialect != Dialect.SQLITE) {
            return transaction(work);
        }
        sqliteWriter.lock();
        try {
            return transaction(work);
        } finally {
            sqliteWriter.unlock();
        }
    }

    private <T> T transaction(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** Runs read-only work on a connection in auto-commit mode. */
    public <T> T read(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /**
     * Runs read-only work that streams a large result: PostgreSQL only honours a fetch size inside a
     * transaction (else it sends every row at once), so there the work runs in one that is rolled back.
     */
    public <T> T stream(Work<T> work) {
        if (dialect == Dialect.SQLITE) {
            return read(work);
        }
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                return work.run(c);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private StoreException translate(SQLException e) {
        String state = e.getSQLState();
        boolean constraint = (state != null && state.startsWith("23")) || (dialect == Dialect.SQLITE && e.getErrorCode() == 19);
        if (constraint) {
            return StoreException.exists("the store already holds that: " + e.getMessage());
        }
        return new StoreException(StoreException.ErrorCode.INTERNAL_ERROR, "store " + display + " failed: " + e.getMessage());
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    @Override
    public void close() {
        pool.close();
    }
}
