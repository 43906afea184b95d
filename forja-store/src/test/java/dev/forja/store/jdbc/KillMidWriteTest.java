package dev.forja.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forja.store.Store;
import dev.forja.store.Stores;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real writer process (SIGKILL, no shutdown hooks) in the middle of logging, several times,
 * and checks that the embedded store holds only complete writes and stays consistent.
 */
class KillMidWriteTest {
    @TempDir
    Path home;

    @Test
    void aWriterKilledMidLogLeavesOnlyWholeRunsAndVersions() throws Exception {
        Random random = new Random(7);
        for (int round = 0; round < 3; round++) {
            Process writer = startWriter();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
                int ticks = 0;
                while (ticks < 3 + random.nextInt(4)) {
                    String line = out.readLine();
                    assertThat(line).as("the writer stopped early").isNotNull();
                    ticks++;
                }
                Thread.sleep(random.nextInt(40));
                writer.destroyForcibly(); // SIGKILL on Unix
                assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            checkConsistent();
        }
        try (Store store = Stores.embedded(home)) {
            assertThat(store.registerModel("writer-model", "x", null, Map.of()).version())
                    .isEqualTo(count("SELECT COUNT(*) FROM model_versions"));
        }
    }

    private Process startWriter() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), KillableWriter.class.getName(), home.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private void checkConsistent() throws SQLException {
        assertThat(text("PRAGMA integrity_check")).isEqualTo("ok");
        assertThat(count("SELECT COUNT(*) FROM runs")).isPositive();
        // A run recorded in one step is there with everything or not at all.
        assertThat(count("SELECT COUNT(*) FROM runs r JOIN run_tags t ON t.run_id = r.run_id AND t.key = 'kind' AND t.value = 'recorded' "
                + "WHERE r.status <> 'FINISHED' OR (SELECT COUNT(*) FROM params p WHERE p.run_id = r.run_id) <> "
                + KillableWriter.RECORDED_PARAMS + " OR (SELECT COUNT(*) FROM metrics m WHERE m.run_id = r.run_id) <> "
                + KillableWriter.RECORDED_METRICS)).isZero();
        // A run logged batch by batch holds whole batches only.
        assertThat(count("SELECT COUNT(*) FROM (SELECT r.run_id, (SELECT COUNT(*) FROM metrics m WHERE m.run_id = r.run_id) AS n "
                + "FROM runs r JOIN run_tags t ON t.run_id = r.run_id AND t.key = 'kind' AND t.value = 'batched') x WHERE n % "
                + KillableWriter.BATCH + " <> 0")).isZero();
        // The reported point of every metric agrees with its history.
        assertThat(count("SELECT COUNT(*) FROM (SELECT run_id, key, MAX(step) AS s FROM metrics GROUP BY run_id, key) h "
                + "LEFT JOIN latest_metrics l ON l.run_id = h.run_id AND l.key = h.key WHERE l.step IS NULL OR l.step <> h.s")).isZero();
        assertThat(count("SELECT COUNT(*) FROM latest_metrics l WHERE NOT EXISTS (SELECT 1 FROM metrics m WHERE m.run_id = l.run_id "
                + "AND m.key = l.key)")).isZero();
        // Versions are numbered 1..n without gaps, and each has its tag.
        long versions = count("SELECT COUNT(*) FROM model_versions");
        assertThat(count("SELECT COALESCE(MAX(version), 0) FROM model_versions")).isEqualTo(versions);
        assertThat(count("SELECT COUNT(*) FROM model_version_tags")).isEqualTo(versions);
    }

    private long count(String sql) throws SQLException {
        return Long.parseLong(text(sql));
    }

    private String text(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("forja.db")); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
