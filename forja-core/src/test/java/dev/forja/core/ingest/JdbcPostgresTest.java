package dev.forja.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forja.core.ForjaException;
import dev.forja.core.frame.ColumnKind;
import dev.forja.core.frame.Frame;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JDBC reader against a real PostgreSQL (zonky's embedded binaries, started once for the class). */
class JdbcPostgresTest {
    private static final long JAN_2_2011 = 14_976L * 86_400_000L;
    private static EmbeddedPostgres postgres;
    private static String url;

    @BeforeAll
    static void start() throws IOException, SQLException {
        postgres = EmbeddedPostgres.start();
        url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')");
            st.execute("CREATE TABLE t (i int4, b int8, n numeric(10, 2), un numeric, f float8, ok bool, d date, "
                    + "ts timestamp, tz timestamptz, name text, code varchar(5), m mood, id uuid, bits bytea)");
            st.execute("INSERT INTO t VALUES "
                    + "(1, 9007199254740993, 2.50, 1.5, 0.25, true, '2011-01-02', '2011-01-02 03:04:05', '2011-01-02 05:04:05+02', "
                    + "'Ann', '01234', 'happy', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '\\x0102'), "
                    + "(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
            st.execute("CREATE TABLE many AS SELECT g AS i, g % 7 AS r FROM generate_series(1, 50000) g");
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static Dataset read(String query) {
        return new JdbcReader(Map.of()).read(url + "?user=postgres", ReadOptions.defaults().withQuery(query));
    }

    @Test
    void postgresTypesMapToKinds() {
        Dataset d = read("SELECT i, b, n, un, f, ok, d, ts, tz, name, code, m FROM t ORDER BY i NULLS LAST");
        Frame f = d.frame();
        assertThat(f.schema().columns()).extracting(c -> c.kind()).containsExactly(
                ColumnKind.NUMERIC, ColumnKind.NUMERIC, ColumnKind.NUMERIC, ColumnKind.NUMERIC, ColumnKind.NUMERIC, ColumnKind.CATEGORICAL,
                ColumnKind.DATETIME, ColumnKind.DATETIME, ColumnKind.DATETIME, ColumnKind.CATEGORICAL, ColumnKind.CATEGORICAL,
                ColumnKind.CATEGORICAL);
        assertThat(f.numeric("i").toArray()).containsExactly(1.0, Double.NaN);
        assertThat(f.numeric("n").get(0)).isEqualTo(2.5);
        assertThat(f.numeric("f").get(0)).isEqualTo(0.25);
        assertThat(f.categorical("ok").get(0)).isEqualTo("true");
        assertThat(f.datetime("d").millis(0)).isEqualTo(JAN_2_2011);
        assertThat(f.datetime("ts").millis(0)).isEqualTo(JAN_2_2011 + (3 * 3600 + 4 * 60 + 5) * 1000L);
        assertThat(f.datetime("tz").millis(0)).isEqualTo(JAN_2_2011 + (3 * 3600 + 4 * 60 + 5) * 1000L);
        assertThat(f.categorical("code").get(0)).isEqualTo("01234");
        assertThat(f.categorical("m").get(0)).isEqualTo("happy");
        for (int c = 0; c < f.columnCount(); c++) {
            assertThat(f.column(c).isMissing(1)).as(f.column(c).name()).isTrue();
        }
        assertThat(d.report().notes()).anySatisfy(n -> assertThat(n).contains("'b'").contains("beyond 2^53"))
                .anySatisfy(n -> assertThat(n).contains("'un'").contains("CAST it in the query"))
                .noneSatisfy(n -> assertThat(n).contains("'n'"));
    }

    @Test
    void timestampWithTimeZoneIsTheInstantWhateverTheSessionZone() {
        String zoned = url + "?user=postgres&options=-c%20TimeZone%3DAmerica/New_York";
        Frame f = new JdbcReader(Map.of()).read(zoned, ReadOptions.defaults().withQuery("SELECT tz, ts FROM t WHERE i = 1")).frame();
        assertThat(f.datetime("tz").millis(0)).isEqualTo(JAN_2_2011 + (3 * 3600 + 4 * 60 + 5) * 1000L);
        assertThat(f.datetime("ts").millis(0)).isEqualTo(JAN_2_2011 + (3 * 3600 + 4 * 60 + 5) * 1000L);
    }

    @Test
    void unsupportedPostgresTypesAreNamedWithACastHint() {
        assertThatThrownBy(() -> read("SELECT id FROM t"))
                .isInstanceOfSatisfying(DataFormatException.class, e -> {
                    assertThat(e.column()).isEqualTo("'id'");
                    assertThat(e.getMessage()).contains("uuid");
                    assertThat(e.hint()).contains("CAST(id AS VARCHAR)");
                });
        Frame f = new JdbcReader(Map.of()).read(url + "?user=postgres",
                ReadOptions.defaults().withQuery("SELECT id FROM t ORDER BY i").withKind("id", ColumnKind.CATEGORICAL)).frame();
        assertThat(f.categorical("id").get(0)).isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    }

    @Test
    void credentialsComeFromTheEnvironmentWhenTheUrlHasNone() {
        Map<String, String> env = Map.of(JdbcReader.USER_ENV, "postgres", JdbcReader.PASSWORD_ENV, "unused-with-trust-auth");
        Frame f = new JdbcReader(env).read(url, ReadOptions.defaults().withQuery("SELECT current_user AS u")).frame();
        assertThat(f.categorical("u").get(0)).isEqualTo("postgres");
        // The URL's user wins over the environment's.
        Map<String, String> wrong = Map.of(JdbcReader.USER_ENV, "nobody_here");
        Frame g = new JdbcReader(wrong).read(url + "?user=postgres", ReadOptions.defaults().withQuery("SELECT current_user AS u")).frame();
        assertThat(g.categorical("u").get(0)).isEqualTo("postgres");
        assertThatThrownBy(() -> new JdbcReader(wrong).read(url, ReadOptions.defaults().withQuery("SELECT 1")))
                .isInstanceOf(ForjaException.class).hasMessageContaining("cannot connect to " + url).hasMessageContaining("nobody_here");
    }

    @Test
    void theConnectionIsReadOnly() {
        assertThatThrownBy(() -> read("INSERT INTO t (i) VALUES (99) RETURNING i"))
                .isInstanceOf(ForjaException.class).hasMessageContaining("read-only");
    }

    @Test
    void largeResultsStreamWithBoundedProgress() {
        TestFiles.Updates updates = new TestFiles.Updates();
        Dataset d = new JdbcReader(Map.of()).read(url + "?user=postgres",
                ReadOptions.defaults().withQuery("SELECT i, r FROM many ORDER BY i").withProgress(updates));
        Frame f = d.frame();
        assertThat(f.rowCount()).isEqualTo(50_000);
        double sum = 0;
        for (double v : f.numeric("i").toArray()) {
            sum += v;
        }
        assertThat(sum).isEqualTo(50_000.0 * 50_001 / 2);
        assertThat(updates.seen.size()).isBetween(2, 100);
    }
}
