package dev.forja.core.ingest.sql;

import dev.forja.core.ForjaException;
import dev.forja.core.frame.Column;
import dev.forja.core.frame.Frame;
import dev.forja.core.ingest.DataFormat;
import dev.forja.core.ingest.Dataset;
import dev.forja.core.ingest.KindOverrides;
import dev.forja.core.ingest.ProgressMeter;
import dev.forja.core.ingest.ReadOptions;
import dev.forja.core.ingest.ReadReport;
import dev.forja.core.ingest.UserMarkers;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a JDBC {@link ResultSet} into a {@link Dataset}, column types mapped by {@link SqlTypes}. Shared
 * by the JDBC reader (a user's query) and the Parquet reader (DuckDB's {@code read_parquet}). In error
 * messages the "line" of a value is its 1-based row in the result.
 */
public final class ResultSetFrames {
    private static final int MAX_ROWS = Integer.MAX_VALUE - 16;

    private ResultSetFrames() {
    }

    /**
     * Reads every row of {@code rs}.
     *
     * @param source    how to name the source in messages (a file, or a URL without its password)
     * @param format    the format the dataset reports
     * @param fromQuery true when {@code rs} is the user's own query (so advice can say "CAST it")
     * @param dynamic   true for SQLite, whose columns may hold values of any type
     * @param totalRows rows expected, for progress, or {@code -1}
     * @throws SQLException as the driver throws it; callers turn it into a message
     */
    public static Dataset read(ResultSet rs, String source, DataFormat format, ReadOptions options, boolean fromQuery,
                               boolean dynamic, long totalRows, String stage) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<String> names = new ArrayList<>(n);
        Set<String> seen = new HashSet<>();
        for (int i = 1; i <= n; i++) {
            String name = md.getColumnLabel(i);
            if (!seen.add(name)) {
                throw new ForjaException(source + ": the result has two columns named '" + name + "'",
                        fromQuery ? "give them different names in the query, e.g. SELECT a.id AS a_id, b.id AS b_id"
                                : "rename one of them in the file");
            }
            names.add(name);
        }
        KindOverrides.check(options, names, source);
        SqlTypes.Origin origin = fromQuery ? SqlTypes.Origin.QUERY : SqlTypes.Origin.FILE;
        SqlColumn[] columns = new SqlColumn[n];
        int capacity = totalRows < 0 ? 1024 : (int) Math.min(totalRows, MAX_ROWS);
        for (int i = 1; i <= n; i++) {
            columns[i - 1] = SqlTypes.choose(md, i, options.kinds().get(names.get(i - 1)), dynamic, source, origin, capacity);
        }
        ReadReport.Builder report = new ReadReport.Builder();
        SqlColumn.Context ctx = new SqlColumn.Context(source, options.lenient(), report, UserMarkers.of(options.missing()),
                options.missing());
        ProgressMeter meter = new ProgressMeter(options.progress(), stage, totalRows);
        int row = 0;
        while (rs.next()) {
            if (row == MAX_ROWS) {
                throw new ForjaException(source + ": the result has more rows than a frame holds (" + MAX_ROWS + ")",
                        fromQuery ? "read it in parts, e.g. with LIMIT/OFFSET or a WHERE clause" : "split the file");
            }
            for (SqlColumn c : columns) {
                c.read(rs, row, ctx);
            }
            row++;
            meter.update(row);
        }
        meter.finish(row);
        List<Column> built = new ArrayList<>(n);
        for (SqlColumn c : columns) {
            built.add(c.build(ctx));
        }
        report.rowsRead(row);
        return new Dataset(source, format, Frame.of(built), report.build());
    }
}
