package dev.forja.core.ingest;

import dev.forja.core.ForjaException;
import dev.forja.core.ingest.sql.ResultSetFrames;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;

/**
 * Reads Parquet files through DuckDB's JDBC driver ({@code SELECT * FROM read_parquet(?)} on an
 * in-memory database), mapping columns as for any SQL result ({@link ResultSetFrames}): integers,
 * floats and decimals → numeric, {@code VARCHAR} → categorical or text, {@code BOOLEAN} →
 * categorical, {@code DATE}/{@code TIMESTAMP} → datetime. Nested {@code LIST}/{@code STRUCT}/{@code MAP}
 * columns, binary and intervals are refused with the column's name (or read as text with a
 * {@code --column name:text} override). Row order is the file's.
 *
 * <p>Why DuckDB: it is maintained, MIT-licensed, columnar-native and vectorised, handles every
 * Parquet encoding and compression in use, and is one dependency with no transitive ones, where
 * parquet-mr (parquet-hadoop) needs the Hadoop client jars (about 67 MB and a large attack and
 * conflict surface) even to read a local file. The price is DuckDB's 77 MB jar with native code.
 *
 * <p>The file name is handed to DuckDB as a parameter, not spliced into SQL. DuckDB expands glob
 * characters ({@code * ? [}) in it, so a name holding them may match other files too.
 */
public final class ParquetReader implements DataReader {
    @Override
    public Dataset read(String source, ReadOptions options) {
        String stage = "reading " + Path.of(source).getFileName();
        try (Connection connection = open()) {
            long rows = count(connection, source);
            try (PreparedStatement st = connection.prepareStatement("SELECT * FROM read_parquet(?)")) {
                st.setString(1, source);
                try (ResultSet rs = st.executeQuery()) {
                    return ResultSetFrames.read(rs, source, DataFormat.PARQUET, options, false, false, rows, stage);
                }
            }
        } catch (SQLException e) {
            throw new ForjaException("cannot read " + source + ": " + firstLine(e), "check that it is a complete Parquet file", e);
        }
    }

    private static Connection open() {
        try {
            Connection c = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement st = c.createStatement()) {
                // The file's row order is part of the data (fingerprints, time order); keep it.
                st.execute("SET preserve_insertion_order = true");
            }
            return c;
        } catch (SQLException e) {
            throw new ForjaException("cannot start DuckDB to read Parquet: " + firstLine(e),
                    "the DuckDB JDBC driver (org.duckdb:duckdb_jdbc) must be on the classpath with its native library for this platform", e);
        }
    }

    /** The row count from the file's metadata; also where a file that is not Parquet is caught. */
    private static long count(Connection connection, String source) {
        try (PreparedStatement st = connection.prepareStatement("SELECT count(*) FROM read_parquet(?)")) {
            st.setString(1, source);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new DataFormatException(source, 0, null, 0, "not a readable Parquet file (" + firstLine(e) + ")",
                    "check that the file is Parquet and complete; for other formats pass --format csv|arff|jsonl");
        }
    }

    private static String firstLine(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
    }
}
