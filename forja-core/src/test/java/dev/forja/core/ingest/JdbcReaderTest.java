package dev.forja.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forja.core.ForjaException;
import dev.forja.core.frame.ColumnKind;
import dev.forja.core.frame.Frame;
import dev.forja.core.schema.MissingMarkers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDBC reader on SQLite (a temp-file database) and DuckDB (in memory); PostgreSQL has its own test. */
class JdbcReaderTest {
    private static final long JAN_2_2011 = 14_976L * 86_400_000L;

    @TempDir
    Path dir;
    private String url;

    @BeforeEach
    void createDatabase() throws SQLException {
        url = "jdbc:sqlite:" + dir.resolve("t.db");
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE people (id INTEGER, height REAL, score NUMERIC, big BIGINT, name TEXT, zip VARCHAR(5), "
                    + "born DATE, seen TIMESTAMP, member BOOLEAN, bio TEXT)");
            st.execute("INSERT INTO people VALUES "
                    + "(1, 1.75, 2.5, 9007199254740993, 'Ann', '01234', '2011-01-02', '2011-01-02 03:04:05', 1, 'likes long walks on the beach'), "
                    + "(2, NULL, NULL, 7, 'Bob', '99999', NULL, '2011-01-02T03:04:05Z', 0, 'plays the cello in an orchestra'), "
                    + "(3, 1.60, 4, NULL, NULL, NULL, '2011-01-03', NULL, NULL, 'NA')");
        }
    }

    private Dataset read(String query) {
        return read(query, ReadOptions.defaults());
    }

    private Dataset read(String query, ReadOptions options) {
        return new JdbcReader(Map.of()).read(url, options.withQuery(query));
    }

    @Test
    void sqlTypesMapToKindsAndNullIsMissing() {
        Dataset d = read("SELECT * FROM people ORDER BY id");
        Frame f = d.frame();
        assertThat(d.format()).isEqualTo(DataFormat.JDBC);
        assertThat(d.report().rowsRead()).isEqualTo(3);
        assertThat(f.columnNames()).containsExactly("id", "height", "score", "big", "name", "zip", "born", "seen", "member", "bio");
        assertThat(f.schema().columns()).extracting(c -> c.kind()).containsExactly(ColumnKind.NUMERIC, ColumnKind.NUMERIC,
                ColumnKind.NUMERIC, ColumnKind.NUMERIC, ColumnKind.CATEGORICAL, ColumnKind.CATEGORICAL, ColumnKind.DATETIME,
                ColumnKind.DATETIME, ColumnKind.CATEGORICAL, ColumnKind.TEXT);
        assertThat(f.numeric("height").toArray()).containsExactly(1.75, Double.NaN, 1.60);
        assertThat(f.numeric("score").toArray()).containsExactly(2.5, Double.NaN, 4.0);
        assertThat(f.categorical("name").isMissing(2)).isTrue();
        assertThat(f.datetime("born").millis(0)).isEqualTo(JAN_2_2011);
        assertThat(f.datetime("born").isMissing(1)).isTrue();
        assertThat(f.datetime("seen").millis(0)).isEqualTo(JAN_2_2011 + (3 * 3600 + 4 * 60 + 5) * 1000L);
        assertThat(f.datetime("seen").millis(1)).isEqualTo(f.datetime("seen").millis(0));
        assertThat(f.categorical("member").get(0)).isEqualTo("true");
        assertThat(f.categorical("member").get(1)).isEqualTo("false");
        assertThat(f.categorical("member").isMissing(2)).isTrue();
    }

    @Test
    void textColumnsKeepSqlTypingAndDefaultMarkersAreData() {
        Frame f = read("SELECT zip, bio FROM people ORDER BY id").frame();
        assertThat(f.categorical("zip").levels()).containsExactly("01234", "99999");
        assertThat(f.text("bio").get(2)).isEqualTo("NA");
    }

    @Test
    void userMarkersApplyToText() {
        ReadOptions o = ReadOptions.defaults().withMissing(MissingMarkers.withExtra(List.of("Bob")));
        Frame f = read("SELECT name FROM people ORDER BY id", o).frame();
        assertThat(f.categorical("name").levels()).containsExactly("Ann");
        assertThat(f.categorical("name").missingCount()).isEqualTo(2);
    }

    @Test
    void integersBeyondTwoToThe53AreNoted() {
        Dataset d = read("SELECT big FROM people ORDER BY id");
        assertThat(d.frame().numeric("big").get(0)).isEqualTo(9007199254740992.0);
        assertThat(d.report().notes()).singleElement().satisfies(n -> assertThat(n).contains("'big'").contains("1 integer beyond 2^53"));
    }

    @Test
    void textInANumericColumnIsAnErrorNamingResultRowAndColumn() throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("INSERT INTO people (id, height) VALUES (4, 'tall')");
        }
        assertThatThrownBy(() -> read("SELECT id, height FROM people ORDER BY id"))
                .isInstanceOfSatisfying(DataFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.column()).isEqualTo("'height'");
                    assertThat(e.getMessage()).contains(url).contains("result row 4: 'tall' is not a number (the column is declared REAL)");
                    assertThat(e.hint()).contains("--lenient");
                });
        Dataset lenient = read("SELECT id, height FROM people ORDER BY id", ReadOptions.defaults().withLenient(true));
        assertThat(lenient.frame().numeric("height").isMissing(3)).isTrue();
        assertThat(lenient.report().coercedToMissing()).containsEntry("height", 1L);
    }

    @Test
    void kindOverridesConvertColumns() {
        ReadOptions o = ReadOptions.defaults().withKind("id", ColumnKind.CATEGORICAL).withKind("zip", ColumnKind.NUMERIC)
                .withKind("bio", ColumnKind.CATEGORICAL);
        Frame f = read("SELECT id, zip, bio FROM people ORDER BY id", o).frame();
        assertThat(f.categorical("id").levels()).containsExactly("1", "2", "3");
        assertThat(f.numeric("zip").toArray()).containsExactly(1234, 99999, Double.NaN);
        assertThat(f.categorical("bio").levelCount()).isEqualTo(3);
    }

    @Test
    void anOverrideOfAnUnknownColumnListsTheColumns() {
        assertThatThrownBy(() -> read("SELECT id, name FROM people", ReadOptions.defaults().withKind("Name", ColumnKind.TEXT)))
                .isInstanceOf(ForjaException.class).hasMessageContaining("no column 'Name'").hasMessageContaining("'id', 'name'");
    }

    @Test
    void aMissingQueryAsksForOne() {
        assertThatThrownBy(() -> new JdbcReader(Map.of()).read(url, ReadOptions.defaults()))
                .isInstanceOfSatisfying(ForjaException.class, e -> {
                    assertThat(e.getMessage()).contains("needs a SQL query");
                    assertThat(e.hint()).contains("--query \"select ...");
                });
    }

    @Test
    void aQueryTheDatabaseRefusesCarriesItsMessage() {
        assertThatThrownBy(() -> read("SELECT nope FROM people"))
                .isInstanceOf(ForjaException.class).hasMessageContaining("SQLite refused the query").hasMessageContaining("no such column: nope");
    }

    @Test
    void anUnknownDriverIsNamedByItsUrlPrefix() {
        assertThatThrownBy(() -> new JdbcReader(Map.of()).read("jdbc:nosuchdb://host/db?password=hunter2",
                ReadOptions.defaults().withQuery("select 1")))
                .isInstanceOf(ForjaException.class)
                .hasMessageContaining("no JDBC driver for jdbc:nosuchdb: URLs")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void repeatedColumnNamesAreRefused() {
        assertThatThrownBy(() -> read("SELECT id, id FROM people"))
                .isInstanceOfSatisfying(ForjaException.class, e -> {
                    assertThat(e.getMessage()).contains("two columns named 'id'");
                    assertThat(e.hint()).contains("AS");
                });
    }

    @Test
    void unsupportedTypesNameTheColumnAndSuggestCast() throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE files (name TEXT, data BLOB)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO files VALUES ('a', ?)")) {
                ps.setBytes(1, new byte[] {1, 2});
                ps.execute();
            }
        }
        assertThatThrownBy(() -> read("SELECT name, data FROM files"))
                .isInstanceOfSatisfying(DataFormatException.class, e -> {
                    assertThat(e.column()).isEqualTo("'data'");
                    assertThat(e.getMessage()).contains("BLOB").contains("not supported");
                    assertThat(e.hint()).contains("CAST(data AS VARCHAR)").contains("--column 'data:text'");
                });
    }

    @Test
    void progressIsBoundedWithAnUnknownTotal() throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE n AS WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 100000) SELECT i FROM s");
        }
        TestFiles.Updates updates = new TestFiles.Updates();
        Dataset d = read("SELECT i FROM n", ReadOptions.defaults().withProgress(updates));
        assertThat(d.frame().rowCount()).isEqualTo(100_000);
        assertThat(d.frame().numeric("i").get(99_999)).isEqualTo(100_000.0);
        assertThat(updates.seen.size()).isBetween(2, 100);
        assertThat(updates.last()).containsExactly(100_000L, 100_000L);
        assertThat(updates.seen.get(0)[1]).isEqualTo(-1L);
    }

    @Test
    void passwordsNeverAppearInMessages() {
        assertThat(JdbcReader.redact("jdbc:postgresql://h:5432/db?user=u&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h:5432/db?user=u&password=***&ssl=true");
        assertThat(JdbcReader.redact("jdbc:sqlserver://h;user=u;Password=s3cret;db=x")).isEqualTo("jdbc:sqlserver://h;user=u;Password=***;db=x");
        assertThat(JdbcReader.redact("jdbc:mysql://u:s3cret@h/db")).isEqualTo("jdbc:mysql://u:***@h/db");
        assertThat(JdbcReader.hasParameter("jdbc:postgresql://h/db?user=u", "user")).isTrue();
        assertThat(JdbcReader.hasParameter("jdbc:postgresql://h/db?username=u", "user")).isFalse();
        assertThat(JdbcReader.prefix("jdbc:PostgreSQL://h/db")).isEqualTo("jdbc:postgresql:");
    }

    @Test
    void duckDbTypesMapToKinds() {
        String q = "SELECT 1::TINYINT ti, 2::HUGEINT hi, 18446744073709551615::UBIGINT ub, 3.25::DECIMAL(10,2) dec, "
                + "12345678901234567890.5::DECIMAL(38,1) bigdec, true b, DATE '2011-01-02' d, TIMESTAMP '2011-01-02 03:04:05.678' ts, "
                + "TIMESTAMPTZ '2011-01-02 05:04:05+02' tz, 'x' v";
        Dataset d = new JdbcReader(Map.of()).read("jdbc:duckdb:", ReadOptions.defaults().withQuery(q));
        Frame f = d.frame();
        assertThat(f.numeric("ti").get(0)).isEqualTo(1.0);
        assertThat(f.numeric("hi").get(0)).isEqualTo(2.0);
        assertThat(f.numeric("ub").get(0)).isEqualTo(18446744073709551615.0);
        assertThat(f.numeric("dec").get(0)).isEqualTo(3.25);
        assertThat(f.categorical("b").get(0)).isEqualTo("true");
        assertThat(f.datetime("d").millis(0)).isEqualTo(JAN_2_2011);
        assertThat(f.datetime("ts").millis(0)).isEqualTo(JAN_2_2011 + (3 * 3600 + 4 * 60 + 5) * 1000L + 678);
        assertThat(f.datetime("tz").millis(0)).isEqualTo(JAN_2_2011 + (3 * 3600 + 4 * 60 + 5) * 1000L);
        assertThat(f.categorical("v").get(0)).isEqualTo("x");
        assertThat(d.report().notes()).anySatisfy(n -> assertThat(n).contains("'bigdec'").contains("15 to 17 significant digits"))
                .anySatisfy(n -> assertThat(n).contains("'ub'").contains("1 integer beyond 2^53"))
                .noneSatisfy(n -> assertThat(n).contains("'dec'"));
    }

    @Test
    void nestedDuckDbColumnsAreRefusedUnlessReadAsText() {
        ReadOptions o = ReadOptions.defaults().withQuery("SELECT 1 AS id, [1, 2] AS xs");
        assertThatThrownBy(() -> new JdbcReader(Map.of()).read("jdbc:duckdb:", o))
                .isInstanceOfSatisfying(DataFormatException.class, e -> {
                    assertThat(e.column()).isEqualTo("'xs'");
                    assertThat(e.getMessage()).contains("INTEGER[]").contains("ARRAY");
                });
        Frame f = new JdbcReader(Map.of()).read("jdbc:duckdb:", o.withKind("xs", ColumnKind.TEXT)).frame();
        assertThat(f.text("xs").get(0)).isEqualTo("[1, 2]");
    }
}
