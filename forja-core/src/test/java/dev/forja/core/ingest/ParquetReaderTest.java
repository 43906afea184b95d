package dev.forja.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forja.core.frame.ColumnKind;
import dev.forja.core.frame.Frame;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetReaderTest {
    private static final long JAN_2_2011 = 14_976L * 86_400_000L;

    @TempDir
    Path dir;

    /** Writes {@code select} to a Parquet file with DuckDB (the writer Forja does not otherwise need). */
    private Path parquet(String name, String select, String options) throws SQLException {
        Path p = dir.resolve(name);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (" + select + ") TO '" + p + "' (FORMAT parquet" + options + ")");
        }
        return p;
    }

    @Test
    void parquetTypesMapToKinds() throws SQLException {
        Path p = parquet("types.parquet", "SELECT * FROM (VALUES "
                + "(1::INTEGER, 10::BIGINT, 1.5::DOUBLE, 0.25::FLOAT, 3.25::DECIMAL(10,2), true, DATE '2011-01-02', "
                + "TIMESTAMP '2011-01-02 03:04:05', 'a', 'the quick brown fox jumps over'), "
                + "(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)) "
                + "t(i, b, d, f, dec, ok, day, ts, cat, prose)", "");
        Dataset d = DataReaders.read(p.toString());
        Frame f = d.frame();
        assertThat(d.format()).isEqualTo(DataFormat.PARQUET);
        assertThat(d.source()).isEqualTo(p.toString());
        assertThat(f.columnNames()).containsExactly("i", "b", "d", "f", "dec", "ok", "day", "ts", "cat", "prose");
        assertThat(f.schema().columns()).extracting(c -> c.kind()).containsExactly(ColumnKind.NUMERIC, ColumnKind.NUMERIC,
                ColumnKind.NUMERIC, ColumnKind.NUMERIC, ColumnKind.NUMERIC, ColumnKind.CATEGORICAL, ColumnKind.DATETIME, ColumnKind.DATETIME,
                ColumnKind.CATEGORICAL, ColumnKind.TEXT);
        assertThat(f.numeric("i").toArray()).containsExactly(1.0, Double.NaN);
        assertThat(f.numeric("f").get(0)).isEqualTo(0.25);
        assertThat(f.numeric("dec").get(0)).isEqualTo(3.25);
        assertThat(f.categorical("ok").get(0)).isEqualTo("true");
        assertThat(f.datetime("day").millis(0)).isEqualTo(JAN_2_2011);
        assertThat(f.datetime("ts").millis(0)).isEqualTo(JAN_2_2011 + (3 * 3600 + 4 * 60 + 5) * 1000L);
        for (int c = 0; c < f.columnCount(); c++) {
            assertThat(f.column(c).isMissing(1)).as(f.column(c).name()).isTrue();
        }
        assertThat(d.report().rowsRead()).isEqualTo(2);
        assertThat(d.report().notes()).isEmpty();
    }

    @Test
    void rowOrderIsTheFilesAcrossManyRowGroups() throws SQLException {
        Path p = parquet("order.parquet", "SELECT i, i % 3 AS r FROM range(200000) t(i)", ", ROW_GROUP_SIZE 10000");
        TestFiles.Updates updates = new TestFiles.Updates();
        Frame f = new ParquetReader().read(p.toString(), ReadOptions.defaults().withProgress(updates)).frame();
        assertThat(f.rowCount()).isEqualTo(200_000);
        double[] i = f.numeric("i").toArray();
        for (int k = 0; k < i.length; k++) {
            if (i[k] != k) {
                throw new AssertionError("row " + k + " holds " + i[k]);
            }
        }
        assertThat(updates.seen.get(0)[1]).isEqualTo(200_000L);
        assertThat(updates.seen.size()).isBetween(2, 300);
        assertThat(updates.last()).containsExactly(200_000L, 200_000L);
    }

    @Test
    void nestedColumnsAreRefusedByNameUnlessReadAsText() throws SQLException {
        Path p = parquet("nested.parquet", "SELECT 1 AS id, [1, 2] AS xs, {'a': 1} AS s", "");
        assertThatThrownBy(() -> new ParquetReader().read(p.toString(), ReadOptions.defaults()))
                .isInstanceOfSatisfying(DataFormatException.class, e -> {
                    assertThat(e.source()).isEqualTo(p.toString());
                    assertThat(e.column()).isEqualTo("'xs'");
                    assertThat(e.getMessage()).startsWith(p.toString()).contains("INTEGER[]");
                    assertThat(e.hint()).contains("--column 'xs:text'").contains("unnest");
                });
        Frame f = new ParquetReader().read(p.toString(),
                ReadOptions.defaults().withKind("xs", ColumnKind.TEXT).withKind("s", ColumnKind.TEXT)).frame();
        assertThat(f.text("xs").get(0)).isEqualTo("[1, 2]");
        assertThat(f.text("s").get(0)).isEqualTo("{'a': 1}");
    }

    @Test
    void aFileThatIsNotParquetIsNamed() {
        Path p = TestFiles.write(dir, "fake.parquet", "a,b\n1,2\n");
        assertThatThrownBy(() -> new ParquetReader().read(p.toString(), ReadOptions.defaults()))
                .isInstanceOfSatisfying(DataFormatException.class, e -> {
                    assertThat(e.getMessage()).startsWith(p.toString()).contains("not a readable Parquet file");
                    assertThat(e.hint()).contains("--format");
                });
    }

    @Test
    void kindOverridesApplyAndUnknownNamesAreListed() throws SQLException {
        Path p = parquet("codes.parquet", "SELECT * FROM (VALUES (1, '10'), (2, 'NA'), (1, '30')) t(code, amount)", "");
        Frame f = new ParquetReader().read(p.toString(),
                ReadOptions.defaults().withKind("code", ColumnKind.CATEGORICAL).withKind("amount", ColumnKind.NUMERIC)).frame();
        assertThat(f.categorical("code").levels()).containsExactly("1", "2");
        assertThat(f.numeric("amount").toArray()).containsExactly(10, Double.NaN, 30);
        assertThatThrownBy(() -> new ParquetReader().read(p.toString(), ReadOptions.defaults().withKind("Code", ColumnKind.TEXT)))
                .hasMessageContaining("no column 'Code'").hasMessageContaining("'code', 'amount'");
    }

    @Test
    void anEmptyFileKeepsItsColumns() throws SQLException {
        Path p = parquet("empty.parquet", "SELECT 1::INTEGER AS a, 'x' AS b WHERE false", "");
        Frame f = new ParquetReader().read(p.toString(), ReadOptions.defaults()).frame();
        assertThat(f.rowCount()).isZero();
        assertThat(f.columnNames()).containsExactly("a", "b");
    }

    @Test
    void timestampsWithTimeZoneAreInstants() throws SQLException {
        Path p = parquet("tz.parquet", "SELECT TIMESTAMPTZ '2011-01-02 05:04:05+02' AS t", "");
        Frame f = new ParquetReader().read(p.toString(), ReadOptions.defaults()).frame();
        assertThat(f.datetime("t").millis(0)).isEqualTo(JAN_2_2011 + (3 * 3600 + 4 * 60 + 5) * 1000L);
    }

    @Test
    void otherUnsupportedTypesSuggestReadingThemAsText() throws SQLException {
        Path p = parquet("blob.parquet", "SELECT 'abc'::BLOB AS raw", "");
        assertThatThrownBy(() -> new ParquetReader().read(p.toString(), ReadOptions.defaults()))
                .isInstanceOfSatisfying(DataFormatException.class, e -> {
                    assertThat(e.column()).isEqualTo("'raw'");
                    assertThat(e.getMessage()).contains("BLOB");
                    assertThat(e.hint()).contains("--column 'raw:text'").doesNotContain("unnest");
                });
    }
}
