package dev.forja.bench.ingest;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.forja.core.frame.Frame;
import dev.forja.core.ingest.DataReaders;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a 1,000,000-row CSV into memory, three ways, in the same run:
 * <ul>
 *   <li>{@code forja}: Forja's CSV reader into a typed {@link Frame} (inference, parsing, columns);</li>
 *   <li>{@code fastcsvSplit}: FastCSV splitting the file into fields and touching each one, with no
 *       number parsing and no columns: a floor for "just reading CSV" on the JVM;</li>
 *   <li>{@code duckdb}: DuckDB (embedded, via JDBC) loading the file into an in-memory table with
 *       {@code read_csv}: a native, multi-threaded columnar engine.</li>
 * </ul>
 * The file sits in the page cache after the first iteration, so this measures parsing, not the disk.
 * Each iteration allocates hundreds of megabytes, so the script runs JMH with {@code -gc true} (a full
 * collection between iterations) and the heap is pre-touched: otherwise one iteration in three pays
 * for collecting the previous one, whichever reader it is.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 6)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+UseParallelGC", "-XX:+AlwaysPreTouch"})
public class CsvReadBenchmark {
    @Param({"numeric", "mixed"})
    public String file;

    private Path path;

    @Setup(Level.Trial)
    public void setUp() {
        path = file.equals("numeric") ? BenchData.numeric() : BenchData.mixed();
    }

    @Benchmark
    public Frame forja() {
        return DataReaders.read(path.toString()).frame();
    }

    @Benchmark
    public long fastcsvSplit() throws IOException {
        long chars = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(path)) {
            for (CsvRecord record : reader) {
                for (int i = 0, n = record.getFieldCount(); i < n; i++) {
                    chars += record.getField(i).length();
                }
            }
        }
        return chars;
    }

    @Benchmark
    public long duckdb() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t AS SELECT * FROM read_csv('" + path.toAbsolutePath().toString().replace("'", "''") + "')");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
